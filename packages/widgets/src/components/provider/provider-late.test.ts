// SPDX-License-Identifier: MIT
// A page where <kc-provider>'s code loads after the elements inside it (the loader fetches each tag's chunk as
// the tag appears, in any order). This file must not import kc-provider.js before the test does.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../kc-outage-banner.js';
import { fakeClient, fakeOutage } from '../../../test/fake-client.js';
import { mount, unmountAll, until } from '../../../test/dom.js';
import type { KcProvider } from './provider.js';

describe('<kc-provider> defined after the elements inside it', () => {
  afterEach(unmountAll);

  it('the elements wait for it without reporting an error, then use its client', async () => {
    expect(customElements.get('kc-provider')).to.equal(undefined);
    const errors: unknown[] = [];
    document.addEventListener('kc-error', (e) => errors.push(e.detail.error));
    const provider = mount<KcProvider>(
      html`<kc-provider lang="ru"><kc-outage-banner></kc-outage-banner></kc-provider>`,
    );
    const banner = provider.querySelector('kc-outage-banner')!;
    await banner.updateComplete;
    expect(banner.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);

    const fake = fakeClient({ initial: [fakeOutage()] });
    provider.client = fake.client;
    await import('../../kc-provider.js');
    await until(banner, () => banner.shadowRoot!.querySelector('#heading')?.textContent === 'Прерывание обслуживания');
    expect(errors).to.deep.equal([]);
  });
});
