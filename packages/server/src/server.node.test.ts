// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { contractOperations } from '@kc/contract';
import { createServer, type KcServer } from './server.js';
import { signHs256 } from './security/jwt.js';
import { exampleConfig, exampleDraft, exampleOutage } from './testing/fixtures.js';
import { openStream } from './testing/sse-client.js';

const IDENTITY_SECRET = 'portal-and-center-share-this-secret';
const OPERATOR = 'op-token-aigerim-0123456789';
const SUPERVISOR = 'sv-token-daniyar-0123456789';
const ALLOWED = 'https://portal.example.kz';
const MAX_UPLOAD = 4096;

let server: KcServer;
let api: string;
let offsetMs = 0;
const logLines: string[] = [];

const pages = mkdtempSync(join(tmpdir(), 'kc-pages-'));
writeFileSync(join(pages, 'index.html'), '<!doctype html><title>Portal</title>');
writeFileSync(join(pages, '.env'), 'SECRET=1');
writeFileSync(
  join(pages, 'widget.js'),
  `export const texts = ${JSON.stringify(Array(200).fill('Байланыс орталығы'))};\n`,
);
const attachmentsDir = mkdtempSync(join(tmpdir(), 'kc-attachments-'));
after(() => rmSync(pages, { recursive: true, force: true }));
after(() => rmSync(attachmentsDir, { recursive: true, force: true }));

before(async () => {
  const config = exampleConfig();
  config.attachments = { ...config.attachments, maxBytes: MAX_UPLOAD };
  server = await createServer({
    memory: true,
    port: 0,
    config,
    clock: { now: () => new Date(Date.now() + offsetMs) },
    operatorTokens: [
      { id: 'aigerim', role: 'operator', token: OPERATOR },
      { id: 'daniyar', role: 'supervisor', token: SUPERVISOR },
    ],
    identity: { secret: IDENTITY_SECRET, issuer: 'https://portal.example.kz' },
    allowedOrigins: [ALLOWED],
    sse: { heartbeatMs: 300, maxPerClient: 4 },
    bodyLimit: 65_536,
    log: true,
    logStream: { write: (line) => void logLines.push(line) },
    staticDirs: [{ prefix: '/portal', dir: pages }],
    attachmentsDir,
  });
  api = `${server.url}/api/v1`;
});
after(() => server.close());

const key = (): string => randomUUID();
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'idempotency-key': key(), ...headers },
  body: JSON.stringify(body),
});
const operator = (token = SUPERVISOR): Record<string, string> => ({ authorization: `Bearer ${token}` });
/**
 * One request over plain HTTP, its body as the bytes that came (fetch would decompress them), or only the head with
 * `head`, e.g. for an event stream.
 */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; head?: boolean } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      if (options.head) {
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.alloc(0) });
        res.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function problem(res: Response): Promise<{ code: string; errors?: { field: string; code: string }[] }> {
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  return (await res.json()) as { code: string };
}

