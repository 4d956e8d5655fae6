// SPDX-License-Identifier: MIT
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser } from './api.js';

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
