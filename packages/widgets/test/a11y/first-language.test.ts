// SPDX-License-Identifier: MIT
// The first language a widget shows is the one it keeps: no flash of Kazakh while the configuration loads on a page
// without `lang`, when the browser says which language the citizen reads.
import { expect, html } from '@open-wc/testing';
import { config } from '@kc/sdk';
import '../../src/kc-outage-banner.js';
import type { KcOutageBanner } from '../../src/components/outage-banner/outage-banner.js';
import { fakeClient, fakeConfig, fakeOutage } from '../fake-client.js';
import { mount, settle, unmountAll, until } from '../dom.js';

describe('the first language shown', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  const languages = Object.getOwnPropertyDescriptor(navigator, 'languages');
  const browser = (tags: string[]) =>
    Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });

  afterEach(() => {
    unmountAll();
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
    if (languages) Object.defineProperty(navigator, 'languages', languages);
    else delete (navigator as { languages?: unknown }).languages;
  });

  /** Mounts a banner whose configuration arrives only when the test says, and records every language it shows. */
  async function watchLanguages(defaultLocale: 'kk' | 'ru' | 'en') {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeClient({ initial: [fakeOutage()], config: fakeConfig({ defaultLocale }) });
    // The fake's module object is the one the element will get: delay its configuration until the test says.
    const fakeModules = fake.client as unknown as { use(key: unknown): { get: () => Promise<unknown> } };
    const module = fakeModules.use(config);
    const get = module.get.bind(module);
    module.get = async () => {
      await gate;
      return get();
    };
    const seen: string[] = [];
    const el = mount<KcOutageBanner>(html`<kc-outage-banner .client=${fake.client}></kc-outage-banner>`);
    const record = () => {
      for (const child of el.shadowRoot?.children ?? []) {
        const lang = child.getAttribute('lang');
        if (lang && seen.at(-1) !== lang) seen.push(lang);
      }
    };
    const observer = new MutationObserver(record);
    await until(el, () => el.shadowRoot !== null, 'the shadow root');
    observer.observe(el.shadowRoot!, { subtree: true, attributes: true, childList: true, characterData: true });
    await until(el, () => el.shadowRoot!.querySelector('[part="outage"]') !== null, 'the outage');
    record();
    release();
    await settle(el);
    record();
    observer.disconnect();
    return { el, seen };
  }

  it('a page without lang shows the browser’s language from the first render, whatever the configuration says', async () => {
    document.documentElement.removeAttribute('lang');
    browser(['ru-RU', 'en']);
    const { el, seen } = await watchLanguages('kk');
    expect(seen).to.deep.equal(['ru']);
    expect(el.locale).to.equal('ru');
  });

  it('passes over browser languages kc has no catalog for', async () => {
    document.documentElement.removeAttribute('lang');
    browser(['de-DE', 'en-GB']);
    const { seen } = await watchLanguages('ru');
    expect(seen).to.deep.equal(['en']);
  });

  it('the page’s lang comes first, and is shown from the first render', async () => {
    document.documentElement.setAttribute('lang', 'kk');
    browser(['en-US']);
    const { seen } = await watchLanguages('ru');
    expect(seen).to.deep.equal(['kk']);
  });
});
