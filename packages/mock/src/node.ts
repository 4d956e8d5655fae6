// SPDX-License-Identifier: MIT
/**
 * `@kc/mock/node`: the mock contact center in Node (tests of a server-side integration, of the SDK in Node, or of
 * anything that calls `fetch`), through msw's request interception.
 *
 * @packageDocumentation
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createMockContactCenter, type MockContactCenter, type MockContactCenterOptions } from './mock.js';

/** A running mock in Node: the contact center and its msw server. */
export interface MockServer extends MockContactCenter {
  /** The msw server (add your own handlers with `server.use(…)`). */
  readonly server: SetupServer;
  /** Stops intercepting and stops the mock's timers and streams. */
  stop(): void;
}

/**
 * Starts the mock contact center in this Node process: intercepts `fetch` (and `http`) requests to `baseUrl` and
 * answers them from the mock. A relative `baseUrl` (`/api/v1`, the default) matches any origin; pass an absolute
 * one (`http://kc.test/api/v1`) to answer one host only. Other requests pass through.
 *
 * @throws {Error} `[kc] …` in a browser (use `startMockWorker` from `@kc/mock/browser`).
 * @example
 * ```ts
 * import { startMockServer } from '@kc/mock/node';
 *
 * const mock = await startMockServer({ clock: { realtime: false, start: '2026-11-23T10:00:00+05:00' } });
 * const config = await (await fetch('http://kc.test/api/v1/config')).json();
 * mock.stop();
 * ```
 */
export async function startMockServer(options: MockContactCenterOptions = {}): Promise<MockServer> {
  // Not `typeof window`: tests in jsdom or happy-dom have a window and still run in Node.
  if (typeof process === 'undefined' || typeof process.versions?.node !== 'string') {
    throw new Error('[kc] startMockServer() runs in Node; in a browser use startMockWorker() from @kc/mock/browser.');
  }
  const mock = createMockContactCenter(options);
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  await mock.ready();
  return Object.assign(mock, {
    server,
    stop() {
      server.close();
      mock.dispose();
    },
  });
}

export * from './index.js';
