// SPDX-License-Identifier: MIT
import { KcContractError, KcValidationError, type KcContractIssue, type KcFieldError } from '../errors/errors.js';

/**
 * The subset of JSON Schema (2020-12, as used by the contract) that the SDK checks answers against. Schemas are
 * generated from `openapi.yaml` into `generated.ts`; `$ref`s become references to other exports (a function for a
 * recursive one). `T` is the type the schema describes, so that {@link validate} returns it.
 *
 * @example
 * ```ts
 * const Thing: Schema<{ n: number }> = { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } };
 * ```
 */
export interface Schema<T = unknown> {
  /** @internal Phantom, never set: carries `T`. */
  readonly __type?: T;
  type?: string | readonly string[];
  properties?: Readonly<Record<string, AnySchema>>;
  /** The names of the required properties, or their number: the first `n` keys of `properties`. */
  required?: readonly string[] | number;
  additionalProperties?: boolean | AnySchema;
  enum?: readonly unknown[];
  const?: unknown;
  items?: AnySchema;
  oneOf?: readonly AnySchema[];
  anyOf?: readonly AnySchema[];
  allOf?: readonly AnySchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/**
 * The type a schema describes.
 *
 * @example
 * ```ts
 * type Receipt = Infer<typeof ComplaintReceipt>;
 * ```
 */
export type Infer<S> = S extends Schema<infer T> ? T : S extends () => Schema<infer T> ? T : unknown;

/**
 * A schema, or a function returning one (a `$ref` to a schema defined later, for recursion).
 *
 * @example
 * ```ts
 * const lazy: AnySchema = () => Thing;
 * ```
 */
export type AnySchema = Schema<unknown> | (() => Schema<unknown>);

const formats: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
  date: /^\d{4}-\d\d-\d\d$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};
const patterns = new Map<string, RegExp>();

const typeOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number' && Number.isInteger(v)
        ? 'integer'
        : typeof v;

/**
 * Checks `value` against `schema` and appends what is wrong to `issues` (paths and keywords, never values).
 * Returns whether it matched. With `answer` (a server's answer, as {@link validate} checks it), a value outside an
 * `enum` passes: within `/api/v1` the server may add enum values, and clients show what they do not know
 * generically (contract, "Versioning"). What a client sends is held to the enum.
 *
 * @example
 * ```ts
 * const issues: KcContractIssue[] = [];
 * check(Outage, answer, '', issues);
 * ```
 */
export function check(
  schema: AnySchema,
  value: unknown,
  path: string,
  issues: KcContractIssue[],
  answer = false,
): boolean {
  const s = typeof schema === 'function' ? schema() : schema;
  const before = issues.length;
  const fail = (keyword: string, at = path) => {
    issues.push({ path: at || '/', keyword });
  };
  const t = typeOf(value);
  if (s.type !== undefined) {
    const types = typeof s.type === 'string' ? [s.type] : s.type;
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) {
      fail('type');
      return false;
    }
  }
  if (s.enum && !answer && !s.enum.includes(value)) fail('enum');
  if ('const' in s && s.const !== value) fail('const');
  if (t === 'string') {
    const str = value as string;
    const length = [...str].length;
    if (s.minLength !== undefined && length < s.minLength) fail('minLength');
    if (s.maxLength !== undefined && length > s.maxLength) fail('maxLength');
    if (s.pattern !== undefined) {
      let re = patterns.get(s.pattern);
      if (!re) patterns.set(s.pattern, (re = new RegExp(s.pattern, 'u')));
      if (!re.test(str)) fail('pattern');
    }
    const format = s.format && formats[s.format];
    if (format && (!format.test(str) || (s.format !== 'uuid' && Number.isNaN(Date.parse(str))))) fail('format');
  } else if (t === 'number' || t === 'integer') {
    if (s.minimum !== undefined && (value as number) < s.minimum) fail('minimum');
    if (s.maximum !== undefined && (value as number) > s.maximum) fail('maximum');
  } else if (t === 'array') {
    const items = value as unknown[];
    if (s.minItems !== undefined && items.length < s.minItems) fail('minItems');
    if (s.maxItems !== undefined && items.length > s.maxItems) fail('maxItems');
    if (s.items) items.forEach((item, i) => check(s.items!, item, `${path}/${i}`, issues, answer));
  } else if (t === 'object') {
    const object = value as Record<string, unknown>;
    const required = typeof s.required === 'number' ? Object.keys(s.properties!).slice(0, s.required) : s.required;
    for (const key of required ?? []) if (!(key in object)) fail('required', `${path}/${key}`);
    for (const key in object) {
      const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const property = s.properties?.[key];
      if (property) check(property, object[key], at, issues, answer);
      else if (s.additionalProperties === false) fail('additionalProperties', at);
      else if (typeof s.additionalProperties === 'object' || typeof s.additionalProperties === 'function')
        check(s.additionalProperties, object[key], at, issues, answer);
    }
  }
  for (const sub of s.allOf ?? []) check(sub, value, path, issues, answer);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives) {
    const matches = alternatives.filter((sub) => check(sub, value, path, [], answer)).length;
    if (s.oneOf ? matches !== 1 : matches === 0) fail(s.oneOf ? 'oneOf' : 'anyOf');
  }
  return issues.length === before;
}

