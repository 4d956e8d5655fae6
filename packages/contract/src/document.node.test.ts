// SPDX-License-Identifier: MIT
// Properties of the HTTP contract that lint rules do not check: examples everywhere and valid against their schemas,
// problem responses, idempotency keys on unsafe citizen requests, no secrets in URLs, stream events described.
//
//   node --conditions=kc-source --import tsx --test packages/contract/src/document.node.test.ts
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { document } from './generated/openapi-document.js';
import { contractOperations, operationsById, TOKEN_HEADERS } from './operations.js';
import type { Applicant, ChatEvent, EventData } from './schemas.js';

type Json = Record<string, unknown>;
type Operation = Json & {
  operationId?: string;
  tags?: string[];
  summary?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Record<string, string[]>[];
  'x-events'?: Record<string, { $ref: string }>;
};

const yamlText = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
const doc = parse(yamlText, { maxAliasCount: -1 }) as Json & {
  paths: Record<string, Json>;
  components: Record<string, Record<string, Json>>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ops: { method: string; path: string; op: Operation; pointer: string[] }[] = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const method of METHODS) {
    const op = item[method] as Operation | undefined;
    if (op) ops.push({ method, path, op, pointer: ['paths', path, method] });
  }
}

function resolve<T = Json>(node: unknown): T {
  let current = node as Json;
  while (typeof current?.$ref === 'string') {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = doc;
    for (const part of parts) target = (target as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    assert.ok(target, `unresolved ${current.$ref}`);
    current = target as Json;
  }
  return current as T;
}

function parameters(entry: (typeof ops)[number]): Json[] {
  const shared = (doc.paths[entry.path]!.parameters as Json[] | undefined) ?? [];
  return [...shared, ...(entry.op.parameters ?? [])].map((p) => resolve(p));
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi.json');

const pointerOf = (segments: readonly string[]): string =>
  'openapi.json#/' + segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

function validator(segments: readonly string[]) {
  return ajv.compile({ $ref: pointerOf(segments) });
}

function expectValid(segments: readonly string[], value: unknown, where: string): void {
  const validate = validator(segments);
  const ok = validate(value);
  assert.ok(ok, `${where} does not match its schema: ${ajv.errorsText(validate.errors)}`);
}

/** Every node of the document with its path, for the walks below. */
function* walk(node: unknown, segments: string[] = []): Generator<[Json, string[]]> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* walk(child, [...segments, String(i)]);
  } else if (node && typeof node === 'object') {
    yield [node as Json, segments];
    for (const [key, child] of Object.entries(node)) yield* walk(child, [...segments, key]);
  }
}

