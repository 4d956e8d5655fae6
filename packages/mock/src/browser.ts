// SPDX-License-Identifier: MIT
/**
 * `@kc/mock/browser`: the mock contact center in a browser page, through msw's service worker. Serve msw's
 * `mockServiceWorker.js` at the root of your site (`npx msw init public/`), then start the mock before your app
 * or test talks to the API.
 *
 * @packageDocumentation
 */
import { getResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { operationInfos } from './contract.js';
import { createMockContactCenter, type MockContactCenter, type MockContactCenterOptions } from './mock.js';

/** Options of {@link startMockWorker}. */
export interface MockWorkerOptions extends MockContactCenterOptions {
  /**
   * Where the page serves msw's worker script.
   * @default '/mockServiceWorker.js'
   */
  serviceWorkerUrl?: string;
  /**
   * Keep msw from logging every intercepted request to the console.
   * @default true
   */
  quiet?: boolean;
}

/** A running mock in the browser: the contact center and its msw worker. */
export interface MockWorker extends MockContactCenter {
  /** The msw worker (add your own handlers with `worker.use(…)`). */
  readonly worker: SetupWorker;
  /** Stops intercepting and stops the mock's timers and streams. */
  stop(): void;
}

/**
 * Starts the mock contact center in this page: registers msw's service worker and answers the contract's API under
 * `baseUrl` (`/api/v1` on this origin by default). Requests that are not the API pass through untouched.
 *
 * @throws {Error} `[kc] …` outside a browser (use `startMockServer` from `@kc/mock/node`), or without service
 * workers (a `file:` page, an insecure origin other than localhost).
 * @example
 * ```ts
 * import { startMockWorker } from '@kc/mock/browser';
 *
 * const mock = await startMockWorker({ operator: { joinAfterMs: 4000 } });
 * await mock.scenario.set({ latency: [200, 800] });
 * ```
 */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') {
    throw new Error('[kc] startMockWorker() runs in a browser page; in Node use startMockServer() from @kc/mock/node.');
  }
  if (!('serviceWorker' in navigator)) {
    throw new Error(
      '[kc] startMockWorker() needs service workers: serve the page over http://localhost or https (not file: or plain ' +
        'http). Under jsdom or happy-dom, which have none, use startMockServer() from @kc/mock/node.',
    );
  }
  const mock = createMockContactCenter(options);
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    quiet: options.quiet ?? true,
    onUnhandledRequest: 'bypass',
  });
  await mock.ready();
  const restore = canTransferStreams() ? () => undefined : answerStreamsInPage(mock.baseUrl, worker);
  return Object.assign(mock, {
    worker,
    stop() {
      restore();
      worker.stop();
      mock.dispose();
    },
  });
}

/** Whether this browser can post a `ReadableStream` to another context (WebKit cannot). */
function canTransferStreams(): boolean {
  try {
    const stream = new ReadableStream();
    const channel = new MessageChannel();
    channel.port1.postMessage(stream, [stream]);
    channel.port1.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a page cannot take a stream from its service worker, msw reads a mocked body whole before answering, and an
 * event stream never ends: the page would wait forever. There the mock answers its event streams in the page
 * itself, with the worker's current handlers (yours from `worker.use(…)` included); everything else still goes
 * through the worker. Returns what undoes it.
 */
function answerStreamsInPage(baseUrl: string, worker: SetupWorker): () => void {
  const base = new URL(baseUrl, location.href);
  const basePath = base.pathname.replace(/\/$/, '');
  const streams = operationInfos
    .filter((op) => op.stream)
    .map((op) => ({
      method: op.method,
      path: new RegExp(`^${basePath}${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  const original = globalThis.fetch;
  const inPage: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.origin === base.origin && streams.some((s) => s.method === request.method && s.path.test(url.pathname))) {
      const response = await getResponse([...worker.listHandlers()] as Parameters<typeof getResponse>[0], request);
      if (response?.type === 'error') throw new TypeError('Failed to fetch');
      if (response) return response;
    }
    return original(request);
  };
  globalThis.fetch = inPage;
  return () => {
    if (globalThis.fetch === inPage) globalThis.fetch = original;
  };
}

export * from './index.js';