/**
 * Returns `value` typed as the schema's type when it matches (an unknown enum value passes: see {@link check}), else
 * throws a {@link KcContractError} naming the
 * operation and what was wrong (at most 10 issues, without the values).
 *
 * @throws {@link KcContractError} when `value` does not match.
 * @example
 * ```ts
 * const outage = validate(Outage, await response.json(), 'listOutages');
 * ```
 */
export function validate<T>(schema: Schema<T> | (() => Schema<T>), value: unknown, operation: string): T {
  const issues: KcContractIssue[] = [];
  if (!check(schema, value, '', issues, true)) throw new KcContractError(operation, issues.slice(0, 10));
  return value as T;
}

/**
 * The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). Kazakh, Russian and
 * English text never needs them, and in a name or a message they reorder how the text around it reads (the
 * "Trojan Source" trick: an operator named U+202E + `nimdA` shown as "Admin").
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Parses a server's JSON answer (a body or an event's data) without the bidirectional controls in any of its
 * strings (U+202A–U+202E and U+2066–U+2069: embeddings, overrides, isolates), written as characters or as `\u`
 * escapes. Kazakh, Russian and English text never needs them; in a name or a message they would reorder the text
 * around it.
 *
 * @throws SyntaxError when `text` is not JSON.
 */
export function parseAnswer(text: string): unknown {
  const plain = text.replace(BIDI, '');
  return /\\u20(2[a-e]|6[6-9])/i.test(plain)
    ? JSON.parse(plain, (_key, value: unknown) => (typeof value === 'string' ? value.replace(BIDI, '') : value))
    : JSON.parse(plain);
}

/**
 * Checks what the caller is about to send against the contract's request schema, so that a mistake is reported
 * at once rather than after the item waited offline.
 *
 * @throws {@link KcValidationError} with one field error per issue (`field` a JSON pointer, `code` the keyword).
 * @example
 * ```ts
 * checkInput(ComplaintDraft, draft);
 * ```
 */
export function checkInput(schema: AnySchema, value: unknown, extra: KcFieldError[] = []): void {
  const issues: KcContractIssue[] = [];
  check(schema, value, '', issues);
  const own = new Set(extra.map((e) => e.field));
  const errors = [
    ...issues
      .filter((i) => !own.has(i.path))
      .map((i) => ({ field: i.path, code: i.keyword, message: `Fails ${i.keyword}.` })),
    ...extra,
  ];
  if (errors.length > 0) throw new KcValidationError(errors);
}
