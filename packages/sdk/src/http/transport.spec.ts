// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { Transport, type KcRequest } from './transport.js';
import { parseRetryAfter } from './retry.js';
import {
  isKcAbortError,
  isKcContractError,
  isKcHttpError,
  isKcNetworkError,
  isKcRateLimitError,
  isKcTimeoutError,
  isKcValidationError,
  type KcContractError,
  type KcContractIssue,
  type KcHttpError,
} from '../errors/errors.js';
import { check, type Schema } from '../validation/validate.js';
import { baseUrl, fakeFetch, fakeSleep, json, networkError, problem, type FakeHandler } from '../../test/fake-fetch.js';

const Thing: Schema<{ status: 'open' | 'closed'; n?: number }> = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['open', 'closed'] }, n: { type: 'integer' } },
};
const get: KcRequest = { operation: 'getThing', path: 'thing', schema: Thing };
const post: KcRequest<{ status: 'open' | 'closed'; n?: number }> = {
  operation: 'postThing',
  method: 'POST',
  path: 'things',
  json: { a: 1 },
  schema: Thing,
};

function setup(handler: FakeHandler, extra: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  const server = fakeFetch(handler);
  const clock = fakeSleep();
  const random = () => 0.5;
  const transport = new Transport({
    baseUrl,
    fetch: server.fetch,
    retry: { sleep: clock.sleep, random, now: () => Date.parse('2026-11-22T06:00:00Z') },
    ...extra,
  });
  return { transport, calls: server.calls, slept: clock.slept };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('Transport', () => {
  it('returns the validated body', async () => {
    const { transport, calls } = setup(() => json(200, { status: 'open', n: 1 }));
    const { data } = await transport.request(get);
    expect(data).to.deep.equal({ status: 'open', n: 1 });
    expect(calls[0]!.path).to.equal('/thing');
  });

  it('removes bidirectional controls from every string of an answer, written as characters or as escapes', async () => {
    const Texts: Schema<{ name: string; text: string; written: string; list: string[] }> = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        text: { type: 'string' },
        written: { type: 'string' },
        list: { type: 'array', items: { type: 'string' } },
      },
    };
    // An operator "nimdA" shown reversed as "Admin", an isolate left open, and a message that writes a backslash.
    const raw =
      '{"name":"\u202enimdA","text":"a\\u2066b\\u202Ac\u2069","written":"C:\\\\u2066","list":["\u202dx\u202c"]}';
    const { transport } = setup(() => new Response(raw, { headers: { 'content-type': 'application/json' } }));
    const { data } = await transport.request({ operation: 'getTexts', path: 'texts', schema: Texts });
    expect(data).to.deep.equal({ name: 'nimdA', text: 'abc', written: 'C:\\u2066', list: ['x'] });
  });

  it('retries network errors and 5xx with full-jitter exponential backoff', async () => {
    const { transport, calls, slept } = setup((_, i) =>
      i === 0
        ? networkError()
        : i < 3
          ? problem(i === 1 ? 502 : 503, 'service_unavailable')
          : json(200, { status: 'open' }),
    );
    await transport.request(get);
    expect(calls).to.have.length(4);
    expect(slept).to.deep.equal([150, 300, 600]);
  });

  it('gives up after the limit with the last error', async () => {
    const { transport, calls } = setup(() => problem(500, 'internal_error'), {
      retry: { limit: 2, sleep: fakeSleep().sleep },
    });
    const error = (await rejection(transport.request(get))) as KcHttpError;
    expect(isKcHttpError(error)).to.equal(true);
    expect(error.status).to.equal(500);
    expect(error.code).to.equal('internal_error');
    expect(calls).to.have.length(3);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const { transport, slept } = setup((_, i) =>
      i === 0 ? problem(429, 'rate_limited', {}, { 'retry-after': '7' }) : json(200, { status: 'open' }),
    );
    await transport.request(get);
    expect(slept).to.deep.equal([7000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { transport, slept } = setup((_, i) =>
      i === 0
        ? problem(503, 'service_unavailable', {}, { 'retry-after': 'Sun, 22 Nov 2026 06:00:12 GMT' })
        : json(200, { status: 'open' }),
    );
    await transport.request(get);
    expect(slept).to.deep.equal([12_000]);
  });

  it('ends with KcRateLimitError carrying retryAfter when the wait is too long', async () => {
    const { transport, calls } = setup(() =>
      problem(429, 'rate_limited', { retryAfterSeconds: 600 }, { 'retry-after': '600' }),
    );
    const error = await rejection(transport.request(get));
    expect(isKcRateLimitError(error)).to.equal(true);
    expect(isKcHttpError(error)).to.equal(true);
    expect((error as KcHttpError).retryAfter).to.equal(600);
    expect(calls).to.have.length(1);
  });

  it('retries 408', async () => {
    const { transport, calls } = setup((_, i) =>
      i === 0 ? new Response('', { status: 408 }) : json(200, { status: 'open' }),
    );
    await transport.request(get);
    expect(calls).to.have.length(2);
  });

  it('does not retry an unsafe request without an Idempotency-Key', async () => {
    const { transport, calls } = setup(() => networkError());
    expect(isKcNetworkError(await rejection(transport.request(post)))).to.equal(true);
    expect(calls).to.have.length(1);
  });

  it('retries an unsafe request with its Idempotency-Key, the same key every time', async () => {
    const { transport, calls } = setup((_, i) =>
      i < 2 ? problem(503, 'service_unavailable') : json(201, { status: 'open' }),
    );
    await transport.request({ ...post, idempotencyKey: 'key-0123456789abcdef' });
    expect(calls.map((c) => c.headers.get('idempotency-key'))).to.deep.equal(Array(3).fill('key-0123456789abcdef'));
    expect(calls.every((c) => c.body === '{"a":1}')).to.equal(true);
  });

  it('waits on 409 idempotency_in_flight instead of failing', async () => {
    const { transport, calls, slept } = setup((_, i) =>
      i < 2
        ? problem(409, 'idempotency_in_flight', { retryAfterSeconds: 2 }, { 'retry-after': '2' })
        : json(201, { status: 'open' }),
    );
    const { data } = await transport.request({ ...post, idempotencyKey: 'key-0123456789abcdef' });
    expect(data.status).to.equal('open');
    expect(calls).to.have.length(3);
    expect(slept).to.deep.equal([2000, 2000]);
  });

  it('does not wait on other 409s', async () => {
    const { transport, calls } = setup(() => problem(409, 'session_closed'));
    const error = (await rejection(
      transport.request({ ...post, idempotencyKey: 'key-0123456789abcdef' }),
    )) as KcHttpError;
    expect(error.code).to.equal('session_closed');
    expect(calls).to.have.length(1);
  });

  it('asks for the token again once after a 401', async () => {
    const asked: boolean[] = [];
    const { transport, calls } = setup(
      (c) =>
        c.headers.get('authorization') === 'Bearer fresh'
          ? json(200, { status: 'open' })
          : problem(401, 'token_expired'),
      {
        getToken: ({ refresh }) => {
          asked.push(refresh);
          return refresh ? 'fresh' : 'stale';
        },
      },
    );
    await transport.request(get);
    expect(asked).to.deep.equal([false, true]);
    expect(calls.map((c) => c.headers.get('authorization'))).to.deep.equal(['Bearer stale', 'Bearer fresh']);
  });

  it('asks only once: a second 401 is final', async () => {
    let asked = 0;
    const { transport, calls } = setup(() => problem(401, 'unauthorized'), { getToken: () => `t${asked++}` });
    const error = (await rejection(transport.request(get))) as KcHttpError;
    expect(error.status).to.equal(401);
    expect(calls).to.have.length(2);
  });

  it('turns 400/422 validation_failed into KcValidationError with field errors', async () => {
    const errors = [{ field: '/applicant/iin', code: 'iin_checksum', message: 'The IIN check digit does not match.' }];
    const { transport } = setup(() => problem(422, 'validation_failed', { errors }));
    const error = await rejection(transport.request(post));
    expect(isKcValidationError(error)).to.equal(true);
    expect(isKcHttpError(error)).to.equal(false);
    expect((error as { fieldErrors: unknown }).fieldErrors).to.deep.equal(errors);
    expect((error as { status: number }).status).to.equal(422);
  });

  it('turns an HTML 502 from a proxy into KcHttpError after the retries', async () => {
    const html = () =>
      new Response('<html><body>Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const { transport, calls } = setup(html);
    const error = (await rejection(transport.request(get))) as KcHttpError;
    expect(isKcHttpError(error)).to.equal(true);
    expect(error.status).to.equal(502);
    expect(error.code).to.equal('http_502');
    expect(error.problem).to.equal(undefined);
    expect(calls).to.have.length(5);
  });

  it('turns an HTML 200 into KcContractError', async () => {
    const { transport } = setup(
      () => new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const error = (await rejection(transport.request(get))) as KcContractError;
    expect(isKcContractError(error)).to.equal(true);
    expect(error.operation).to.equal('getThing');
    expect(error.issues).to.deep.equal([{ path: 'body', keyword: 'content-type' }]);
  });

  it('turns truncated JSON into KcContractError', async () => {
    const { transport } = setup(
      () => new Response('{"status":"op', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const error = (await rejection(transport.request(get))) as KcContractError;
    expect(error.issues).to.deep.equal([{ path: 'body', keyword: 'json' }]);
  });

  it('turns wrong types into KcContractError without echoing values', async () => {
    const { transport } = setup(() => json(200, { status: 'secret-900101300017', n: 'x' }));
    const error = (await rejection(transport.request(get))) as KcContractError;
    expect(isKcContractError(error)).to.equal(true);
    expect(error.issues).to.deep.equal([{ path: '/n', keyword: 'type' }]);
    expect(error.message).not.to.contain('900101300017');
  });

  it('passes an enum value it does not know (the server may add some within v1), not a wrong type', async () => {
    const { transport } = setup((_, i) => json(200, i === 0 ? { status: 'archived', n: 1 } : { status: 7, n: 1 }));
    const { data } = await transport.request(get);
    expect(data).to.deep.equal({ status: 'archived', n: 1 });
    const error = (await rejection(transport.request(get))) as KcContractError;
    expect(error.issues).to.deep.equal([{ path: '/status', keyword: 'type' }]);
  });

  it('holds what a client sends to the enum', () => {
    const issues: KcContractIssue[] = [];
    expect(check(get.schema!, { status: 'archived', n: 1 }, '', issues)).to.equal(false);
    expect(issues).to.deep.equal([{ path: '/status', keyword: 'enum' }]);
    expect(check(get.schema!, { status: 'archived', n: 1 }, '', [], true)).to.equal(true);
  });

  it('refuses absurdly large bodies', async () => {
    const { transport } = setup(() => json(200, { status: 'open', pad: 'x'.repeat(5000) }), { maxBodyBytes: 1000 });
    const error = (await rejection(transport.request(get))) as KcContractError;
    expect(error.issues).to.deep.equal([{ path: 'body', keyword: 'size' }]);
  });

  it('retries a body that breaks off mid-stream as a network error', async () => {
    const { transport, calls } = setup((_, i) => {
      if (i > 0) return json(200, { status: 'open' });
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":'));
          controller.error(new TypeError('connection reset'));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    await transport.request(get);
    expect(calls).to.have.length(2);
  });

  it('times out each attempt, and retries', async () => {
    const { transport, calls } = setup(
      (_, i) => (i === 0 ? new Promise<Response>(() => {}) : json(200, { status: 'open' })),
      { timeout: 20 },
    );
    await transport.request(get);
    expect(calls).to.have.length(2);
  });

  it('ends with KcTimeoutError when every attempt times out', async () => {
    const { transport } = setup(() => new Promise<Response>(() => {}), {
      timeout: 10,
      retry: { limit: 1, sleep: fakeSleep().sleep },
    });
    expect(isKcTimeoutError(await rejection(transport.request(get)))).to.equal(true);
  });

  it('stops on abort with KcAbortError, also while waiting between retries', async () => {
    const controller = new AbortController();
    const { transport } = setup(() => new Promise<Response>(() => {}));
    const pending = transport.request({ ...get, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(isKcAbortError(await rejection(pending))).to.equal(true);

    const waiting = new AbortController();
    const slow = new Transport({
      baseUrl,
      fetch: fakeFetch(() => problem(503, 'service_unavailable')).fetch,
      retry: { baseDelay: 60_000, random: () => 1 },
    });
    const second = slow.request({ ...get, signal: waiting.signal });
    setTimeout(() => waiting.abort(), 20);
    expect(isKcAbortError(await rejection(second))).to.equal(true);
  });

  it('does not retry center_closed without Retry-After', async () => {
    const { transport, calls } = setup(() =>
      problem(503, 'center_closed', { nextOpeningAt: '2026-11-23T09:00:00+05:00' }),
    );
    const error = (await rejection(transport.request(get))) as KcHttpError;
    expect(error.code).to.equal('center_closed');
    expect(error.problem?.nextOpeningAt).to.equal('2026-11-23T09:00:00+05:00');
    expect(calls).to.have.length(1);
  });

  it('sends Accept-Language and query parameters, leaving undefined ones out', async () => {
    const { transport, calls } = setup(() => json(200, { status: 'open' }), { locale: () => 'kk' });
    await transport.request({ ...get, query: { q: 'паспорт', limit: 5, cursor: undefined } });
    expect(calls[0]!.headers.get('accept-language')).to.equal('kk');
    expect(calls[0]!.path).to.equal('/thing?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82&limit=5');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T06:00:00Z');
  it('reads seconds and HTTP dates, never negative', () => {
    expect(parseRetryAfter('30', now)).to.equal(30_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 06:01:00 GMT', now)).to.equal(60_000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 05:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });
});