describe('the generated document', () => {
  it('is the YAML as data (run npm run contract:types after editing the YAML)', () => {
    assert.deepEqual(document, doc);
  });

  it('generates useful types (no schema collapses to unknown)', () => {
    const types = readFileSync(new URL('./generated/openapi.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(types, /^\s*\| (unknown|Record<string, never>);?$/m);
    // Checked by tsc: these lines stop compiling when the generated types degrade.
    type IsUnknown<T> = unknown extends T ? true : false;
    const applicantIsTyped: IsUnknown<Applicant> = false;
    const joined: EventData<ChatEvent, 'operator.joined'> = { operator: { displayName: 'Айгүл' }, at: '' };
    assert.equal(applicantIsTyped, false);
    assert.equal(joined.operator.displayName, 'Айгүл');
  });

  it('is listed operation by operation in docs/contract.md', () => {
    const guide = readFileSync(new URL('../../../docs/contract.md', import.meta.url), 'utf8');
    for (const op of contractOperations) {
      assert.ok(
        guide.includes(`| \`${op.operationId}\` | \`${op.method} ${op.path}\` |`),
        `${op.operationId} in the guide`,
      );
    }
  });

  it('lists every operation in the operation list, as the document says', () => {
    assert.equal(contractOperations.length, ops.length);
    for (const entry of ops) {
      const { op, method, path } = entry;
      const row = operationsById[op.operationId as keyof typeof operationsById];
      assert.ok(row, `${String(op.operationId)} missing`);
      const key = parameters(entry).find((p) => p.name === 'Idempotency-Key');
      assert.equal(row.method, method.toUpperCase());
      assert.equal(row.fullPath, `/api/v1${path}`);
      assert.equal(row.requiresIdempotencyKey, key?.required === true, `${row.operationId}: idempotency`);
      assert.deepEqual(row.security, op.security ?? doc.security, `${row.operationId}: security`);
      assert.deepEqual(row.events, Object.keys(op['x-events'] ?? {}), `${row.operationId}: events`);
      assert.deepEqual(row.statuses, Object.keys(op.responses), `${row.operationId}: statuses`);
    }
  });
});

describe('operations', () => {
  it('have a unique camelCase operationId, tags and a summary', () => {
    const seen = new Set<string>();
    for (const { method, path, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.match(op.operationId ?? '', /^[a-z][a-zA-Z0-9]*$/, `${where}: operationId`);
      assert.ok(!seen.has(op.operationId!), `${where}: duplicate operationId ${op.operationId}`);
      seen.add(op.operationId!);
      assert.ok((op.tags ?? []).length > 0, `${where}: tags`);
      assert.ok(op.summary, `${where}: summary`);
    }
  });

  it('declare problem+json responses for every error, with Retry-After on 429', () => {
    for (const { method, path, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const errors = Object.keys(op.responses).filter((s) => /^[45]\d\d$/.test(s));
      assert.ok(
        errors.some((s) => s.startsWith('4')),
        `${where}: no 4xx problem response`,
      );
      for (const status of errors) {
        const response = resolve<{ content?: Json; headers?: Json }>(op.responses[status]);
        const content = response.content ?? {};
        assert.deepEqual(Object.keys(content), ['application/problem+json'], `${where} ${status}: media type`);
        assert.equal(
          (content['application/problem+json'] as Json).schema &&
            ((content['application/problem+json'] as Json).schema as Json).$ref,
          '#/components/schemas/Problem',
          `${where} ${status}: schema`,
        );
        if (status === '429') assert.ok(response.headers?.['Retry-After'], `${where}: 429 without Retry-After`);
      }
    }
  });

  it('declare the errors their rules can produce', () => {
    for (const op of contractOperations) {
      const has = (status: string) => op.statuses.includes(status);
      if (!op.anonymous) assert.ok(has('401') && has('403'), `${op.operationId}: 401 and 403`);
      if (!op.operator) assert.ok(has('429'), `${op.operationId}: 429`);
      if (op.requiresIdempotencyKey) {
        for (const status of ['400', '409', '422']) assert.ok(has(status), `${op.operationId}: ${status}`);
      }
      if (op.path.includes('{')) assert.ok(has('404') || op.stream, `${op.operationId}: 404`);
    }
  });

  it('have examples for every request body, success body and parameter', () => {
    for (const { method, path, op, pointer } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      const body = op.requestBody ? resolve<{ content: Record<string, Json> }>(op.requestBody) : undefined;
      for (const [type, media] of Object.entries(body?.content ?? {})) {
        assert.ok(media.examples ?? media.example, `${where}: request ${type} has no example`);
      }
      for (const [status, ref] of Object.entries(op.responses)) {
        const content = (resolve(ref).content ?? {}) as Record<string, Json>;
        for (const [type, media] of Object.entries(content)) {
          assert.ok(media.examples ?? media.example, `${where} ${status} ${type}: no example`);
        }
      }
      for (const parameter of parameters({ method, path, op, pointer })) {
        assert.ok(
          parameter.example !== undefined || parameter.examples,
          `${where}: parameter ${String(parameter.name)}`,
        );
      }
    }
  });

  it('require Idempotency-Key on every unsafe citizen request and accept it on unsafe operator requests', () => {
    for (const entry of ops) {
      if (entry.method === 'get') continue;
      const where = `${entry.method.toUpperCase()} ${entry.path}`;
      const key = parameters(entry).find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      if (entry.path.startsWith('/operator/')) {
        if (key) assert.equal(key.required, false, `${where}: operators are not required to send a key`);
        continue;
      }
      assert.ok(key, `${where}: no Idempotency-Key`);
      assert.equal(key.required, true, `${where}: Idempotency-Key must be required`);
      assert.equal(
        (entry.op.parameters ?? []).some((p) => p.$ref === '#/components/parameters/IdempotencyKey'),
        true,
        `${where}: use the shared IdempotencyKey parameter`,
      );
    }
    assert.ok(operationsById.submitComplaint.requiresIdempotencyKey);
    assert.ok(!operationsById.getConfig.requiresIdempotencyKey);
  });

  it('put no secret in a path or a query string', () => {
    const secret = /code|token|secret|passw|pin$|otp|jwt|credential|apikey|api_key|auth|iin|bin$|phone|email/i;
    for (const entry of ops) {
      const where = `${entry.method.toUpperCase()} ${entry.path}`;
      for (const p of parameters(entry)) {
        if (p.in === 'path' || p.in === 'query' || p.in === 'cookie') {
          assert.doesNotMatch(String(p.name), secret, `${where}: ${String(p.in)} parameter ${String(p.name)}`);
        }
      }
      for (const segment of entry.path.split('/')) assert.doesNotMatch(segment.replace(/[{}]/g, ''), secret, where);
    }
    for (const scheme of Object.values(doc.components.securitySchemes!)) {
      assert.notEqual(scheme.in, 'query', 'a token scheme in the query string');
      assert.notEqual(scheme.in, 'cookie', 'a token scheme in a cookie');
    }
    const headers = Object.values(doc.components.securitySchemes!)
      .filter((s) => s.type === 'apiKey')
      .map((s) => s.name);
    assert.deepEqual(headers.sort(), Object.values(TOKEN_HEADERS).sort());
  });

  it('keep citizen and operator security apart', () => {
    for (const op of contractOperations) {
      const schemes = op.security.flatMap((requirement) => Object.keys(requirement));
      if (op.operator) {
        assert.ok(!op.anonymous, `${op.operationId}: operator operation without a token`);
        assert.deepEqual([...new Set(schemes)], ['operatorBearer'], op.operationId);
      } else {
        assert.ok(!schemes.includes('operatorBearer'), op.operationId);
      }
    }
  });

  it('close every object inside a JSON request body to unknown properties', () => {
    const seen = new Set<unknown>();
    const check = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const schema = node as Json;
      if (typeof schema.$ref === 'string') return check(resolve(schema), `${where} → ${schema.$ref}`);
      if (schema.properties) {
        assert.ok(
          schema.additionalProperties === false || schema.unevaluatedProperties === false,
          `${where}: an object open to unknown properties`,
        );
        for (const [name, child] of Object.entries(schema.properties as Json)) check(child, `${where}.${name}`);
      }
      if (schema.items) check(schema.items, `${where}[]`);
      for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
        for (const [i, child] of ((schema[key] as unknown[] | undefined) ?? []).entries()) {
          check(child, `${where} ${key}[${i}]`);
        }
      }
    };
    for (const { method, path, op } of ops) {
      if (!op.requestBody) continue;
      const json = resolve<{ content: Record<string, { schema: Json }> }>(op.requestBody).content['application/json'];
      if (json) check(json.schema, `${method.toUpperCase()} ${path}`);
    }
  });

  it('close every JSON request body to unknown properties', () => {
    for (const { method, path, op } of ops) {
      if (!op.requestBody) continue;
      const content = resolve<{ content: Record<string, { schema: Json }> }>(op.requestBody).content;
      const json = content['application/json'];
      if (!json) continue;
      const schema = resolve(json.schema);
      assert.ok(
        schema.additionalProperties === false || schema.unevaluatedProperties === false,
        `${method.toUpperCase()} ${path}: request body open to unknown properties`,
      );
    }
  });
});

describe('streams', () => {
  const streams = ops.filter(({ op }) =>
    Object.values(op.responses).some((r) => (resolve(r).content as Json | undefined)?.['text/event-stream']),
  );

  it('are the four of the contract', () => {
    assert.deepEqual(streams.map(({ op }) => op.operationId).sort(), [
      'watchChatSession',
      'watchComplaint',
      'watchOperatorEvents',
      'watchOutages',
    ]);
  });

  it('take Last-Event-ID and describe their events under x-events and in the envelope union', () => {
    for (const entry of streams) {
      const { op } = entry;
      const name = op.operationId!;
      assert.ok(
        parameters(entry).some((p) => p.in === 'header' && p.name === 'Last-Event-ID'),
        `${name}: no Last-Event-ID`,
      );
      const events = op['x-events'];
      assert.ok(events && Object.keys(events).length > 0, `${name}: no x-events`);
      for (const [event, ref] of Object.entries(events)) {
        assert.match(event, /^[a-z]+(\.[a-z]+)*$/, `${name}: event name ${event}`);
        resolve(ref);
      }
      const media = (resolve(op.responses['200']).content as Record<string, Json>)['text/event-stream']!;
      const union = resolve<{ oneOf: { properties: { event: { const: string }; data: { $ref: string } } }[] }>(
        (media.schema as Json).contentSchema,
      );
      assert.deepEqual(
        union.oneOf.map((o) => [o.properties.event.const, o.properties.data.$ref]),
        Object.entries(events).map(([event, ref]) => [event, ref.$ref]),
        `${name}: contentSchema and x-events disagree`,
      );
    }
  });

  it('have example streams whose events match their schemas', () => {
    const expected = {
      watchChatSession: ['queue.updated', 'operator.joined'],
      watchOutages: ['outage.published'],
      watchComplaint: ['timeline.added'],
      watchOperatorEvents: ['chat.typing'],
    };
    for (const { op, pointer } of streams) {
      const name = op.operationId as keyof typeof expected;
      const media = (op.responses['200']!.content as Record<string, Json>)['text/event-stream']!;
      const unionRef = ((media.schema as Json).contentSchema as { $ref: string }).$ref;
      const seen: string[] = [];
      let lastId = -1;
      for (const example of Object.values(media.examples as Record<string, { value: string }>)) {
        assert.match(example.value, /^retry: \d+\n\n/, `${name}: starts with retry`);
        for (const block of example.value.split('\n\n')) {
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line === '' || line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
          }
          if (!fields.event) continue;
          const id = Number(fields.id);
          assert.ok(id > lastId, `${name}: event ids increase`);
          lastId = id;
          seen.push(fields.event);
          const message = { id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? 'null') as unknown };
          expectValid(unionRef.replace('#/', '').split('/'), message, `${name} example event ${fields.event}`);
        }
      }
      assert.deepEqual(seen, expected[name], `${pointer.join(' ')}: example events`);
    }
  });
});

