// SPDX-License-Identifier: MIT
// The reference server against an attacker, beyond what server.node.test.ts checks: tracking-number enumeration
// and access-code guessing from one client and from many (the per-number limit), with answers that do not tell a
// wrong code from an unknown number; every operator operation of the contract refused without a token and with each
// kind of citizen token (portal identity, chat token, view token); CORS from KC_ALLOWED_ORIGINS refusing look-alike
// origins; uploads sniffed by content whatever their declared type; no cookie on any answer.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { contractOperations } from '@kc/contract';
import { createServer, type KcServer } from '../src/server.js';
import { optionsFromEnv } from '../src/env.js';
import { signHs256 } from '../src/security/jwt.js';
import { contractDocument } from '../src/contract-document.js';
import { exampleConfig, exampleDraft } from '../src/testing/fixtures.js';

const IDENTITY_SECRET = 'portal-and-center-share-this-secret-too';
const SUPERVISOR = 'sv-token-security-0123456789';
const ALLOWED = ['https://portal.example.kz', 'https://egov.kz'];
// A Tuesday, 11:00 in Astana: the center is open, so a chat can start whatever day the test runs.
const offsetMs = Date.parse('2026-11-24T11:00:00+05:00') - Date.now();

let server: KcServer;
let api: string;
const cookies: string[] = [];
let client = 0;

/** A request from its own client address (the server trusts X-Forwarded-For here), unless `from` is given. */
async function call(path: string, init: RequestInit & { from?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('x-forwarded-for', init.from ?? `203.0.113.${(client = (client % 250) + 1)}`);
  const res = await fetch(`${api}${path}`, { ...init, headers });
  const cookie = res.headers.get('set-cookie');
  if (cookie) cookies.push(`${init.method ?? 'GET'} ${path}: ${cookie}`);
  return res;
}
const post = (path: string, body: unknown, headers: Record<string, string> = {}, from?: string) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
    body: JSON.stringify(body),
    ...(from !== undefined && { from }),
  });
const lookup = (trackingNumber: string, accessCode: string, from?: string) =>
  post('/complaints/lookup', { trackingNumber, accessCode }, {}, from);
const code = (i: number) => `ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(4, '0')}`;

type Schemas = Record<string, { examples?: unknown[] }>;
const example = (name: string): unknown =>
  structuredClone(
    (contractDocument as unknown as { components: { schemas: Schemas } }).components.schemas[name]?.examples?.[0],
  );

before(async () => {
  server = await createServer({
    memory: true,
    port: 0,
    config: exampleConfig(),
    clock: { now: () => new Date(Date.now() + offsetMs) },
    operatorTokens: [{ id: 'daniyar', role: 'supervisor', token: SUPERVISOR }],
    identity: { secret: IDENTITY_SECRET, issuer: 'https://portal.example.kz' },
    allowedOrigins: ALLOWED,
    trustProxy: true,
    log: false,
  });
  api = `${server.url}/api/v1`;
});
after(() => server.close());

