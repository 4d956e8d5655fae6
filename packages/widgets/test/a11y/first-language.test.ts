// SPDX-License-Identifier: MIT
// The first language a widget shows is the one it keeps: no flash of Kazakh while the configuration loads on a page
// without `lang`, whether the browser says which language the citizen reads or only the configuration does.
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { config } from '@kc/sdk';
import '../../src/kc-outage-banner.js';
import '../../src/kc-chat.js';
import '../../src/kc-provider.js';
import type { WidgetClient } from '../../src/internal/client.js';
import { firstLanguageWait } from '../../src/internal/locale.js';
import { fakeClient, fakeConfig, fakeOutage, networkError } from '../fake-client.js';
import { mount, settle, unmountAll, until } from '../dom.js';

/** How each widget is mounted, and the part it shows once rendered. */
const widgets: Record<string, { mount: (client?: WidgetClient) => TemplateResult; shown: string }> = {
  'kc-outage-banner': {
    mount: (client) => html`<kc-outage-banner .client=${client}></kc-outage-banner>`,
    shown: '[part="outage"]',
  },
  'kc-chat': { mount: (client) => html`<kc-chat .client=${client}></kc-chat>`, shown: '[part="launcher"]' },
};

describe('the first language shown', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  const languages = Object.getOwnPropertyDescriptor(navigator, 'languages');
  const wait = firstLanguageWait.ms;
  const browser = (tags: string[]) =>
    Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });

  beforeEach(() => {
    // The tests hold the configuration back for as long as they look; no bound should end the wait meanwhile.
    firstLanguageWait.ms = 600_000;
  });

  afterEach(() => {
    unmountAll();
    firstLanguageWait.ms = wait;
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
    if (languages) Object.defineProperty(navigator, 'languages', languages);
    else delete (navigator as { languages?: unknown }).languages;
  });

  interface Watch {
    /** How the widget is mounted; the banner alone by default. */
    tag?: string;
    /** Whether the widget has no client of its own but a provider's (and the provider's configuration). */
    inProvider?: boolean;
    /** Whether the widget is expected to show nothing while its configuration is held back. */
    held?: boolean;
    /** Makes the configuration fail, once released, instead of arriving. */
    fail?: boolean;
  }

  /**
   * Mounts a widget whose configuration arrives (or fails) only when the test says, and records every language it
   * shows. A widget expected to wait (`held`) must show nothing, be busy and take no space until then; the others
   * must show their part before it.
   */
  async function watchLanguages(defaultLocale: 'kk' | 'ru' | 'en', options: Watch = {}) {
    const { tag = 'kc-outage-banner', inProvider = false, held = false, fail = false } = options;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const fake = fakeClient({
      initial: [fakeOutage()],
      config: fakeConfig({ defaultLocale }),
      ...(fail ? { configError: networkError() } : {}),
    });
    // The fake's module object is the one the element will get: delay its configuration until the test says.
    const fakeModules = fake.client as unknown as { use(key: unknown): { get: () => Promise<unknown> } };
    const module = fakeModules.use(config);
    const get = module.get.bind(module);
    module.get = async () => {
      asked();
      await gate;
      return get();
    };
    const seen: string[] = [];
    const widget = widgets[tag]!;
    const root = mount(
      inProvider
        ? html`<kc-provider .client=${fake.client}>${widget.mount()}</kc-provider>`
        : widget.mount(fake.client),
    );
    const el = (inProvider ? root.querySelector(tag)! : root) as HTMLElement & {
      updateComplete: Promise<unknown>;
      locale: string;
    };
    const shadow = el.shadowRoot!;
    const shown = () => shadow.querySelector(widget.shown) !== null;
    const record = () => {
      for (const child of shadow.children) {
        const lang = child.getAttribute('lang');
        if (lang && seen.at(-1) !== lang) seen.push(lang);
      }
    };
    const observer = new MutationObserver(record);
    observer.observe(shadow, { subtree: true, attributes: true, childList: true, characterData: true });
    if (held) {
      await requested;
      // A task of its own (the page's next event): whatever the element does with what it knows is done by then.
      await new Promise((resolve) => setTimeout(resolve));
      const drawn = [...shadow.children].filter((child) => child.localName !== 'style');
      expect(drawn, 'nothing drawn while the language is unknown').to.deep.equal([]);
      expect(el.getAttribute('aria-busy')).to.equal('true');
      expect(el.getBoundingClientRect().height, 'no space taken').to.equal(0);
    } else {
      await until(el, shown, 'the widget before its configuration');
    }
    record();
    release();
    await until(el, shown, 'the widget');
    await settle(el);
    record();
    observer.disconnect();
    expect(el.hasAttribute('aria-busy'), 'busy no more').to.equal(false);
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

  for (const tag of Object.keys(widgets)) {
    describe(`<${tag}> when only the configuration knows the language`, () => {
      beforeEach(() => {
        document.documentElement.removeAttribute('lang');
        browser(['de-DE']);
      });

      it('shows nothing until the configuration arrives, then only its language', async () => {
        const { el, seen } = await watchLanguages('ru', { tag, held: true });
        expect(seen).to.deep.equal(['ru']);
        expect(el.locale).to.equal('ru');
      });

      it('shows Kazakh, and only Kazakh, when the configuration fails', async () => {
        const { el, seen } = await watchLanguages('ru', { tag, held: true, fail: true });
        expect(seen).to.deep.equal(['kk']);
        expect(el.locale).to.equal('kk');
      });

      it('inside a provider, waits for the provider’s configuration', async () => {
        const { seen } = await watchLanguages('en', { tag, held: true, inProvider: true });
        expect(seen).to.deep.equal(['en']);
      });
    });
  }

  it('waits no longer than its bound: past it, Kazakh, then the configuration’s language', async () => {
    document.documentElement.removeAttribute('lang');
    browser(['de-DE']);
    firstLanguageWait.ms = 0;
    const { seen } = await watchLanguages('ru');
    expect(seen).to.deep.equal(['kk', 'ru']);
  });
});
