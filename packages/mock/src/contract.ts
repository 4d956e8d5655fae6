// SPDX-License-Identifier: MIT
/**
 * The contract as the mock and the contract suite read it: for every operation, where in `openapi.yaml` its
 * parameters, request bodies, responses and stream events are described, and an ajv validator over the whole
 * document (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
 *
 * @packageDocumentation
 */
import { contractOperations, type ContractOperation, type OperationId } from '@kc/contract';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { contractDocument } from './contract-document.js';

/** Where a parameter travels. */
export type ParameterLocation = 'path' | 'query' | 'header';

/** A parameter of an operation, with the JSON pointer of its schema in the document. */
export interface ParameterInfo {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** The parameter's schema (may hold `$ref`s into the document). */
  schema: JsonSchema;
  /** `openapi.json#/…` of the schema, for {@link ContractValidator.validate}. */
  schemaRef: string;
  /** The parameter's `example`, when it has one. */
  example?: unknown;
}

/** A declared answer of an operation. */
export interface ResponseInfo {
  /** `openapi.json#/…` of the body schema per content type; `null` for a content without a schema. */
  content: Readonly<Record<string, string | null>>;
  /** Names of the declared headers, as written in the document. */
  headers: readonly string[];
}

/** An operation of the contract with everything a host or a test needs to call it and check its answers. */
export interface OperationInfo extends ContractOperation {
  parameters: readonly ParameterInfo[];
  /** `null` when the operation takes no body. */
  requestBody: {
    required: boolean;
    /** `openapi.json#/…` of the body schema per content type. */
    content: Readonly<Record<string, string>>;
    /** The named examples of the first content type. */
    examples: Readonly<Record<string, unknown>>;
  } | null;
  /** By status code as written in the document (`'200'`, `'422'`). */
  responses: Readonly<Record<string, ResponseInfo>>;
  /** `openapi.json#/…` of each stream event's payload schema, by event name (from `x-events`). */
  eventSchemas: Readonly<Record<string, string>>;
}

/** A JSON Schema object as it appears in the document. */
export type JsonSchema = Record<string, unknown>;

interface LooseParameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
}
interface LooseMedia {
  schema?: JsonSchema;
  examples?: Record<string, { value?: unknown }>;
}
interface LooseResponse {
  $ref?: string;
  content?: Record<string, LooseMedia>;
  headers?: Record<string, unknown>;
}
interface LooseOperation {
  parameters?: LooseParameter[];
  requestBody?: { required?: boolean; content: Record<string, LooseMedia> };
  responses: Record<string, LooseResponse>;
  'x-events'?: Record<string, JsonSchema>;
}
interface LooseDocument {
  paths: Record<string, Record<string, unknown>>;
  components: {
    parameters: Record<string, LooseParameter>;
    responses: Record<string, LooseResponse>;
    schemas: Record<string, JsonSchema>;
  };
}

/** The document id under which the validator holds the contract. */
export const DOCUMENT_ID = 'openapi.json';

const doc = contractDocument as unknown as LooseDocument;

