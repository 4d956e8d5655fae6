// SPDX-License-Identifier: MIT
import { contractDocument } from './contract-document.js';
import type { JsonSchema } from './contract.js';
import type { MalformedKind } from './scenario.js';

/** The value put where the contract lists the allowed values. */
export const UNKNOWN_ENUM_VALUE = 'kc_unknown_value';

const HTML_502 =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

/** The page a reverse proxy answers when the server behind it is down. */
export function badGatewayPage(): Response {
  return new Response(HTML_502, { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 20; i++) {
    const path = s.$ref.replace(/^(openapi\.json)?#\//, '').split('/');
    let node: unknown = contractDocument;
    for (const part of path) {
      node = (node as Record<string, unknown> | undefined)?.[
        decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')
      ];
    }
    s = node as JsonSchema | undefined;
  }
  return s;
}

function branches(schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [schema];
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list as JsonSchema[]) out.push(...branches(resolve(sub) ?? {}));
  }
  return out;
}

/** Replaces every value the schema constrains with `enum` by {@link UNKNOWN_ENUM_VALUE}. */
function unknownEnums(value: unknown, schema: JsonSchema | undefined): unknown {
  const s = resolve(schema);
  if (!s || value === null || value === undefined) return value;
  const all = branches(s);
  if (all.some((b) => Array.isArray(b.enum) && (b.enum as unknown[]).includes(value))) return UNKNOWN_ENUM_VALUE;
  if (Array.isArray(value)) {
    const items = all.map((b) => b.items as JsonSchema | undefined).find(Boolean);
    return value.map((v) => unknownEnums(v, items));
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const prop = all
        .map((b) => (b.properties as Record<string, JsonSchema> | undefined)?.[k])
        .find((p): p is JsonSchema => p !== undefined);
      out[k] = unknownEnums(v, prop);
    }
    return out;
  }
  return value;
}

/** Swaps every scalar for another type: strings become numbers, numbers strings, booleans strings. */
function wrongTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wrongTypes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongTypes(v)]));
  }
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/**
 * Breaks an answer the backend gave, keeping its status: see {@link MalformedKind}. `schemaRef` (the declared body
 * schema) guides `unknown-enum`. Answers without a JSON body (204, streams) come back unchanged.
 */
export function breakAnswer(
  kind: Exclude<MalformedKind, 'html-502'>,
  status: number,
  headers: Headers,
  body: unknown,
  schema: JsonSchema | undefined,
): Response {
  if (body === undefined || typeof body === 'string') {
    return new Response(kind === 'empty' ? '' : (body ?? null), { status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  const json = JSON.stringify(body);
  switch (kind) {
    case 'truncated-json':
      return new Response(json.slice(0, Math.max(1, Math.floor(json.length / 2))), { status, headers });
    case 'wrong-types':
      return new Response(JSON.stringify(wrongTypes(body)), { status, headers });
    case 'unknown-enum':
      return new Response(JSON.stringify(unknownEnums(body, schema)), { status, headers });
    case 'huge':
      // Valid JSON, padded with whitespace to about 5 MB.
      return new Response(json + ' '.repeat(5 * 1024 * 1024), { status, headers });
    case 'empty':
      return new Response('', { status, headers });
  }
}
