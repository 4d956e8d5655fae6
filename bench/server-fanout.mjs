// SPDX-License-Identifier: MIT
// Fan-out of the reference server: N concurrent SSE subscribers of the outage stream, B broadcasts (an operator
// publishes an outage), the latency from the publish request to each subscriber's receipt (p50 / p99), the
// server's resident memory, then appeals filed per second. The latency counts from the moment the publish request
// is sent, so it includes the request, the transaction and the notification; "first to last reader" is the fan-out
// alone. The first `--warmup` broadcasts are the server's first write requests since it started, slower than any
// later one (code not yet optimised, the database's first statements): they are printed on their own and not counted,
// as a warm-up is in any benchmark of a long-running process. Before all that, a fresh server's first answers to the
// readings every page makes (configuration, queue, outages), then the same again. Not a test: it prints a table.
//
//   node bench/server-fanout.mjs [--streams 2000] [--broadcasts 10] [--warmup 1] [--complaints 300]
//                                [--concurrency 16] [--readers <cores - 1>] [--cpu-prof]
//   node bench/server-fanout.mjs --url http://host:8080 --token <supervisor token>   (a server already running)
//
// Without --url it starts the server from the sources in a child process (PGlite in a temporary folder, logs
// off, stream limits raised), so that the server and this load generator are separate processes. The subscribers
// are held by `--readers` worker threads, each with its own event loop and bare sockets scanned byte by byte instead
// of an HTTP and SSE parser, so that reading 5 000 sockets does not delay the clock of the publisher; receipts are stamped with the
// process's monotonic clock, which all threads share. `--cpu-prof` writes the server's CPU profile
// (`.cpuprofile`, open it in Chrome's DevTools) to a temporary folder and prints where.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { startReferenceServer } from './reference-server.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const STREAMS = Number(arg('streams', 2000));
const BROADCASTS = Number(arg('broadcasts', 10));
const WARMUP = Number(arg('warmup', 1));
const COMPLAINTS = Number(arg('complaints', 300));
const CONCURRENCY = Number(arg('concurrency', 16));
const TOKEN = arg('token', `bench-supervisor-${randomUUID()}`);
// One core for the server, the others for the readers (on 2 cores: one reader thread).
const READERS = Math.max(1, Number(arg('readers', os.availableParallelism() - 1)));
const CPU_PROF = args.includes('--cpu-prof');
let profileDir;
let baseUrl = arg('url', undefined);

const contract = parse(readFileSync(join(root, 'packages/contract/openapi.yaml'), 'utf8'));
const example = (name) => structuredClone(contract.components.schemas[name].examples[0]);

let server;
async function startServer() {
  if (CPU_PROF) profileDir = mkdtempSync(join(tmpdir(), 'kc-bench-profile-'));
  server = await startReferenceServer({
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    env: {
      KC_OPERATOR_TOKENS: `bench:supervisor:${TOKEN}`,
      KC_STREAMS_PER_CLIENT: String(STREAMS + 100),
      KC_STREAMS_MAX: String(STREAMS + 100),
      KC_WRITE_LIMIT: String(COMPLAINTS * 10 + 1000),
    },
  });
  baseUrl = server.origin;
}

/** CPU time (user + system) the server process has used, in ms; the machine's load does not inflate it much. */
function serverCpuMs() {
  if (!server) return undefined;
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return undefined;
  }
}

function rssMb() {
  if (!server) return undefined;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]);
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

/** Milliseconds on the process's monotonic clock, the same in every thread. */
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * The readers: worker threads holding `count` subscribers each. A reader answers `ready` when its streams are
 * open, and after `{ broadcast: b }` it answers `{ done: b, times }` once each of its streams has received one
 * more `event: outage.published` (or `{ done: b, times, timedOut }` after 30 s).
 */
