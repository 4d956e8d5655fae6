// SPDX-License-Identifier: MIT
// The fault suite's share through the widget (docs/reliability.md): 100 citizens file an appeal in
// <kc-complaint-form> while a seeded generator breaks the way to @kc/mock — the network fails before or after the
// server committed, 500 / 502 / 503, 429 with Retry-After in seconds and as a date, timeouts — and some reload the
// page while their appeal waits. Every citizen ends up looking at their own receipt; the backend registered each
// appeal once (by Idempotency-Key); the outbox is empty.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { getResponse } from 'msw';
import { createMockContactCenter, createSeededRandom, type MockContactCenter } from '@kc/mock';
import { createCore, type KcCore } from '@kc/sdk';
import '../src/kc-complaint-form.js';
import type { KcComplaintForm } from '../src/components/complaint-form/complaint-form.js';
import { $, fillAppeal, freshDatabase, settle } from './complaints.js';

const SEED = 20261204;
const CITIZENS = 100;
const BATCH = 10;
const baseUrl = `${location.origin}/kc-faults/api/v1`;
const database = freshDatabase();
const FAULTS = ['network-before', 'network-after', 'timeout-after', '500', '502', '503', '429-seconds', '429-date'];

const random = createSeededRandom(SEED);
const counts: Record<string, number> = {};
const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
let mock: MockContactCenter;
let client: KcCore;
const clients: KcCore[] = [];
const shown: string[] = [];
const pageErrors: unknown[] = [];
const onPageError = (e: Event) => pageErrors.push((e as PromiseRejectionEvent).reason ?? e);

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
const backend = async (request: Request) => (await getResponse(mock.handlers, request)) ?? problem(404, 'not_found');

/** `fetch` of one page into the mock, with a seeded fault on 40 % of the appeals' requests. */
function faultyFetch(page: { closed: boolean }): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    // A closed page hears nothing more: what it had on the way is answered to no one.
    const never = () =>
      new Promise<Response>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true }),
      );
    const answer = async (response: Response | Promise<Response>) => (page.closed ? never() : response);
    if (page.closed) return never();
    if (request.method !== 'POST' || !request.url.endsWith('/complaints')) return answer(backend(request));
    const fault = random.next() < 0.4 ? random.pick(FAULTS) : undefined;
    if (!fault) return answer(await backend(request));
    count(fault);
    switch (fault) {
      case 'network-before':
        throw new TypeError('Failed to fetch');
      case 'network-after':
        await backend(request);
        throw new TypeError('Failed to fetch');
      case 'timeout-after':
        await backend(request);
        return never();
      case '429-seconds':
        return problem(429, 'rate_limited', { 'retry-after': random.next() < 0.5 ? '2' : '120' });
      case '429-date':
        return problem(429, 'rate_limited', { 'retry-after': new Date(Date.now() + 600_000).toUTCString() });
      default:
        return problem(Number(fault), fault === '500' ? 'internal_error' : 'service_unavailable');
    }
  };
}

/** A page with the SDK over the suite's database; a reload is a new one over the same database. */
let current = { closed: false };
function page(): KcCore {
  client?.close();
  current.closed = true;
  current = { closed: false };
  client = createCore({
    baseUrl,
    fetch: faultyFetch(current),
    timeout: 100,
    retry: { sleep: () => Promise.resolve() },
    outbox: { baseDelay: 60_000 },
    databaseName: database,
  });
  clients.push(client);
  return client;
}

/** What a form shows: a receipt, an appeal waiting (inline, or alone after a reload), or the form to fill. */
function state(el: KcComplaintForm): 'receipt' | 'queued' | 'form' | undefined {
  if ($(el, '.receipt')) return 'receipt';
  if ($(el, '[part="queued"]') || (!$(el, 'form') && $(el, '[part~="submit-button"]'))) return 'queued';
  return $(el, 'form') ? 'form' : undefined;
}

