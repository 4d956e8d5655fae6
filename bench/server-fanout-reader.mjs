// SPDX-License-Identifier: MIT
// A reader thread of bench/server-fanout.mjs: holds `count` outage streams and stamps each receipt of
// `event: outage.published` with the process's monotonic clock. It scans bytes instead of parsing HTTP and SSE (the
// server writes each event whole), so that the reader costs as little as possible.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { url, count } = workerData;
const MARK = Buffer.from('event: outage.published\n');
const OK = Buffer.from('HTTP/1.1 200');
const EMPTY = Buffer.alloc(0);
const now = () => Number(process.hrtime.bigint()) / 1e6;

let broadcast = -1;
let times = [];
let timer;
const seen = new Int32Array(count).fill(-1);

function finish(timedOut) {
  clearTimeout(timer);
  parentPort.postMessage({ done: broadcast, times, ...(timedOut ? { timedOut: true } : {}) });
  times = [];
}

// A subscriber is a bare TCP socket that sends the GET itself and scans the raw bytes: no HTTP parser and no
// response stream per subscriber, so the load generator takes as little of the machine's CPU as it can (the server
// under test shares the same cores). The first read must be the `200` status line; the chunked framing around each
// event does not matter, the mark is searched in the raw bytes.
function open(i) {
  const { hostname, port, pathname } = new URL(url);
  const request = Buffer.from(
    `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\nConnection: keep-alive\r\n\r\n`,
  );
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true }, () => socket.write(request));
    let started = false;
    // The last bytes of the previous read, in case the mark was split between two reads.
    let tail = EMPTY;
    socket.on('data', (chunk) => {
      const at = now();
      if (!started) {
        if (!chunk.subarray(0, 12).equals(OK)) {
          reject(new Error(`stream: ${chunk.subarray(0, 40).toString('latin1')}`));
          socket.destroy();
          return;
        }
        started = true;
        resolve(socket);
      }
      let found = chunk.indexOf(MARK) >= 0;
      if (!found && tail.length > 0) {
        found = Buffer.concat([tail, chunk.subarray(0, MARK.length - 1)]).indexOf(MARK) >= 0;
      }
      tail = chunk.length >= MARK.length - 1 ? chunk.subarray(chunk.length - MARK.length + 1) : chunk;
      if (!found || broadcast < 0 || seen[i] >= broadcast) return;
      seen[i] = broadcast;
      times.push(at);
      if (times.length === count) finish(false);
    });
    socket.on('error', reject);
  });
}

parentPort.on('message', (m) => {
  broadcast = m.broadcast;
  times = [];
  timer = setTimeout(() => finish(true), 30_000);
});

try {
  for (let i = 0; i < count; i += 200) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 200); j++) batch.push(open(j));
    await Promise.all(batch);
  }
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: String(error) });
}
