// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorApi, SseParser } from './api.js';

describe('SseParser', () => {
  it('parses messages split anywhere across chunks, with ids, names, multi-line data and comments', () => {
    const parser = new SseParser();
    const stream =
      'retry: 5000\n\n: ping\n\nid: 7\nevent: chat.typing\ndata: {"a":\ndata: 1}\n\nid: 8\r\nevent: reset\r\ndata: {}\r\n\r\n';
    const out = [];
    for (let i = 0; i < stream.length; i += 3) out.push(...parser.push(stream.slice(i, i + 3)));
    assert.deepEqual(out, [
      { id: '7', event: 'chat.typing', data: '{"a":\n1}' },
      { id: '8', event: 'reset', data: '{}' },
    ]);
    assert.equal(parser.retryMs, 5000);
  });

  it('keeps an incomplete message until its blank line, and names an unnamed one "message"', () => {
    const parser = new SseParser();
    assert.deepEqual(parser.push('data: x'), []);
    assert.deepEqual(parser.push('\n'), []);
    assert.deepEqual(parser.push('\n'), [{ id: undefined, event: 'message', data: 'x' }]);
  });
});

describe('OperatorApi', () => {
  it('reads answers without bidirectional controls: a citizen’s name cannot reorder the console’s text', async () => {
    const real = globalThis.fetch;
    // A name that an override would show reversed, and one with an isolate written as an escape.
    const body = '{"name":{"kk":"\u202enimdA","ru":"a\\u2067b","en":"c"}}';
    globalThis.fetch = () => Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
    try {
      const config = await new OperatorApi('https://kc.test/api/v1', 'token').config();
      assert.deepEqual(config.name, { kk: 'nimdA', ru: 'ab', en: 'c' });
    } finally {
      globalThis.fetch = real;
    }
  });
});