async function open(): Promise<KcComplaintForm> {
  const el = await fixture<KcComplaintForm>(html`<kc-complaint-form .client=${client} lang="kk"></kc-complaint-form>`);
  await waitUntil(() => state(el) !== undefined, 'the form', { timeout: 10_000 });
  return el;
}

/** Records the receipt a form shows (each is shown once: the form then forgets it in the outbox). */
function saw(el: KcComplaintForm): void {
  shown.push($(el, '[part="tracking-number"]')!.textContent.trim());
}

/** Presses "send now" until the waiting appeal's receipt shows. */
async function sendUntilReceipt(el: KcComplaintForm): Promise<void> {
  for (let tries = 0; state(el) !== 'receipt'; tries++) {
    expect(tries, 'attempts until the receipt').to.be.below(40);
    await waitUntil(() => state(el) === 'receipt' || state(el) === 'queued', 'an answer', { timeout: 10_000 });
    if (state(el) === 'receipt') break;
    count('send-now');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await settle(el, 2);
  }
  saw(el);
}

/**
 * A fresh form. An appeal that waits, or was sent in the background while another was being typed, shows first
 * (the citizen who filed it sees its receipt there); then the form to fill.
 */
async function form(): Promise<KcComplaintForm> {
  for (;;) {
    const el = await open();
    if (state(el) === 'form') return el;
    count('receipt-later');
    await sendUntilReceipt(el);
    fixtureCleanup();
  }
}

async function citizen(i: number): Promise<void> {
  let el = await form();
  await fillAppeal(el, { description: `Зейнетақы тағайындалмады, өтініш №${i}.` });
  $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
  await waitUntil(() => state(el) === 'receipt' || state(el) === 'queued', 'an answer', { timeout: 10_000 });
  if (state(el) === 'queued' && random.next() < 0.3) {
    // The citizen reloads the page while the appeal waits: the next page shows it waiting, or already sent.
    count('reload');
    fixtureCleanup();
    page();
    el = await open();
  }
  await sendUntilReceipt(el);
  fixtureCleanup();
}

describe(`fault suite: ${CITIZENS} appeals through <kc-complaint-form>, seed ${SEED}`, () => {
  before(async () => {
    mock = createMockContactCenter({
      seed: SEED,
      baseUrl,
      operator: false,
      clock: { start: '2026-11-23T10:00:00+05:00', realtime: false },
    });
    await mock.ready();
    window.addEventListener('unhandledrejection', onPageError);
    page();
  });

  after(async () => {
    window.removeEventListener('unhandledrejection', onPageError);
    for (const c of clients) c.close();
    await client.clearLocalData();
    mock.dispose();
  });

  for (let from = 0; from < CITIZENS; from += BATCH) {
    it(`citizens ${from + 1}–${from + BATCH} file their appeals and see receipts`, async () => {
      for (let i = from; i < from + BATCH; i++) await citizen(i);
    });
  }

  it('the backend registered each appeal once, every citizen saw their own number, the outbox is empty', async () => {
    // What is still waiting goes out; its receipt waits for the next form.
    for (let round = 0; round < 100 && (await client.outbox.pending()).length > 0; round++) await client.outbox.flush();
    for (let round = 0; round < 100 && (await client.outbox.results()).length > 0; round++) {
      await form();
      fixtureCleanup();
    }
    const byKey = mock.stats.complaintsByKey;
    expect(
      [...byKey.values()].filter((n) => n !== 1),
      'registered twice',
    ).to.deep.equal([]);
    expect(byKey.size).to.equal(CITIZENS);
    expect(new Set(shown).size).to.equal(CITIZENS);
    for (const n of shown) expect(await mock.store.complaints.getByTrackingNumber(n), n).to.not.equal(null);
    expect(await client.outbox.pending()).to.deep.equal([]);
    expect(pageErrors).to.deep.equal([]);
    const faults = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(faults).to.be.greaterThan(CITIZENS / 4);
    console.log(`[kc] form fault suite: ${CITIZENS} appeals through <kc-complaint-form>, ${JSON.stringify(counts)}`);
  });
});
