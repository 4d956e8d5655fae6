// SPDX-License-Identifier: MIT
// Malformed answers (docs/reliability.md): a proxy's HTML 502, truncated JSON, wrong types, unknown enum values, a
// 5 MB body and an empty body, from @kc/mock, to the first call of every widget. Each widget shows a visible state
// the citizen can recover from (an alert with a retry that works once the server answers well), and nothing
// escapes into the page (no error event, no unhandled rejection).
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { startMockWorker, type MalformedKind, type MockWorker } from '@kc/mock/browser';
import type { OperationId } from '@kc/contract';
import '../src/kc-chat.js';
import '../src/kc-callback.js';
import '../src/kc-complaint-form.js';
import '../src/kc-complaint-status.js';
import '../src/kc-outage-banner.js';

const KINDS: MalformedKind[] = ['html-502', 'truncated-json', 'wrong-types', 'unknown-enum', 'huge', 'empty'];
const CASES: [tag: string, operation: OperationId][] = [
  ['kc-complaint-form', 'getConfig'],
  ['kc-complaint-status', 'getConfig'],
  ['kc-chat', 'getConfig'],
  ['kc-callback', 'getConfig'],
  ['kc-callback', 'getCallbackSlots'],
  ['kc-outage-banner', 'getConfig'],
  ['kc-outage-banner', 'listOutages'],
];

let mock: MockWorker;
const pageErrors: unknown[] = [];
const onPageError = (e: Event) => pageErrors.push((e as PromiseRejectionEvent).reason ?? (e as ErrorEvent).error ?? e);

before(async () => {
  mock = await startMockWorker({ operator: false, seed: 11 });
  window.addEventListener('error', onPageError);
  window.addEventListener('unhandledrejection', onPageError);
});
after(() => {
  window.removeEventListener('error', onPageError);
  window.removeEventListener('unhandledrejection', onPageError);
  mock.stop();
});
afterEach(async () => {
  fixtureCleanup();
  await mock.scenario.reset();
});

/** What a widget shows, less its help: the help lists the configuration's channels, so it waits for a good answer. */
const text = (el: Element) =>
  (el.shadowRoot?.textContent ?? '')
    .replace(el.shadowRoot?.querySelector('[part="help"]')?.textContent ?? '', '')
    .replace(/\s+/g, ' ')
    .trim();
const alertOf = (el: Element) => el.shadowRoot?.querySelector<HTMLElement>('[role="alert"]') ?? null;

/** What each widget shows when every answer is good: a malformed answer may leave it there (nothing depended on it). */
const normal = new Map<string, string>();

async function mount(tag: string): Promise<Element> {
  const el = await fixture(`<${tag} base-url="/api/v1" lang="en"></${tag}>`);
  await waitUntil(() => mock.stats.totalRequests() > 0, 'the widget calls the contact center', { timeout: 5000 });
  return el;
}

describe('malformed answers in the widgets', () => {
  before(async () => {
    for (const tag of new Set(CASES.map(([t]) => t))) {
      mock.stats.reset();
      const el = await mount(tag);
      await new Promise((r) => setTimeout(r, 500));
      normal.set(tag, text(el));
      fixtureCleanup();
    }
  });

  for (const [tag, operation] of CASES) {
    for (const kind of KINDS) {
      it(`<${tag}>: ${kind} from ${operation} → a visible, recoverable state`, async () => {
        await mock.scenario.set({ malformed: { kind, operations: [operation] } });
        mock.stats.reset();
        const el = await mount(tag);
        await waitUntil(() => (mock.stats.requests[operation] ?? 0) > 0, `${operation} called`, { timeout: 5000 });
        // Either an alert, or what the widget shows anyway (it did not need that answer yet).
        // An unknown enum value is what a newer server may send (docs/contract.md, Versioning): the widget reads it
        // as it is able to, and shows something, not an error.
        if (kind === 'unknown-enum') await new Promise((r) => setTimeout(r, 1000));
        else
          await waitUntil(() => alertOf(el) !== null || text(el) === normal.get(tag), 'a state', { timeout: 10_000 });
        const alert = alertOf(el);
        if (kind === 'unknown-enum')
          expect(text(el) !== '' || normal.get(tag) === '', 'shows something').to.equal(true);
        if (alert) {
          expect(alert.textContent.trim()).to.not.equal('');
          const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]');
          expect(retry, 'a retry button').to.not.equal(null);
          await mock.scenario.reset();
          retry!.click();
          await waitUntil(() => alertOf(el) === null && text(el) === normal.get(tag), 'recovers after retry', {
            timeout: 10_000,
          });
        }
        expect(pageErrors).to.deep.equal([]);
      });
    }
  }
});
