// SPDX-License-Identifier: MIT
// A fake `fetch` for the SDK's tests: records every call and answers from a handler, in Node and in browsers.

export interface FakeCall {
  method: string;
  /** The path below the origin, with the query string. */
  path: string;
  headers: Headers;
  body: string;
}

export type FakeHandler = (call: FakeCall, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  calls: FakeCall[];
}

export const origin = 'https://kc.test';
export const baseUrl = `${origin}/api/v1`;

export function fakeFetch(handler: FakeHandler): FakeFetch {
  const calls: FakeCall[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const call: FakeCall = {
      method: request.method,
      path: url.pathname.replace(/^\/api\/v1/, '') + url.search,
      headers: request.headers,
      // Firefox has no Request.body getter: read the text always.
      body: await request.text(),
    };
    calls.push(call);
    if (request.signal.aborted) throw request.signal.reason;
    const answer = handler(call, calls.length - 1);
    // Like a real fetch, reject when the signal aborts before the answer.
    return new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true });
      Promise.resolve(answer).then(resolve, reject);
    });
  };
  return { fetch, calls };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export const problem = (
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

export const networkError = () => Promise.reject(new TypeError('Failed to fetch'));

/** A sleep that does not wait and records what it was asked to wait. */
export function fakeSleep() {
  const slept: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal) => {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    slept.push(ms);
    return Promise.resolve();
  };
  return { slept, sleep };
}
