// SPDX-License-Identifier: MIT
// <kc-outage-banner> end to end: the real @kc/sdk against @kc/mock (the @kc/backend rules behind msw) in the page.
import { expect, html } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import '../src/kc-provider.js';
import '../src/kc-outage-banner.js';
import type { KcOutageBanner } from '../src/components/outage-banner/outage-banner.js';
import { mount, unmountAll } from './dom.js';

const waitFor = async (condition: () => boolean, what: string, ms = 8000) => {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const outages = (el: KcOutageBanner) => el.shadowRoot!.querySelectorAll('[part="outage"]').length;
const message = (el: KcOutageBanner) => el.shadowRoot!.querySelector('[part="message"]')?.textContent;

describe('<kc-outage-banner> with @kc/sdk and @kc/mock', () => {
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker({ seed: 11, baseUrl: '/api/v1' });
  });

  after(() => mock.stop());

  afterEach(async () => {
    unmountAll();
    await mock.scenario.set({ outage: false });
  });

  it('inside a provider: shows nothing, then a published outage live, then nothing once it is resolved', async () => {
    const provider = mount(
      html`<kc-provider base-url="/api/v1" lang="ru"><kc-outage-banner></kc-outage-banner></kc-provider>`,
    );
    const el = provider.querySelector('kc-outage-banner')!;
    await waitFor(() => el.shadowRoot?.querySelector('[role="status"]') !== null, 'the first render');
    expect(outages(el)).to.equal(0);
    expect(el.getBoundingClientRect().height).to.equal(0);

    await mock.scenario.set({ outage: true });
    await waitFor(() => outages(el) === 1, 'the published outage');
    expect(message(el)).to.equal('Онлайн-чат временно не работает. Позвоните нам по телефону.');
    expect(el.shadowRoot!.querySelector('[part="severity"]')!.textContent).to.equal('Серьёзное прерывание');
    expect(el.shadowRoot!.querySelectorAll('[part="alternatives"] li').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    await mock.scenario.set({ outage: false });
    await waitFor(() => outages(el) === 0, 'the resolution');
  });

  it('stores nothing in the browser before the citizen dismisses a notice', async () => {
    const before = { local: localStorage.length, session: sessionStorage.length };
    const databases = async () => (await indexedDB.databases()).map((d) => d.name);
    const dbBefore = await databases();
    await mock.scenario.set({ outage: true });
    const el = mount<KcOutageBanner>(html`<kc-outage-banner base-url="/api/v1" lang="ru"></kc-outage-banner>`);
    await waitFor(() => outages(el) === 1, 'the outage');
    expect({ local: localStorage.length, session: sessionStorage.length }).to.deep.equal(before);
    expect(await databases()).to.deep.equal(dbBefore);
    expect(document.cookie).to.equal('');
  });

  it('alone with base-url: makes its own client and shows the outage in the page’s language', async () => {
    await mock.scenario.set({ outage: true });
    const el = mount<KcOutageBanner>(html`<kc-outage-banner base-url="/api/v1" lang="kk-KZ"></kc-outage-banner>`);
    await waitFor(() => outages(el) === 1, 'the outage');
    expect(message(el)).to.equal('Онлайн-чат уақытша жұмыс істемейді. Бізге телефон арқылы хабарласыңыз.');
    el.setAttribute('lang', 'en');
    await waitFor(
      () => message(el) === 'The online chat is temporarily unavailable. Please call us instead.',
      'English',
    );
    await expect(el).to.be.accessible();
  });
});
