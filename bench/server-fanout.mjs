// SPDX-License-Identifier: MIT
// Fan-out of the reference server: N concurrent SSE subscribers of the outage stream, B broadcasts (an operator
// publishes an outage), the latency from the publish request to each subscriber's receipt (p50 / p99), the
// server's resident memory, then appeals filed per second. The latency counts from the moment the publish request
// is sent, so it includes the request, the transaction and the notification; "first to last reader" is the fan-out
// alone. Not a test: it prints a table.
//
//   node bench/server-fanout.mjs [--streams 2000] [--broadcasts 10] [--complaints 300] [--concurrency 16]
//   node bench/server-fanout.mjs --url http://host:8080 --token <supervisor token>   (a server already running)
//
// Without --url it starts the server from the sources in a child process (PGlite in a temporary folder, logs
// off, stream limits raised), so that the server and this load generator are separate processes.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const STREAMS = Number(arg('streams', 2000));
const BROADCASTS = Number(arg('broadcasts', 10));
const COMPLAINTS = Number(arg('complaints', 300));
const CONCURRENCY = Number(arg('concurrency', 16));
const TOKEN = arg('token', `bench-supervisor-${randomUUID()}`);
let baseUrl = arg('url', undefined);

const contract = parse(readFileSync(join(root, 'packages/contract/openapi.yaml'), 'utf8'));
const example = (name) => structuredClone(contract.components.schemas[name].examples[0]);

let child;
let dataDir;
async function startServer() {
  dataDir = mkdtempSync(join(tmpdir(), 'kc-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  child = spawn(
    process.execPath,
    ['--conditions=kc-source', '--import', 'tsx', join(root, 'packages/server/src/cli.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        KC_DATA_DIR: dataDir,
        KC_LOG: '0',
        KC_OPERATOR_TOKENS: `bench:supervisor:${TOKEN}`,
        KC_STREAMS_PER_CLIENT: String(STREAMS + 100),
        KC_STREAMS_MAX: String(STREAMS + 100),
        KC_WRITE_LIMIT: String(COMPLAINTS * 10 + 1000),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('/api/v1')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  baseUrl = `http://127.0.0.1:${port}`;
}

function rssMb() {
  if (!child) return undefined;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    return kb / 1024;
  } catch {
    return undefined;
  }
}

async function request(method, path, body, headers = {}) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

// One subscriber: a raw HTTP request (no fetch overhead), counting `event: outage.published` lines.
function subscribe(onEvent) {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}/api/v1/outages/events`, { agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream: ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (block.includes('event: outage.published')) onEvent(performance.now());
        }
      });
      resolve(req);
    });
    req.on('error', reject);
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  if (!baseUrl) await startServer();
  const operator = { authorization: `Bearer ${TOKEN}` };
  const rssIdle = rssMb();

  let received = 0;
  let sentAt = 0;
  let waiting;
  const latencies = [];
  let firstAt = 0;
  let lastAt = 0;
  const onEvent = (t) => {
    if (received === 0) firstAt = t;
    lastAt = t;
    latencies.push(t - sentAt);
    received++;
    if (received === STREAMS) waiting?.();
  };
  const t0 = performance.now();
  const requests = [];
  for (let i = 0; i < STREAMS; i += 200) {
    const batch = [];
    for (let j = i; j < Math.min(STREAMS, i + 200); j++) batch.push(subscribe(onEvent));
    requests.push(...(await Promise.all(batch)));
  }
  const connectMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const rssStreams = rssMb();

  const perBroadcast = [];
  for (let b = 0; b < BROADCASTS; b++) {
    received = 0;
    const done = new Promise((r) => (waiting = r));
    const input = { ...example('OutageInput'), startedAt: new Date().toISOString(), expectedResumeAt: null };
    sentAt = performance.now();
    await request('POST', '/api/v1/operator/outages', input, { ...operator, 'idempotency-key': randomUUID() });
    await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
    perBroadcast.push({
      received,
      ms: performance.now() - sentAt,
      firstMs: firstAt - sentAt,
      spreadMs: lastAt - firstAt,
    });
    await new Promise((r) => setTimeout(r, 200));
  }
  const rssAfter = rssMb();
  for (const req of requests) req.destroy();

  const draft = example('ComplaintDraft');
  delete draft.attachmentIds;
  let next = 0;
  let filed = 0;
  let failed = 0;
  let firstFailure;
  const c0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COMPLAINTS) {
        next++;
        try {
          await request('POST', '/api/v1/complaints', draft, { 'idempotency-key': randomUUID() });
          filed++;
        } catch (error) {
          failed++;
          firstFailure ??= error.message;
        }
      }
    }),
  );
  const complaintSeconds = (performance.now() - c0) / 1000;

  latencies.sort((a, b) => a - b);
  const delivered = perBroadcast.reduce((s, b) => s + b.received, 0);
  const rows = [
    ['streams held', `${STREAMS} (connected in ${(connectMs / 1000).toFixed(1)} s)`],
    ['broadcasts', String(BROADCASTS)],
    ['events delivered', `${delivered} of ${STREAMS * BROADCASTS}`],
    ['fan-out latency p50', `${percentile(latencies, 50)?.toFixed(1)} ms`],
    ['fan-out latency p99', `${percentile(latencies, 99)?.toFixed(1)} ms`],
    ['fan-out latency max', `${latencies.at(-1)?.toFixed(1)} ms`],
    ['first reader (median)', `${median(perBroadcast.map((b) => b.firstMs)).toFixed(1)} ms after the publish request`],
    ['first to last reader (median)', `${median(perBroadcast.map((b) => b.spreadMs)).toFixed(1)} ms`],
    [
      'server RSS idle / streams / after',
      [rssIdle, rssStreams, rssAfter].map((m) => (m ? `${m.toFixed(0)} MB` : '?')).join(' / '),
    ],
    ['appeals filed', `${filed} in ${complaintSeconds.toFixed(1)} s, concurrency ${CONCURRENCY}`],
    ...(failed ? [['appeals refused', `${failed}: ${firstFailure}`]] : []),
    ['appeals per second', (filed / complaintSeconds).toFixed(0)],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `\nkc server fan-out (Node ${process.version}, ${child ? 'PGlite, server in a child process' : baseUrl})`,
  );
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (process.env.KC_BENCH_DEBUG) console.log(perBroadcast);
}

try {
  await main();
} finally {
  if (child) {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
