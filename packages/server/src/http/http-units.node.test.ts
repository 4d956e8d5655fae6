// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { multipartBoundary, parseMultipart } from './multipart.js';
import { eventFrames, formatEvent } from './sse.js';

describe('multipart bodies', () => {
  const boundary = '----kcBoundary7MA4YWxkTrZu0gW';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="өтініш \\"1\\".pdf"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    Buffer.from('%PDF-1.7\r\n--not-a-boundary\r\n'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

  it('finds the boundary in the content type', () => {
    assert.equal(multipartBoundary(`multipart/form-data; boundary=${boundary}`), boundary);
    assert.equal(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"'), 'a b');
    assert.equal(multipartBoundary('application/json'), undefined);
  });

  it('reads every part with its name, file name, type and exact bytes', () => {
    const parts = parseMultipart(body, boundary)!;
    assert.equal(parts.length, 2);
    assert.equal(parts[0]!.name, 'note');
    assert.equal(parts[0]!.data.toString(), 'hello');
    assert.equal(parts[1]!.name, 'file');
    assert.equal(parts[1]!.fileName, 'өтініш "1".pdf');
    assert.equal(parts[1]!.contentType, 'application/pdf');
    assert.equal(parts[1]!.data.toString(), '%PDF-1.7\r\n--not-a-boundary\r\n');
  });

  it('refuses a truncated body', () => {
    assert.equal(parseMultipart(body.subarray(0, body.length - 40), boundary), undefined);
    assert.equal(parseMultipart(Buffer.from('nothing'), boundary), undefined);
  });
});

describe('SSE formatting', () => {
  it('writes id, event and one line of JSON data, once per event object', () => {
    const event = { id: 7, type: 'status', data: { text: 'line\nbreak', kk: 'Қаралуда' } };
    const text = formatEvent(event);
    assert.equal(text, 'id: 7\nevent: status\ndata: {"text":"line\\nbreak","kk":"Қаралуда"}\n\n');
    assert.equal(formatEvent(event), text);
    assert.equal(formatEvent({ id: 1, type: 'x\ny', data: null }), 'id: 1\nevent: xy\ndata: null\n\n');
  });

  it('encodes an event once into the bytes of one HTTP/1.1 chunk, its size counted in bytes', () => {
    const event = { id: 3, type: 'status', data: { kk: 'Қаралуда' } };
    const frames = eventFrames(event);
    assert.equal(eventFrames(event), frames, 'the same buffers for every reader');
    const bytes = Buffer.from(formatEvent(event));
    assert.ok(bytes.length > formatEvent(event).length, 'Kazakh letters take two bytes');
    assert.deepEqual(frames.raw, bytes);
    assert.equal(frames.chunk.toString('utf8'), `${bytes.length.toString(16)}\r\n${formatEvent(event)}\r\n`);
  });
});
