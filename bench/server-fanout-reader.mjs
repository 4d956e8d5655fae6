// SPDX-License-Identifier: MIT
// A reader thread of bench/server-fanout.mjs: holds `count` outage streams and stamps each receipt of
// `event: outage.published` with the process's monotonic clock. It scans bytes instead of parsing SSE (the server
// writes each event whole), so that the reader costs as little as possible.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, count } = workerData;
const MARK = Buffer.from('event: outage.published\n');
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

function open(i) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream: ${res.statusCode}`));
        res.resume();
        return;
      }
      // The tail of the previous chunk, in case the mark was split between two reads.
      let tail = Buffer.alloc(0);
      res.on('data', (chunk) => {
        const at = now();
        const bytes = tail.length ? Buffer.concat([tail, chunk]) : chunk;
        let found = 0;
        for (let k = bytes.indexOf(MARK); k >= 0; k = bytes.indexOf(MARK, k + MARK.length)) found++;
        tail = bytes.subarray(Math.max(0, bytes.length - MARK.length + 1));
        if (found === 0 || broadcast < 0 || seen[i] >= broadcast) return;
        seen[i] = broadcast;
        times.push(at);
        if (times.length === count) finish(false);
      });
      resolve(req);
    });
    req.on('error', reject);
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