function startReaders(total) {
  const readers = [];
  for (let r = 0; r < READERS; r++) {
    const count = Math.floor(total / READERS) + (r < total % READERS ? 1 : 0);
    if (count === 0) continue;
    const worker = new Worker(new URL('./server-fanout-reader.mjs', import.meta.url), {
      workerData: { url: `${baseUrl}/api/v1/outages/events`, count },
    });
    const messages = [];
    const waiting = [];
    worker.on('message', (m) => (waiting.length ? waiting.shift()(m) : messages.push(m)));
    worker.on('error', (error) => {
      console.error(error);
      process.exitCode = 1;
    });
    const next = () => new Promise((resolve) => (messages.length ? resolve(messages.shift()) : waiting.push(resolve)));
    readers.push({ worker, count, next });
  }
  return readers;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** How long each of `paths` takes to answer (GET, the whole body read), in ms, in order. */
async function firstAnswers(paths) {
  const times = [];
  for (const path of paths) {
    const t = now();
    const res = await fetch(baseUrl + path, { headers: { 'accept-encoding': 'br, gzip' } });
    await res.arrayBuffer();
    times.push(now() - t);
  }
  return times;
}

async function main() {
  if (!baseUrl) await startServer();
  // A fresh server's first answers (what the first citizens after a start wait for), then the same again. This
  // process's own first request (its HTTP client's set-up) goes to a path the server merely refuses.
  const READS = ['/api/v1/config', '/api/v1/queue', '/api/v1/outages'];
  if (server) await firstAnswers(['/api/v1/no-such-path']);
  const first = server ? await firstAnswers(READS) : undefined;
  const again = server ? await firstAnswers(READS) : undefined;
  const operator = { authorization: `Bearer ${TOKEN}` };
  const rssIdle = rssMb();

  const t0 = now();
  const readers = startReaders(STREAMS);
  for (const m of await Promise.all(readers.map((r) => r.next()))) {
    if (m.error) throw new Error(m.error);
  }
  const connectMs = now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const rssStreams = rssMb();

  /** One broadcast: an outage published, and when each stream received it (ms after the request was sent). */
  let broadcasts = 0;
  const broadcast = async () => {
    for (const r of readers) r.worker.postMessage({ broadcast: broadcasts++ });
    const input = { ...example('OutageInput'), startedAt: new Date().toISOString(), expectedResumeAt: null };
    const sentAt = now();
    await request('POST', '/api/v1/operator/outages', input, { ...operator, 'idempotency-key': randomUUID() });
    const results = await Promise.all(readers.map((r) => r.next()));
    const times = results.flatMap((m) => m.times).map((t) => t - sentAt);
    await new Promise((r) => setTimeout(r, 200));
    return times;
  };

  // The warm-up: a server's first write requests after it starts are slower than any later one (its code not yet
  // optimised, the database's first statements), so those broadcasts are reported on their own, not counted.
  const cold = [];
  for (let w = 0; w < WARMUP; w++) cold.push(Math.max(...(await broadcast())));

  const latencies = [];
  const perBroadcast = [];
  const serverCpu0 = serverCpuMs();
  const loadCpu0 = process.cpuUsage();
  for (let b = 0; b < BROADCASTS; b++) {
    const times = await broadcast();
    const first = Math.min(...times);
    const last = Math.max(...times);
    latencies.push(...times);
    perBroadcast.push({ received: times.length, ms: last, firstMs: first, spreadMs: last - first });
  }
  const serverCpu = serverCpu0 === undefined ? undefined : (serverCpuMs() - serverCpu0) / BROADCASTS;
  const loadCpuUsed = process.cpuUsage(loadCpu0);
  const loadCpu = (loadCpuUsed.user + loadCpuUsed.system) / 1000 / BROADCASTS;
  const rssAfter = rssMb();
  await Promise.all(readers.map((r) => r.worker.terminate()));

  const draft = example('ComplaintDraft');
  delete draft.attachmentIds;
  let next = 0;
  let filed = 0;
  let failed = 0;
  let firstFailure;
  const c0 = now();
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
  const complaintSeconds = (now() - c0) / 1000;

  latencies.sort((a, b) => a - b);
  const delivered = perBroadcast.reduce((s, b) => s + b.received, 0);
  const ms = (list) => list.map((t) => `${t.toFixed(1)}`).join(' / ');
  const rows = [
    ...(first
      ? [['first answers after start', `${ms(first)} ms, then ${ms(again)} ms (config / queue / outages)`]]
      : []),
    [
      'streams held',
      `${STREAMS} by ${readers.length} reader threads (connected in ${(connectMs / 1000).toFixed(1)} s)`,
    ],
    ['broadcasts', `${BROADCASTS}, after ${WARMUP} to warm up`],
    ['events delivered', `${delivered} of ${STREAMS * BROADCASTS}`],
    ['fan-out latency p50', `${percentile(latencies, 50)?.toFixed(1)} ms`],
    ['fan-out latency p99', `${percentile(latencies, 99)?.toFixed(1)} ms`],
    ['fan-out latency max', `${latencies.at(-1)?.toFixed(1)} ms`],
    ...(cold.length
      ? [['warm-up (not counted), last reader', cold.map((ms) => `${ms.toFixed(1)} ms`).join(', ')]]
      : []),
    ['first reader (median)', `${median(perBroadcast.map((b) => b.firstMs)).toFixed(1)} ms after the publish request`],
    ['first to last reader (median)', `${median(perBroadcast.map((b) => b.spreadMs)).toFixed(1)} ms`],
    [
      'CPU per broadcast: server / load',
      `${serverCpu === undefined ? '?' : `${serverCpu.toFixed(0)} ms`} / ${loadCpu.toFixed(0)} ms (publish and readers)`,
    ],
    ['machine load (1 min) at the end', os.loadavg()[0].toFixed(1)],
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
    `\nkc server fan-out (Node ${process.version}, ${server ? 'PGlite, server in a child process' : baseUrl})`,
  );
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (process.env.KC_BENCH_DEBUG) console.log(perBroadcast);
}

try {
  await main();
} finally {
  await server?.stop();
  if (profileDir) console.log(`  server CPU profile in ${profileDir}`);
}
