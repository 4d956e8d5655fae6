// SPDX-License-Identifier: MIT
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { FieldError } from '@kc/contract';

/** The contract document, as `@kc/contract` exports it (an OpenAPI 3.1 object). */
export type OpenApiDocument = { readonly paths: object; readonly components: object } & Record<string, unknown>;

type Json = Record<string, unknown>;
type Where = 'path' | 'query' | 'header';

/** The request as the HTTP layer sees it, before validation. */
export interface RawRequest {
  /** Path parameters (strings). */
  readonly params: Record<string, string>;
  /** Query parameters: a string, or strings for a repeated name. */
  readonly query: Record<string, string | string[] | undefined>;
  /** Headers, lower-case names. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, `undefined` when none was sent. */
  readonly body: unknown;
}

/** A request that passed validation: parameters converted to their schema types. */
export interface CheckedRequest {
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
}

/** Validation of one operation's requests and responses against the contract's own schemas. */
export interface OperationValidator {
  /** Validates and converts a request; `errors` lists every failure (`allErrors`). */
  request(raw: RawRequest): { ok: true; value: CheckedRequest } | { ok: false; errors: FieldError[] };
  /**
   * Validates a response: the status must be declared, and a JSON body must match the declared schema.
   *
   * @returns The failures, empty when the response is valid.
   */
  response(status: number, contentType: string, body: unknown): string[];
  /**
   * Validates the payload of a stream event against the schema of its name under the operation's `x-events`.
   *
   * @returns The failures, empty when the payload is valid.
   */
  event(type: string, data: unknown): string[];
  /** Whether the operation declares a JSON request body. */
  readonly hasJsonBody: boolean;
  /** The content types of the declared request body. */
  readonly bodyTypes: readonly string[];
}

const BASE = 'openapi.json';

// `ajv-formats` is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsPlugin as unknown as { default?: unknown }).default ?? addFormatsPlugin) as unknown as (
  ajv: Ajv2020,
) => void;

function pointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`[kc] only local references are supported: ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[key];
  }
  if (!node || typeof node !== 'object') throw new Error(`[kc] unresolved reference ${ref}`);
  return node as Json;
}

/** Follows `$ref` of parameter, request body and response objects (not of schemas). */
function deref(doc: Json, node: Json): Json {
  let current = node;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) current = pointer(doc, current.$ref);
  return current;
}

/** An inline schema of the document made standalone: its local references point into the added document. */
function standalone(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(standalone);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${BASE}${v}` : standalone(v);
  }
  return out;
}

/** The JSON type a parameter's schema expects, following references, for converting strings. */
function typeOf(doc: Json, schema: Json | undefined): string | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    if (typeof s.type === 'string') return s.type;
    if (typeof s.$ref === 'string') s = pointer(doc, s.$ref);
    else if (Array.isArray(s.allOf) && s.allOf[0]) s = s.allOf[0] as Json;
    else return undefined;
  }
  return undefined;
}

function convert(type: string | undefined, value: string | string[]): unknown {
  if (type === 'array') return Array.isArray(value) ? value : value.split(',');
  const one = Array.isArray(value) ? value[value.length - 1]! : value;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(one)) return Number(one);
  if (type === 'boolean' && (one === 'true' || one === 'false')) return one === 'true';
  return one;
}

function fieldErrors(errors: readonly ErrorObject[] | null | undefined, where?: Where): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors ?? []) {
    // Composition keywords repeat what their branches said.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    let path = e.instancePath;
    if (e.keyword === 'required') path += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const p = e.params as { additionalProperty?: string; unevaluatedProperty?: string };
      path += `/${p.additionalProperty ?? p.unevaluatedProperty ?? ''}`;
    }
    let field = path || '/';
    if (where) {
      const name = path.split('/')[1] ?? '';
      field = `${where}.${where === 'header' ? headerName(name) : name}`;
    }
    const message = e.keyword === 'required' ? 'Required.' : `${e.message ?? 'Not valid'}.`;
    if (!out.some((x) => x.field === field && x.code === e.keyword)) {
      out.push({ field: field.slice(0, 500), code: e.keyword.slice(0, 64), message: message.slice(0, 500) });
    }
  }
  if (out.length === 0 && errors?.length) {
    const e = errors[0]!;
    out.push({ field: e.instancePath || '/', code: e.keyword, message: `${e.message ?? 'Not valid'}.` });
  }
  return out;
}

const HEADER_NAMES: Record<string, string> = {};
function headerName(lower: string): string {
  return HEADER_NAMES[lower] ?? lower;
}

interface ParamSpec {
  readonly name: string;
  readonly in: Where;
  readonly required: boolean;
  readonly schema: Json;
}

/**
 * Compiles validators for every operation of an OpenAPI 3.1 document with ajv (draft 2020-12), the document added
 * whole so that its own schemas are the single source of truth. Options follow the contract, not Fastify's
 * defaults: no stripping of unknown properties, no type coercion of bodies, every error reported. Query, path and
 * header parameters arrive as strings and are converted to their schema's type first.
 *
 * @returns The validators by `operationId`.
 * @example
 * ```ts
 * const validators = compileContract(document);
 * const checked = validators.get('submitComplaint')!.request({ params: {}, query: {}, headers, body });
 * ```
 */
