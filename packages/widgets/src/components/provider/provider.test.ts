// SPDX-License-Identifier: MIT
import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../../../test/dom.js';
import '../../kc-provider.js';
import '../../kc-outage-banner.js';
import type { KcProvider } from './provider.js';
import type { KcOutageBanner } from '../outage-banner/outage-banner.js';
import { fakeClient, fakeConfig, fakeOutage } from '../../../test/fake-client.js';

const heading = (el: KcOutageBanner) => el.shadowRoot!.querySelector('#heading')?.textContent;

describe('<kc-provider>', () => {
  it('is accessible', async () => {
    const fake = fakeClient({ initial: [fakeOutage()] });
    const el = await fixture<KcProvider>(
      html`<kc-provider .client=${fake.client} lang="ru"><kc-outage-banner></kc-outage-banner></kc-provider>`,
    );
    await expect(el).to.be.accessible();
  });

  it('shares its client and one configuration fetch with every element inside, and its lang', async () => {
    const fake = fakeClient({ initial: [fakeOutage()], config: fakeConfig({ defaultLocale: 'en' }) });
    const el = await fixture<KcProvider>(
      html`<kc-provider .client=${fake.client} lang="ru">
        <kc-outage-banner></kc-outage-banner>
        <div><kc-outage-banner></kc-outage-banner></div>
      </kc-provider>`,
    );
    const banners = [...el.querySelectorAll('kc-outage-banner')];
    await until(el, () => banners.every((b) => heading(b) === 'Прерывание обслуживания'));
    expect(fake.feed.watches).to.equal(2);
    expect(fake.configCalls).to.equal(1);
  });

  it('takes no space of its own', async () => {
    const el = await fixture<KcProvider>(html`<kc-provider></kc-provider>`);
    await el.updateComplete;
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('switches every element inside to a new client', async () => {
    const first = fakeClient({ initial: [fakeOutage()] });
    const second = fakeClient({ initial: [fakeOutage(), fakeOutage()] });
    const el = await fixture<KcProvider>(
      html`<kc-provider .client=${first.client} lang="en"><kc-outage-banner></kc-outage-banner></kc-provider>`,
    );
    const banner = el.querySelector('kc-outage-banner')!;
    await until(banner, () => heading(banner) === 'Service interruption');
    el.client = second.client;
    await until(banner, () => heading(banner) === 'Service interruption: 2 notices');
    expect(first.feed.running).to.equal(0);
  });
});