describe('the reference server against an attacker', () => {
  it('limits tracking-number enumeration from one client, the real number with its code included', async () => {
    const filed = await post('/complaints', exampleDraft());
    assert.equal(filed.status, 201, await filed.clone().text());
    const receipt = (await filed.json()) as { trackingNumber: string; accessCode: string };
    const attacker = '198.51.100.7';
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const res = await lookup(`KC-2026-${String(500_000 + i).padStart(6, '0')}`, code(i), attacker);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    assert.ok(limited, `never limited: ${statuses.join(', ')}`);
    assert.ok(
      statuses.slice(0, -1).every((s) => s === 404),
      statuses.join(', '),
    );
    assert.ok(Number(limited.headers.get('retry-after')) >= 1, 'Retry-After');
    assert.equal(((await limited.json()) as { code: string }).code, 'rate_limited');
    // Once limited, even the right number and code get no answer: the limit cannot be used as an oracle.
    const right = await lookup(receipt.trackingNumber, receipt.accessCode, attacker);
    assert.equal(right.status, 429);
    // Another citizen is not locked out by the attacker.
    const other = await lookup(receipt.trackingNumber, receipt.accessCode, '198.51.100.8');
    assert.equal(other.status, 200, await other.clone().text());
  });

  it('limits access-code guessing on one number from many clients, with the same answer as an unknown number', async () => {
    const receipt = (await (await post('/complaints', exampleDraft())).json()) as {
      trackingNumber: string;
      accessCode: string;
    };
    const wrong = await lookup(receipt.trackingNumber, code(1));
    const unknown = await lookup('KC-2026-987654', code(1));
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    assert.deepEqual(
      strip((await wrong.json()) as Record<string, unknown>),
      strip((await unknown.json()) as Record<string, unknown>),
      'a wrong code and an unknown number answer alike',
    );
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 2; i < 40 && !limited; i++) {
      const res = await lookup(receipt.trackingNumber, code(i)); // a new client address each time
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    assert.ok(limited, `a distributed guess was never limited: ${statuses.join(', ')}`);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1, 'Retry-After');
  });

  it('refuses every operator operation without a token and with any citizen token', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const identity = signHs256({ sub: 'egov-1', iss: 'https://portal.example.kz', exp }, IDENTITY_SECRET);
    const started = await post('/chat/sessions', example('ChatStartInput'));
    assert.equal(started.status, 201, await started.clone().text());
    const chatToken = ((await started.json()) as { token: string }).token;
    const receipt = (await (await post('/complaints', exampleDraft())).json()) as {
      trackingNumber: string;
      accessCode: string;
    };
    const view = await lookup(receipt.trackingNumber, receipt.accessCode);
    assert.equal(view.status, 200);
    const viewToken = ((await view.json()) as { viewToken: string }).viewToken;
    const credentials: [string, Record<string, string>][] = [
      ['no token', {}],
      ['a portal identity token', { authorization: `Bearer ${identity}` }],
      ['a chat token', { authorization: `Bearer ${chatToken}` }],
      ['a view token', { authorization: `Bearer ${viewToken}` }],
      ['a view token as the view header', { 'x-kc-view-token': viewToken }],
      ['a forged operator-looking token', { authorization: 'Bearer sv-token-security-0123456780' }],
    ];
    const operator = contractOperations.filter((op) => op.operator);
    assert.ok(operator.length >= 15, `the contract has ${operator.length} operator operations`);
    const seen: string[] = [];
    for (const op of operator) {
      const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
      for (const [what, headers] of credentials) {
        const res = await call(path, {
          method: op.method.toUpperCase(),
          headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          ...(op.method.toLowerCase() === 'get' ? {} : { body: '{}' }),
        });
        await res.arrayBuffer();
        if (res.status !== 401) seen.push(`${op.operationId} with ${what}: ${res.status}`);
      }
    }
    assert.deepEqual(seen, [], 'every one answers 401');
    // The operator's own token works, so the 401s above are about the token.
    const ok = await call('/operator/complaints', { headers: { authorization: `Bearer ${SUPERVISOR}` } });
    assert.equal(ok.status, 200);
  });

  it('answers CORS only for the origins of KC_ALLOWED_ORIGINS, never with credentials', async () => {
    const env = optionsFromEnv({ KC_ALLOWED_ORIGINS: 'https://portal.example.kz/, https://egov.kz' });
    assert.deepEqual(env.allowedOrigins, ALLOWED);
    const corsServer = await createServer({ ...env, memory: true, port: 0, host: '127.0.0.1', log: false });
    try {
      const ask = (origin: string, method = 'GET') =>
        fetch(`${corsServer.url}/api/v1/${method === 'GET' ? 'config' : 'complaints'}`, {
          method: method === 'GET' ? 'GET' : 'OPTIONS',
          headers: {
            origin,
            ...(method !== 'GET' && {
              'access-control-request-method': method,
              'access-control-request-headers': 'content-type,idempotency-key',
            }),
          },
        });
      for (const origin of ALLOWED) {
        for (const method of ['GET', 'POST']) {
          const res = await ask(origin, method);
          assert.equal(res.headers.get('access-control-allow-origin'), origin, `${method} from ${origin}`);
          assert.notEqual(res.headers.get('access-control-allow-credentials'), 'true');
          if (res.headers.get('set-cookie')) cookies.push(`CORS ${origin}: ${res.headers.get('set-cookie')}`);
        }
      }
      for (const origin of [
        'https://evil.example',
        'https://portal.example.kz.evil.example',
        'https://evilportal.example.kz',
        'http://portal.example.kz',
        'https://portal.example.kz:8443',
        'null',
      ]) {
        for (const method of ['GET', 'POST']) {
          const res = await ask(origin, method);
          assert.equal(res.headers.get('access-control-allow-origin'), null, `${method} from ${origin}`);
        }
      }
    } finally {
      await corsServer.close();
    }
  });

  it('sniffs uploads by their content whatever type and name they claim', async () => {
    const upload = (bytes: Uint8Array, type: string, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
      return call('/attachments', { method: 'POST', headers: { 'idempotency-key': randomUUID() }, body: form });
    };
    const text = (s: string) => new TextEncoder().encode(s);
    const refused: [string, Uint8Array, string, string][] = [
      [
        'an SVG with a script as a PNG',
        text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'image/png',
        'a.png',
      ],
      [
        'a Windows executable as a PDF',
        new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]),
        'application/pdf',
        'a.pdf',
      ],
      ['a ZIP as a PDF', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), 'application/pdf', 'a.pdf'],
      ['HTML as plain text', text('<!doctype html><script>alert(1)</script>'), 'text/plain', 'a.txt'],
      ['HTML as a JPEG', text('<html><img src=x onerror=alert(1)>'), 'image/jpeg', 'a.jpg'],
      ['a PDF declared as a JPEG', text('%PDF-1.7\n%%EOF\n'), 'image/jpeg', 'a.jpg'],
      ['an empty file', new Uint8Array(0), 'application/pdf', 'a.pdf'],
    ];
    for (const [what, bytes, type, name] of refused) {
      const res = await upload(bytes, type, name);
      assert.ok([400, 415, 422].includes(res.status), `${what}: ${res.status} ${await res.clone().text()}`);
      await res.arrayBuffer();
    }
    const pdf = await upload(text('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'), 'application/pdf', 'ok.pdf');
    assert.equal(pdf.status, 201, 'a real PDF is taken');
    const big = await upload(
      new Uint8Array(exampleConfig().attachments.maxBytes + 1).fill(0x25),
      'application/pdf',
      'big.pdf',
    );
    assert.equal(big.status, 413);
  });

  it('set no cookie on any answer above', () => {
    assert.deepEqual(cookies, []);
  });
});