/** `openapi.json#/a/b~1c` from segments, escaped as JSON pointer and URI fragment. */
export function pointer(...segments: (string | number)[]): string {
  const escaped = segments.map((s) => encodeURIComponent(String(s).replace(/~/g, '~0').replace(/\//g, '~1')));
  return `${DOCUMENT_ID}#/${escaped.join('/')}`;
}

function componentName(ref: string, kind: string): string {
  const prefix = `#/components/${kind}/`;
  if (!ref.startsWith(prefix)) throw new Error(`[kc] unsupported $ref ${ref}`);
  return ref.slice(prefix.length);
}

function describe(op: ContractOperation): OperationInfo {
  const item = doc.paths[op.path];
  if (!item) throw new Error(`[kc] the contract has no path ${op.path}`);
  const method = op.method.toLowerCase();
  const raw = item[method] as LooseOperation;

  const parameters: ParameterInfo[] = [];
  const addParameters = (list: LooseParameter[] | undefined, base: (string | number)[]) => {
    (list ?? []).forEach((p, i) => {
      let resolved = p;
      let at = [...base, i];
      if (p.$ref) {
        const name = componentName(p.$ref, 'parameters');
        const found = doc.components.parameters[name];
        if (!found) throw new Error(`[kc] unresolved ${p.$ref}`);
        resolved = found;
        at = ['components', 'parameters', name];
      }
      const info: ParameterInfo = {
        name: resolved.name,
        in: resolved.in as ParameterLocation,
        required: resolved.required === true,
        schema: resolved.schema,
        schemaRef: pointer(...at, 'schema'),
      };
      if (resolved.example !== undefined) info.example = resolved.example;
      // An operation's parameter overrides a path-level one of the same name and location.
      const same = parameters.findIndex((x) => x.name === info.name && x.in === info.in);
      if (same >= 0) parameters[same] = info;
      else parameters.push(info);
    });
  };
  addParameters(item.parameters as LooseParameter[] | undefined, ['paths', op.path, 'parameters']);
  addParameters(raw.parameters, ['paths', op.path, method, 'parameters']);

  let requestBody: OperationInfo['requestBody'] = null;
  if (raw.requestBody) {
    const content: Record<string, string> = {};
    let examples: Record<string, unknown> = {};
    for (const [type, media] of Object.entries(raw.requestBody.content)) {
      content[type] = pointer('paths', op.path, method, 'requestBody', 'content', type, 'schema');
      if (Object.keys(examples).length === 0 && media.examples) {
        examples = Object.fromEntries(Object.entries(media.examples).map(([name, ex]) => [name, ex.value]));
      }
    }
    requestBody = { required: raw.requestBody.required === true, content, examples };
  }

  const responses: Record<string, ResponseInfo> = {};
  for (const [status, response] of Object.entries(raw.responses)) {
    let resolved = response;
    let at: (string | number)[] = ['paths', op.path, method, 'responses', status];
    if (response.$ref) {
      const name = componentName(response.$ref, 'responses');
      const found = doc.components.responses[name];
      if (!found) throw new Error(`[kc] unresolved ${response.$ref}`);
      resolved = found;
      at = ['components', 'responses', name];
    }
    const content: Record<string, string | null> = {};
    for (const [type, media] of Object.entries(resolved.content ?? {})) {
      content[type] = media.schema ? pointer(...at, 'content', type, 'schema') : null;
    }
    responses[status] = { content, headers: Object.keys(resolved.headers ?? {}) };
  }

  const eventSchemas: Record<string, string> = {};
  for (const name of Object.keys(raw['x-events'] ?? {})) {
    eventSchemas[name] = pointer('paths', op.path, method, 'x-events', name);
  }

  return { ...op, parameters, requestBody, responses, eventSchemas };
}

/** Every operation of the contract with its schema locations, in document order. */
export const operationInfos: readonly OperationInfo[] = contractOperations.map(describe);

/** {@link operationInfos} by `operationId`. */
export const operationInfoById: Readonly<Record<OperationId, OperationInfo>> = Object.fromEntries(
  operationInfos.map((op) => [op.operationId, op]),
) as Record<OperationId, OperationInfo>;

/** One way a value fails its schema, in the contract's `FieldError` form. */
export interface ValidationIssue {
  /** JSON pointer into the value (`/applicant/iin`), or `query.limit` and the like when a prefix was given. */
  field: string;
  /** The JSON Schema keyword that failed (`required`, `pattern`, `type`, `enum`…). */
  code: string;
  message: string;
}

/**
 * Validates values against schemas of the contract. One instance compiles each schema once.
 *
 * @example
 * ```ts
 * const validator = createContractValidator();
 * validator.validate(pointer('components', 'schemas', 'Outage'), body); // [] when valid
 * ```
 */
export interface ContractValidator {
  /**
   * Checks `value` against the schema at `schemaRef` (`openapi.json#/…`). Returns the issues, empty when valid.
   * Fields are JSON pointers into `value`, after `prefix` when one is given (`query.status`, `query.status/1`).
   */
  validate(schemaRef: string, value: unknown, prefix?: string): ValidationIssue[];
}

function issue(error: ErrorObject, prefix: string | undefined): ValidationIssue {
  let at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    at += `/${params.missingProperty.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  } else if (
    (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') &&
    typeof (params.additionalProperty ?? params.unevaluatedProperty) === 'string'
  ) {
    at += `/${String(params.additionalProperty ?? params.unevaluatedProperty)}`;
  }
  const field = prefix === undefined ? at || '/' : prefix + at;
  return { field, code: error.keyword, message: error.message ?? error.keyword };
}

let shared: ContractValidator | null = null;

/**
 * The validator every mock of this page or process shares: compiling the contract's schemas once is enough, and
 * validating keeps no state between calls.
 */
export function sharedContractValidator(): ContractValidator {
  shared ??= createContractValidator();
  return shared;
}

/**
 * Creates a {@link ContractValidator} over the whole contract document (ajv 2020 with formats, `strict: false`
 * for the OpenAPI keywords, every error reported).
 */
export function createContractValidator(): ContractValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(contractDocument, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();
  return {
    validate(schemaRef, value, prefix) {
      let fn = compiled.get(schemaRef);
      if (!fn) {
        fn = ajv.compile({ $ref: schemaRef });
        compiled.set(schemaRef, fn);
      }
      if (fn(value)) return [];
      const seen = new Set<string>();
      const out: ValidationIssue[] = [];
      for (const error of fn.errors ?? []) {
        const found = issue(error, prefix);
        const key = `${found.field} ${found.code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(found);
      }
      return out;
    },
  };
}