export function compileContract(document: OpenApiDocument): Map<string, OperationValidator> {
  const doc = document as unknown as Json;
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addSchema(doc, BASE);
  const compile = (schema: unknown): ValidateFunction => ajv.compile(standalone(schema) as object);

  const out = new Map<string, OperationValidator>();
  for (const itemRaw of Object.values(doc.paths as Json)) {
    const item = itemRaw as Json;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params: ParamSpec[] = [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map(
        (p) => {
          const r = deref(doc, p);
          const where = r.in as Where;
          const name = where === 'header' ? String(r.name).toLowerCase() : String(r.name);
          if (where === 'header') HEADER_NAMES[name] = String(r.name);
          return { name, in: where, required: r.required === true, schema: (r.schema as Json) ?? {} };
        },
      );
      const groups = (['path', 'query', 'header'] as const).map((where) => {
        const list = params.filter((p) => p.in === where);
        const schema = {
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [p.name, p.schema])),
          required: list.filter((p) => p.required).map((p) => p.name),
        };
        return { where, list, validate: compile(schema) };
      });
      const requestBody = op.requestBody ? deref(doc, op.requestBody as Json) : undefined;
      const bodyContent = (requestBody?.content as Json | undefined) ?? {};
      const jsonBody = bodyContent['application/json'] as Json | undefined;
      const bodyValidate = jsonBody?.schema ? compile(jsonBody.schema) : undefined;
      const bodyRequired = requestBody?.required === true;
      const responses = (op.responses as Json) ?? {};
      const responseCache = new Map<string, ValidateFunction | null>();
      const events = (op['x-events'] as Json | undefined) ?? {};
      const eventCache = new Map<string, ValidateFunction>();

      out.set(String(op.operationId), {
        hasJsonBody: jsonBody !== undefined,
        bodyTypes: Object.keys(bodyContent),
        request(raw) {
          const errors: FieldError[] = [];
          const converted: Record<Where, Record<string, unknown>> = { path: {}, query: {}, header: {} };
          for (const g of groups) {
            const source = g.where === 'path' ? raw.params : g.where === 'query' ? raw.query : raw.headers;
            const values: Record<string, unknown> = {};
            for (const p of g.list) {
              const v = source[p.name];
              if (v !== undefined) values[p.name] = convert(typeOf(doc, p.schema), v);
            }
            if (!g.validate(values)) errors.push(...fieldErrors(g.validate.errors, g.where));
            converted[g.where] = values;
          }
          let body = raw.body;
          if (bodyValidate) {
            if (body === undefined) {
              if (bodyRequired) errors.push({ field: '/', code: 'required', message: 'A JSON body is required.' });
            } else if (!bodyValidate(body)) {
              errors.push(...fieldErrors(bodyValidate.errors));
            }
          } else if (!requestBody) {
            body = undefined;
          }
          if (errors.length > 0) return { ok: false, errors };
          return { ok: true, value: { params: converted.path, query: converted.query, body } };
        },
        event(type, data) {
          const schema = events[type];
          if (!schema) return [`event ${type} is not declared`];
          let validate = eventCache.get(type);
          if (!validate) eventCache.set(type, (validate = compile(schema)));
          if (validate(data)) return [];
          return fieldErrors(validate.errors).map((e) => `${e.field} ${e.code}: ${e.message}`);
        },
        response(status, contentType, body) {
          const declared = (responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default) as
            Json | undefined;
          if (!declared) return [`status ${status} is not declared`];
          const res = deref(doc, declared);
          const content = res.content as Json | undefined;
          const type = contentType.split(';')[0]!.trim().toLowerCase();
          if (!content) return body === undefined || body === '' ? [] : [`status ${status} declares no body`];
          const media = content[type] as Json | undefined;
          if (!media) return [`${type || 'no content type'} is not declared for status ${status}`];
          if (!type.endsWith('json')) return [];
          const key = `${status} ${type}`;
          if (!responseCache.has(key)) responseCache.set(key, media.schema ? compile(media.schema) : null);
          const validate = responseCache.get(key);
          if (!validate || validate(body)) return [];
          return fieldErrors(validate.errors).map((e) => `${e.field} ${e.code}: ${e.message}`);
        },
      });
    }
  }
  return out;
}

/**
 * Checks a value against one named schema of the contract (`components.schemas[name]`).
 *
 * @returns The failures as field errors, empty when the value is valid.
 * @example
 * ```ts
 * const errors = checkSchema(contractDocument, 'Config', JSON.parse(readFileSync(file, 'utf8')));
 * ```
 */
export function checkSchema(document: OpenApiDocument, name: string, value: unknown): FieldError[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: false, removeAdditional: false });
  addFormats(ajv);
  ajv.addSchema(document, BASE);
  const validate = ajv.compile({ $ref: `${BASE}#/components/schemas/${name}` });
  return validate(value) ? [] : fieldErrors(validate.errors);
}