describe('the reference server', () => {
  it('routes every operation of the contract to the backend operation of the same id', () => {
    const operations = server.backend as unknown as Record<string, unknown>;
    for (const op of contractOperations) {
      const url = `/api/v1${op.path.replace(/\{([^}]+)\}/g, ':$1')}`;
      assert.ok(server.app.hasRoute({ method: op.method, url }), `${op.operationId}: no route ${op.method} ${url}`);
      assert.equal(typeof operations[op.operationId], 'function', `${op.operationId}: no backend operation`);
    }
  });

  it('answers with security headers, and problems for unknown routes', async () => {
    const res = await fetch(`${api}/config`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    const etag = res.headers.get('etag')!;
    assert.equal((await fetch(`${api}/config`, { headers: { 'if-none-match': etag } })).status, 304);
    const missing = await fetch(`${api}/nothing-here`);
    assert.equal(missing.status, 404);
    assert.equal((await problem(missing)).code, 'not_found');
  });

  it('validates requests against the contract: fields, unknown properties, keys, types and sizes', async () => {
    const bad = await fetch(`${api}/complaints`, json({ ...exampleDraft(), kind: 'gossip', extra: 1 }));
    assert.equal(bad.status, 400);
    const body = await problem(bad);
    assert.equal(body.code, 'validation_failed');
    assert.deepEqual(body.errors?.map((e) => [e.field, e.code]).sort(), [
      ['/extra', 'additionalProperties'],
      ['/kind', 'enum'],
    ]);
    const noKey = await fetch(`${api}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exampleDraft()),
    });
    assert.equal(noKey.status, 400);
    assert.equal((await problem(noKey)).code, 'idempotency_key_missing');
    const text = await fetch(`${api}/complaints`, {
      ...json({}),
      headers: { 'content-type': 'text/plain', 'idempotency-key': key() },
    });
    assert.equal(text.status, 415);
    const broken = await fetch(`${api}/complaints`, { ...json({}), body: '{"kind":' });
    assert.equal(broken.status, 400);
    assert.equal((await problem(broken)).code, 'malformed_request');
    const huge = await fetch(`${api}/complaints`, json({ ...exampleDraft(), description: 'ә'.repeat(70_000) }));
    assert.equal(huge.status, 413);
    assert.equal((await problem(huge)).code, 'payload_too_large');
    for (const body of ['', '{}']) {
      const bodiless = await fetch(`${api}/operator/chats/${randomUUID()}/join`, {
        method: 'POST',
        headers: { ...operator(), 'content-type': 'application/json' },
        body,
      });
      assert.equal(bodiless.status, 404, 'a body sent to an operation without one is ignored');
    }
    const query = await fetch(`${api}/operator/complaints?limit=1000`, { headers: operator() });
    assert.equal(query.status, 400);
    assert.deepEqual((await problem(query)).errors?.[0]?.field, 'query.limit');
  });

  it('files an appeal once per Idempotency-Key: a repeat answers the same tracking number', async () => {
    const draft = exampleDraft();
    const headers = { 'idempotency-key': key() };
    const first = await fetch(`${api}/complaints`, json(draft, headers));
    assert.equal(first.status, 201, await first.clone().text());
    const receipt = (await first.json()) as { trackingNumber: string; accessCode: string };
    const again = await fetch(`${api}/complaints`, json(draft, headers));
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(await again.json(), receipt);
    const other = await fetch(`${api}/complaints`, json({ ...draft, description: 'Another text.' }, headers));
    assert.equal(other.status, 422);
    assert.equal((await problem(other)).code, 'idempotency_key_reused');
    const lookup = await fetch(
      `${api}/complaints/lookup`,
      json({ trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode }),
    );
    assert.equal(lookup.status, 200);
  });

  it('links an appeal to a verified citizen identity and refuses a forged one', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const good = signHs256({ sub: 'egov-42', iss: 'https://portal.example.kz', exp }, IDENTITY_SECRET);
    const res = await fetch(`${api}/complaints`, json(exampleDraft(), { authorization: `Bearer ${good}` }));
    assert.equal(res.status, 201);
    const history = await server.backend.history('egov-42');
    assert.equal(history.complaints.length, 1);
    const forged = signHs256({ sub: 'egov-42', iss: 'https://portal.example.kz', exp }, 'guessed-secret');
    const refused = await fetch(`${api}/complaints`, json(exampleDraft(), { authorization: `Bearer ${forged}` }));
    assert.equal(refused.status, 401);
  });

  it('keeps the operator API behind tokens with roles', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const citizen = signHs256({ sub: 'egov-1', iss: 'https://portal.example.kz', exp }, IDENTITY_SECRET);
    const list = `${api}/operator/complaints`;
    const none = await fetch(list);
    assert.equal(none.status, 401);
    assert.equal((await problem(none)).code, 'unauthorized');
    assert.equal((await fetch(list, { headers: { authorization: `Bearer ${citizen}` } })).status, 401);
    assert.equal((await fetch(list, { headers: { authorization: 'Bearer not-a-token' } })).status, 401);
    assert.equal((await fetch(list, { headers: operator(OPERATOR) })).status, 200);
    const report = `${api}/operator/reports/indicators?from=2026-07-01&to=2026-11-30`;
    const denied = await fetch(report, { headers: operator(OPERATOR) });
    assert.equal(denied.status, 403);
    assert.equal((await problem(denied)).code, 'forbidden');
    assert.equal((await fetch(report, { headers: operator(SUPERVISOR) })).status, 200);
    assert.equal((await fetch(`${api}/operator/events`)).status, 401);
  });

  it('lets only allowed origins read answers (CORS)', async () => {
    const ok = await fetch(`${api}/config`, { headers: { origin: ALLOWED } });
    assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    const evil = await fetch(`${api}/config`, { headers: { origin: 'https://evil.example' } });
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(`${api}/complaints`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const allowed = await fetch(`${api}/complaints`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'idempotency-key',
      },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
  });

  it('accepts attachments by their content, refuses mismatched, unknown and oversized files', async () => {
    const upload = (bytes: Uint8Array, type: string, name = 'file.pdf') => {
      const form = new FormData();
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
      return fetch(`${api}/attachments`, { method: 'POST', headers: { 'idempotency-key': key() }, body: form });
    };
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
    const stored = await upload(pdf, 'application/pdf', 'өтініш.pdf');
    assert.equal(stored.status, 201, await stored.clone().text());
    const attachment = (await stored.json()) as { id: string; contentType: string; size: number; fileName: string };
    assert.equal(attachment.contentType, 'application/pdf');
    assert.equal(attachment.size, pdf.length);
    assert.equal(attachment.fileName, 'өтініш.pdf');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const mismatched = await upload(png, 'application/pdf');
    assert.equal(mismatched.status, 415);
    assert.equal((await problem(mismatched)).code, 'unsupported_media_type');
    const html = await upload(new TextEncoder().encode('<html><script>alert(1)</script>'), 'application/pdf');
    assert.equal(html.status, 415);
    const big = new Uint8Array(MAX_UPLOAD + 1).fill(0x20);
    big.set(pdf);
    const tooBig = await upload(big, 'application/pdf');
    assert.equal(tooBig.status, 413);
    const wayTooBig = await upload(new Uint8Array(MAX_UPLOAD + 200_000).fill(0x20), 'application/pdf');
    assert.equal(wayTooBig.status, 413);
    const noFile = await fetch(`${api}/attachments`, {
      method: 'POST',
      headers: { 'idempotency-key': key() },
      body: new FormData(),
    });
    assert.ok([400, 415].includes(noFile.status));
  });

  it('purges uploads attached to nothing within a day, files included, and keeps the attached ones', async () => {
    const upload = async (text: string): Promise<string> => {
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'application/pdf' }), 'file.pdf');
      const res = await fetch(`${api}/attachments`, {
        method: 'POST',
        headers: { 'idempotency-key': key() },
        body: form,
      });
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { id: string }).id;
    };
    const fileOf = (text: string): string => {
      const sha = createHash('sha256').update(text).digest('hex');
      return join(attachmentsDir, sha.slice(0, 2), sha);
    };
    const unusedText = `%PDF-1.7\n% never attached ${key()}\n%%EOF\n`;
    const usedText = `%PDF-1.7\n% attached ${key()}\n%%EOF\n`;
    const unused = await upload(unusedText);
    const used = await upload(usedText);
    const twin = await upload(usedText); // the same bytes as an attached file, itself never attached
    const draft = exampleDraft();
    draft.attachmentIds = [used];
    const filed = await fetch(`${api}/complaints`, json(draft));
    assert.equal(filed.status, 201, await filed.clone().text());
    assert.equal(await server.purgeUnusedUploads(), 0, 'nothing is old enough yet');
    assert.ok(existsSync(fileOf(unusedText)));
    try {
      offsetMs = 25 * 3600_000;
      assert.ok((await server.purgeUnusedUploads()) >= 1);
    } finally {
      offsetMs = 0;
    }
    assert.equal(await server.store.attachments.get(unused), null);
    assert.equal(existsSync(fileOf(unusedText)), false, 'the unused file is deleted');
    assert.equal(await server.store.attachments.get(twin), null);
    assert.notEqual(await server.store.attachments.get(used), null);
    assert.ok(existsSync(fileOf(usedText)), 'the file an appeal refers to is kept');
  });

  it('streams events with ids, replays after Last-Event-ID, and sends heartbeats', async () => {
    const publish = async (): Promise<string> => {
      const res = await fetch(`${api}/operator/outages`, json(exampleOutage(), operator()));
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { id: string }).id;
    };
    const first = await publish();
    const second = await publish();
    const all = await openStream(`${api}/outages/events`, { origin: ALLOWED });
    assert.equal(all.status, 200);
    assert.match(all.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(all.headers.get('access-control-allow-origin'), ALLOWED, 'CORS headers kept on the stream');
    const e1 = await all.next((e) => e.id !== undefined);
    const e2 = await all.next((e) => e.id !== undefined);
    assert.equal((e1.data as { id: string }).id, first);
    assert.equal((e2.data as { id: string }).id, second);
    const resumed = await openStream(`${api}/outages/events`, { 'last-event-id': e1.id! });
    const replayed = await resumed.next((e) => e.id !== undefined);
    assert.equal(replayed.id, e2.id);
    assert.equal(replayed.event, 'outage.published');
    const third = await publish();
    const live = await resumed.next((e) => e.id !== undefined);
    assert.equal((live.data as { id: string }).id, third);
    assert.equal(Number(live.id), Number(e2.id) + 1);
    assert.equal((await all.next((e) => e.id !== undefined)).id, live.id, 'the same ids for every reader');
    assert.equal((await resumed.next((e) => e.comment !== undefined)).comment, 'ping');
    all.close();
    resumed.close();
  });

  it("ends an appeal's status stream when its view token expires; reconnecting with it is refused", async () => {
    const filed = await fetch(`${api}/complaints`, json(exampleDraft()));
    assert.equal(filed.status, 201);
    const receipt = (await filed.json()) as { trackingNumber: string; accessCode: string };
    const { trackingNumber, accessCode } = receipt;
    const lookup = await fetch(`${api}/complaints/lookup`, json({ trackingNumber, accessCode }));
    assert.equal(lookup.status, 200);
    const view = (await lookup.json()) as { viewToken: string; viewTokenExpiresAt: string };
    const url = `${api}/complaints/${receipt.trackingNumber}/events`;
    const headers = { 'x-kc-view-token': view.viewToken };
    const stream = await openStream(url, headers);
    assert.equal(stream.status, 200);
    const registered = await stream.next((e) => e.id !== undefined);
    try {
      // The server's clock passes the token's expiry: the next heartbeat ends the stream.
      offsetMs = Date.parse(view.viewTokenExpiresAt) - Date.now() + 1000;
      await stream.ended;
      const again = await fetch(url, { headers: { ...headers, 'last-event-id': registered.id! } });
      assert.equal(again.status, 401);
      assert.equal((await problem(again)).code, 'token_expired');
    } finally {
      offsetMs = 0;
      stream.close();
    }
  });

  it('streams to an HTTP/1.0 client without chunked framing', async () => {
    const { host, port } = new URL(server.url);
    const socket = connect(Number(port), host.replace(/:\d+$/, ''));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (text += d));
    socket.write('GET /api/v1/outages/events HTTP/1.0\r\nHost: localhost\r\n\r\n');
    try {
      for (let i = 0; i < 500 && !/\r\n\r\n[\s\S]*event: outage\.published\n/.test(text); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const [head, body] = text.split('\r\n\r\n', 2) as [string, string];
      assert.match(head, /^HTTP\/1\.[01] 200/);
      assert.doesNotMatch(head, /transfer-encoding: chunked/i);
      assert.match(body, /^retry: \d+\n\nid: \d+\nevent: outage\.published\ndata: \{/, 'SSE lines as they are');
    } finally {
      socket.destroy();
    }
  });

  it('sends only events whose payloads match the contract', () => {
    const broken = logLines.filter((line) => line.includes('event breaks the contract'));
    assert.deepEqual(broken, []);
  });

  it('serves pages with a strict CSP, and nothing outside their folder', async () => {
    const page = await fetch(`${server.url}/portal/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await fetch(`${server.url}/portal`, { redirect: 'manual' })).status, 302);
    assert.equal((await fetch(`${server.url}/portal/.env`)).status, 404);
    assert.equal((await fetch(`${server.url}/portal/..%2f..%2fetc%2fpasswd`)).status, 404);
    assert.equal((await fetch(`${server.url}/portal/missing.html`)).status, 404);
  });

  it('compresses public readings and pages for clients that accept it, never personal answers or streams', async () => {
    const plain = await raw(`${api}/config`);
    assert.equal(plain.headers['content-encoding'], undefined);
    const config: unknown = JSON.parse(plain.body.toString('utf8'));
    const br = await raw(`${api}/config`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(br.headers['cache-control'], plain.headers['cache-control']);
    assert.equal(br.headers.etag, plain.headers.etag);
    assert.ok(br.body.length < plain.body.length / 2, `${br.body.length} of ${plain.body.length} bytes`);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.body).toString('utf8')), config);
    const gzip = await raw(`${api}/config`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gzip.body).toString('utf8')), config);

    const page = await raw(`${server.url}/portal/widget.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(brotliDecompressSync(page.body).toString('utf8'), /^export const texts = \["Байланыс/);

    // An appeal as its citizen looks it up: their data and their own text, sent as they are.
    const filed = await fetch(
      `${api}/complaints`,
      json({ ...exampleDraft(), description: 'Аула жарығы жанбайды. '.repeat(80) }),
    );
    const receipt = (await filed.json()) as { trackingNumber: string; accessCode: string };
    const lookup = await raw(`${api}/complaints/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key(), 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode }),
    });
    assert.equal(lookup.status, 200, lookup.body.toString('utf8'));
    assert.ok(lookup.body.length > 1024, 'an answer over the threshold, so that the check means something');
    assert.equal(lookup.headers['content-encoding'], undefined);
    const list = await raw(`${api}/operator/complaints`, {
      headers: { ...operator(), 'accept-encoding': 'br, gzip' },
    });
    assert.equal(list.status, 200);
    assert.ok(list.body.length > 1024);
    assert.equal(list.headers['content-encoding'], undefined);

    const stream = await raw(`${api}/outages/events`, {
      headers: { accept: 'text/event-stream', 'accept-encoding': 'br, gzip' },
      head: true,
    });
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
    assert.equal(stream.headers['content-encoding'], undefined);
  });

  it('limits open streams per client', async () => {
    // The server sees a client's streams closed when their sockets close, which a loaded machine may delay.
    const allClosed = async (): Promise<void> => {
      while (server.openStreams() > 0) await new Promise((r) => setTimeout(r, 20));
    };
    await allClosed(); // streams of the previous tests
    const open = await Promise.all(Array.from({ length: 4 }, () => openStream(`${api}/outages/events`)));
    assert.deepEqual(
      open.map((s) => s.status),
      [200, 200, 200, 200],
    );
    const fifth = await fetch(`${api}/outages/events`);
    assert.equal(fifth.status, 429);
    assert.ok(Number(fifth.headers.get('retry-after')) > 0);
    for (const s of open) s.close();
    await allClosed();
    const again = await openStream(`${api}/outages/events`);
    assert.equal(again.status, 200);
    again.close();
  });

  it('answers 429 with Retry-After after too many wrong access codes, and the same for an unknown number', async () => {
    const receipt = (await (await fetch(`${api}/complaints`, json(exampleDraft()))).json()) as {
      trackingNumber: string;
    };
    const wrong = await fetch(
      `${api}/complaints/lookup`,
      json({ trackingNumber: receipt.trackingNumber, accessCode: 'AAAA-AAAA-AAAA-AAAA' }),
    );
    const unknown = await fetch(
      `${api}/complaints/lookup`,
      json({ trackingNumber: 'KC-2026-999999', accessCode: 'AAAA-AAAA-AAAA-AAAA' }),
    );
    assert.equal(wrong.status, unknown.status);
    const [a, b] = [await problem(wrong), await problem(unknown)];
    assert.equal(a.code, b.code, 'a wrong code and an unknown number look the same');
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await fetch(
        `${api}/complaints/lookup`,
        json({ trackingNumber: receipt.trackingNumber, accessCode: `AAAA-AAAA-AAAA-${String(i).padStart(4, '0')}` }),
      );
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
      else await res.arrayBuffer();
    }
    assert.ok(limited, `statuses: ${statuses.join(', ')}`);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await problem(limited)).code, 'rate_limited');
    offsetMs += 3_600_000; // an hour later the citizen may try again
  });

  it('writes no personal data, tokens or query strings to its logs', () => {
    const log = logLines.join('\n');
    assert.ok(logLines.length > 10);
    const draft = exampleDraft();
    for (const secret of [
      draft.applicant.iin,
      draft.applicant.phone,
      draft.description,
      OPERATOR,
      SUPERVISOR,
      'limit=1000',
      'AAAA-',
    ]) {
      if (secret) assert.ok(!log.includes(secret), `the log contains ${secret.slice(0, 8)}…`);
    }
    assert.ok(!log.includes(draft.applicant.lastName ?? '\u0000'));
    assert.deepEqual(
      logLines.filter((line) => line.includes('breaks the contract')),
      [],
      'every answer and event of this suite matched the contract',
    );
  });

  it('ends open streams when it shuts down', async () => {
    const stream = await openStream(`${api}/outages/events`);
    assert.equal(stream.status, 200);
    assert.ok(server.openStreams() >= 1);
    await server.close();
    await stream.ended;
    assert.equal(server.openStreams(), 0);
  });
});