describe('schemas', () => {
  it('every component schema has examples', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas!)) {
      assert.ok(Array.isArray(schema.examples) && schema.examples.length > 0, `${name} has no examples`);
    }
  });

  it('every schema example validates against its schema', () => {
    let count = 0;
    for (const [node, segments] of walk(doc)) {
      if (!Array.isArray(node.examples)) continue; // only schemas have an array of examples in OpenAPI 3.1
      for (const [i, example] of node.examples.entries()) {
        expectValid(segments, example, `${segments.join('/')} example ${i}`);
        count++;
      }
    }
    assert.ok(count > 100, `only ${count} schema examples`);
  });

  it('every media type, parameter and header example validates against its schema', () => {
    let count = 0;
    for (const [node, segments] of walk(doc)) {
      if (!node.schema || typeof node.schema !== 'object') continue;
      const examples = node.examples as Record<string, { value: unknown }> | undefined;
      if (examples && !Array.isArray(examples)) {
        for (const [key, example] of Object.entries(examples)) {
          expectValid([...segments, 'schema'], example.value, `${segments.join('/')} example ${key}`);
          count++;
        }
      }
      if (node.example !== undefined) {
        expectValid([...segments, 'schema'], node.example, `${segments.join('/')} example`);
        count++;
      }
    }
    assert.ok(count > 100, `only ${count} media type and parameter examples`);
  });

  it('rejects what the contract forbids', () => {
    const draft = ['components', 'schemas', 'ComplaintDraft'];
    const good = (doc.components.schemas!.ComplaintDraft!.examples as Json[])[0]!;
    const applicant = good.applicant as Json;
    const invalid: [string, Json][] = [
      ['an unknown field', { ...good, surprise: 1 }],
      ['a phone outside Kazakhstan', { ...good, applicant: { ...applicant, phone: '+79161234567' } }],
      ['an IIN of 11 digits', { ...good, applicant: { ...applicant, iin: '90010130001' } }],
      ['no IIN nor BIN', { ...good, applicant: { ...applicant, iin: undefined } }],
      ['consent not given', { ...good, consent: { given: false, version: '2026-07-12' } }],
      ['an unknown kind', { ...good, kind: 'petition' }],
    ];
    const validate = validator(draft);
    for (const [what, value] of invalid) {
      assert.equal(validate(JSON.parse(JSON.stringify(value))), false, `accepted ${what}`);
    }
    const kazakh = { ...good, applicant: { ...applicant, lastName: 'Құрманғазы-Ұлы', firstName: 'Һәмит Ғалі' } };
    assert.equal(validate(kazakh), true, `rejected Kazakh letters: ${ajv.errorsText(validate.errors)}`);
    const schedule = validator(['components', 'schemas', 'WorkingSchedule']);
    assert.equal(
      schedule({ timeZone: 'Asia/Almaty', weekly: [{ day: 8, intervals: [] }], holidays: [], workingDays: [] }),
      false,
    );
    const text = validator(['components', 'schemas', 'LocalizedText']);
    assert.equal(text({ kk: 'Сәлем', ru: 'Привет' }), false, 'LocalizedText without en');
  });

  it('uses only problem codes of the ProblemCode enum in its examples', () => {
    const codes = new Set(doc.components.schemas!.ProblemCode!.enum as string[]);
    for (const [node] of walk(doc)) {
      if (typeof node.type === 'string' && node.type.startsWith('https://kc.example.kz/problems/')) {
        assert.ok(codes.has(node.code as string), `unknown code ${String(node.code)}`);
        assert.equal(node.type, `https://kc.example.kz/problems/${String(node.code)}`);
      }
    }
    for (const code of ['validation_failed', 'idempotency_key_reused', 'idempotency_in_flight', 'rate_limited']) {
      assert.ok(codes.has(code), code);
    }
  });
});
