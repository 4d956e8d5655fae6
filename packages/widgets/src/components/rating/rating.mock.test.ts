// SPDX-License-Identifier: MIT
// <kc-rating> end to end: the real @kc/sdk against @kc/mock (the @kc/backend rules behind msw).
import { expect, html } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import { createClient, type KcClient } from '@kc/sdk';
import '../../kc-rating.js';
import type { KcRating } from './rating.js';
import { RATED_KEY } from './rated.js';
import { mount, unmountAll } from '../../../test/dom.js';

const waitFor = async (condition: () => boolean, what: string, ms = 8000) => {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);

describe('<kc-rating> with @kc/sdk and @kc/mock', () => {
  let mock: MockWorker;
  let kc: KcClient;

  before(async () => {
    mock = await startMockWorker({ seed: 22, baseUrl: '/api/v1', operator: false });
  });

  beforeEach(() => {
    localStorage.removeItem(RATED_KEY);
    kc = createClient({ baseUrl: `${location.origin}/api/v1`, storage: 'memory', outbox: { baseDelay: 60_000 } });
  });

  afterEach(() => {
    unmountAll();
    kc.close();
  });

  after(() => mock.stop());

  async function rate(el: KcRating, csat: number): Promise<void> {
    await waitFor(() => $(el, 'form') !== null, 'the form');
    $<HTMLInputElement>(el, 'input[name="resolved"][value="true"]')!.click();
    $<HTMLInputElement>(el, `input[name="csat"][value="${csat}"]`)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
  }

  it('a rating sent offline is delivered exactly once when the network returns', async function () {
    this.timeout(60_000);
    const el = mount<KcRating>(
      html`<kc-rating .client=${kc} subject-kind="call" subject-id="CALL-2026-000777" lang="kk"></kc-rating>`,
    );
    mock.stats.reset();
    await mock.scenario.set({ networkFailure: { operations: ['submitRating'] } });
    const statuses: string[] = [];
    el.addEventListener('kc-rated', (e) => statuses.push(e.detail.status));
    await rate(el, 5);
    await waitFor(() => $(el, '[part="thanks"]') !== null, 'the thank-you');
    expect($(el, '[part="thanks"]')!.textContent).to.contain('осы құрылғыда сақталды');
    expect(mock.stats.committed.submitRating ?? 0).to.equal(0);
    await expect(el).to.be.accessible();

    await mock.scenario.reset();
    await kc.outbox.flush();
    await kc.outbox.flush();
    expect(mock.stats.committed.submitRating).to.equal(1);
    expect(await kc.outbox.pending()).to.deep.equal([]);
    await waitFor(() => $(el, '[role="status"]')!.textContent === 'Баға жіберілді.', 'the delivery notice');
    expect(statuses).to.deep.equal(['queued']);
  });

  it('an answer lost after the server committed: resent with its key and counted once', async function () {
    this.timeout(60_000);
    const el = mount<KcRating>(
      html`<kc-rating .client=${kc} subject-kind="call" subject-id="CALL-2026-000778" lang="ru"></kc-rating>`,
    );
    mock.stats.reset();
    await mock.scenario.set({ failAfterCommit: { operations: ['submitRating'], times: 1 } });
    await rate(el, 4);
    await waitFor(() => $(el, '[part="thanks"]') !== null, 'the thank-you');
    await kc.outbox.flush();
    expect(mock.stats.faults.afterCommit).to.equal(1);
    expect(mock.stats.requests.submitRating).to.be.at.least(2);
    expect(mock.stats.committed.submitRating).to.equal(1);
    expect(await kc.outbox.pending()).to.deep.equal([]);
  });

  it('the contact center keeps one rating per subject: a second one shows the already-rated thanks', async function () {
    this.timeout(60_000);
    const first = await kc.ratings.submit({
      subject: { kind: 'call', id: 'CALL-2026-000888' },
      csat: 4,
      resolved: true,
      language: 'ru',
    });
    expect(first.status).to.equal('sent');
    const el = mount<KcRating>(
      html`<kc-rating .client=${kc} subject-kind="call" subject-id="CALL-2026-000888" lang="ru"></kc-rating>`,
    );
    await rate(el, 2);
    await waitFor(() => $(el, '[part="thanks"]') !== null, 'the thank-you');
    expect($(el, '[part="thanks"]')!.textContent).to.contain('Оценка уже получена');
    await expect(el).to.be.accessible();
  });

  it('a low score with follow-up consent is recorded with the follow-up requested', async function () {
    this.timeout(60_000);
    const el = mount<KcRating>(
      html`<kc-rating .client=${kc} subject-kind="call" subject-id="CALL-2026-000999" lang="en"></kc-rating>`,
    );
    await waitFor(() => $(el, 'form') !== null, 'the form');
    $<HTMLInputElement>(el, 'input[name="resolved"][value="false"]')!.click();
    $<HTMLInputElement>(el, 'input[name="csat"][value="1"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('I waited too long');
    $<HTMLInputElement>(el, 'input[name="reason"][value="long_wait"]')!.click();
    $<HTMLInputElement>(el, '#follow-up')!.click();
    await el.updateComplete;
    const phone = $<HTMLInputElement>(el, '#phone')!;
    phone.value = '+7 701 123 45 67';
    phone.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    await waitFor(() => $(el, '[part="thanks"]') !== null, 'the thank-you');
    expect($(el, '[part="thanks"]')!.textContent).to.contain('A specialist will contact you');
    expect(mock.stats.committed.submitRating).to.be.greaterThan(0);
  });
});
