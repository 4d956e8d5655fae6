// SPDX-License-Identifier: MIT
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { mount, settle, unmountAll, until } from '../../test/dom.js';
import { html as litHtml } from 'lit';
import { KcElement } from './kc-element.js';
import { define } from './define.js';
import { tokenStyles } from '../styles/tokens.js';
import { baseStyles } from '../styles/base.js';
import { registerTranslation } from '../translations/index.js';
import kk from '../translations/kk.js';
import { fakeClient, fakeConfig } from '../../test/fake-client.js';
import type { KcErrorEvent } from '../events/kc-error.js';

class KcTestProbe extends KcElement {
  static override styles = [tokenStyles, baseStyles];
  renders = 0;

  override render() {
    this.renders += 1;
    return litHtml`<p part="base">${this.t.common.retry}</p>`;
  }

  /** Exposes the protected helpers to the tests. */
  expose() {
    return {
      text: (v: Parameters<KcElement['text']>[0]) => this.text(v),
      formatDateTime: (v: string) => this.formatDateTime(v),
      report: (e: unknown) => this.reportError(e, 'test.op'),
      timeZone: this.timeZone,
    };
  }
}
define('kc-test-probe', KcTestProbe);

class KcTestBroken extends KcElement {
  override render() {
    throw new Error('render failed');
  }
}
define('kc-test-broken', KcTestBroken);

// A host with its own shadow root, to check that the language is found across shadow boundaries.
class KcTestHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<div id="inner"><kc-test-probe></kc-test-probe></div>';
  }
}
customElements.define('kc-test-host', KcTestHost);

declare global {
  interface HTMLElementTagNameMap {
    'kc-test-probe': KcTestProbe;
    'kc-test-broken': KcTestBroken;
    'kc-test-host': KcTestHost;
  }
}

const shown = (el: KcTestProbe) => el.shadowRoot!.querySelector('p')!.textContent;
describe('KcElement', () => {
  const htmlLang = document.documentElement.getAttribute('lang');
  afterEach(() => {
    unmountAll();
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('is accessible', async () => {
    const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="ru"></kc-test-probe>`);
    await expect(el).to.be.accessible();
  });

  describe('language', () => {
    it('takes the element’s own lang first', async () => {
      const wrap = mount(html`<div lang="ru"><kc-test-probe lang="en"></kc-test-probe></div>`);
      const el = wrap.querySelector('kc-test-probe')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('Try again');
      expect(el.locale).to.equal('en');
    });

    it('then the closest ancestor’s lang', async () => {
      const wrap = await fixture(
        html`<section lang="en">
          <div lang="ru">
            <p><kc-test-probe></kc-test-probe></p>
          </div>
        </section>`,
      );
      const el = wrap.querySelector('kc-test-probe')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('Повторить');
    });

    it('crossing shadow roots', async () => {
      const wrap = mount(html`<div lang="ru"><kc-test-host></kc-test-host></div>`);
      const host = wrap.querySelector('kc-test-host')!;
      const el = host.shadowRoot!.querySelector('kc-test-probe')!;
      await settle(el);
      expect(shown(el)).to.equal('Повторить');
      host.shadowRoot!.getElementById('inner')!.setAttribute('lang', 'en');
      await until(el, () => shown(el) === 'Try again');
    });

    it('then <html lang>, then the browser’s languages, then the center’s default language, then Kazakh', async () => {
      const languages = Object.getOwnPropertyDescriptor(navigator, 'languages');
      const browser = (tags: string[]) =>
        Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
      try {
        document.documentElement.setAttribute('lang', 'en');
        browser(['ru-RU']);
        const el = await fixture<KcTestProbe>(html`<kc-test-probe></kc-test-probe>`);
        expect(shown(el)).to.equal('Try again');

        document.documentElement.removeAttribute('lang');
        await settle(el);
        expect(shown(el)).to.equal('Повторить');

        browser(['de-DE', 'fr']);
        el.requestUpdate();
        await settle(el);
        expect(shown(el)).to.equal('Қайталау');

        const fake = fakeClient({ config: fakeConfig({ defaultLocale: 'en' }) });
        el.client = fake.client;
        await until(el, () => shown(el) === 'Try again');
      } finally {
        if (languages) Object.defineProperty(navigator, 'languages', languages);
        else delete (navigator as { languages?: unknown }).languages;
      }
    });

    it('passes over languages it has no catalog for', async () => {
      document.documentElement.setAttribute('lang', 'ru');
      const wrap = mount(html`<div lang="de"><kc-test-probe lang=""></kc-test-probe></div>`);
      const el = wrap.querySelector('kc-test-probe')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('Повторить');
    });

    it('normalises regional tags: kk-KZ, ru-RU, en-GB', async () => {
      for (const [tag, text, code] of [
        ['kk-KZ', 'Қайталау', 'kk'],
        ['ru-RU', 'Повторить', 'ru'],
        ['en-GB', 'Try again', 'en'],
        ['KK-kz', 'Қайталау', 'kk'],
      ] as const) {
        const el = await fixture<KcTestProbe>(html`<kc-test-probe lang=${tag}></kc-test-probe>`);
        expect(shown(el), tag).to.equal(text);
        expect(el.locale).to.equal(code);
        fixtureCleanup();
      }
    });

    it('switches at run time when the element’s, an ancestor’s or the page’s lang changes', async () => {
      document.documentElement.setAttribute('lang', 'kk');
      const wrap = mount(html`<div><kc-test-probe></kc-test-probe></div>`);
      const el = wrap.querySelector('kc-test-probe')!;
      await el.updateComplete;
      expect(shown(el)).to.equal('Қайталау');

      document.documentElement.setAttribute('lang', 'en');
      await until(el, () => shown(el) === 'Try again');
      wrap.setAttribute('lang', 'ru');
      await until(el, () => shown(el) === 'Повторить');
      el.setAttribute('lang', 'kk');
      await until(el, () => shown(el) === 'Қайталау');
      el.removeAttribute('lang');
      await until(el, () => shown(el) === 'Повторить');
    });

    it('does not re-render for unrelated attribute changes', async () => {
      const wrap = mount(html`<div lang="ru"><kc-test-probe></kc-test-probe></div>`);
      const el = wrap.querySelector<KcTestProbe>('kc-test-probe')!;
      await settle(el);
      const before = el.renders;
      wrap.setAttribute('title', 'x');
      wrap.setAttribute('lang', 'ru');
      await settle(el);
      expect(el.renders).to.equal(before);
    });

    it('sets lang and dir on the top elements of its shadow root', async () => {
      const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="ru-RU"></kc-test-probe>`);
      const p = el.shadowRoot!.querySelector('p')!;
      expect(p.getAttribute('lang')).to.equal('ru');
      expect(p.getAttribute('dir')).to.equal('ltr');
      el.setAttribute('lang', 'kk');
      await until(el, () => p.getAttribute('lang') === 'kk');
    });

    it('shows a registered catalog such as kk-Latn without any code change, and Cyrillic Kazakh until then', async () => {
      const before = await fixture<KcTestProbe>(html`<kc-test-probe lang="kk-Latn-KZ"></kc-test-probe>`);
      expect(before.locale).to.equal('kk');
      fixtureCleanup();
      registerTranslation({ ...kk, $code: 'kk-Latn', $name: 'Qazaqşa', common: { ...kk.common, retry: 'Qaitalau' } });
      const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="kk-Latn-KZ"></kc-test-probe>`);
      expect(shown(el)).to.equal('Qaitalau');
      expect(el.shadowRoot!.querySelector('p')!.getAttribute('lang')).to.equal('kk-Latn');
    });
  });

  it('applies a per-instance strings override and keeps the rest of the catalog', async () => {
    const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="ru"></kc-test-probe>`);
    el.strings = { common: { retry: 'Попробовать снова' } };
    await el.updateComplete;
    expect(shown(el)).to.equal('Попробовать снова');
    el.setAttribute('lang', 'en');
    await until(el, () => el.locale === 'en');
    await el.updateComplete;
    expect(shown(el)).to.equal('Попробовать снова');
    el.strings = {};
    await el.updateComplete;
    expect(shown(el)).to.equal('Try again');
  });

  it('shows a server text in the current language, and a typed text as it is', async () => {
    const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="ru"></kc-test-probe>`);
    const { text } = el.expose();
    expect(text({ kk: 'Сәлем', ru: 'Привет', en: 'Hello' })).to.equal('Привет');
    expect(text('Құжаттар қосымшада.')).to.equal('Құжаттар қосымшада.');
  });

  it('formats dates in the center’s time zone and the current language', async () => {
    const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="ru"></kc-test-probe>`);
    const { formatDateTime, timeZone } = el.expose();
    expect(timeZone).to.equal('Asia/Almaty');
    // 2024-03-01: Almaty moved from UTC+6 to UTC+5; 18:30 UTC on 1 March is 23:30 local.
    expect(formatDateTime('2024-03-01T18:30:00Z')).to.match(/^1 марта.*23:30/);
    expect(formatDateTime('not a date')).to.equal('');
  });

  describe('errors', () => {
    it('dispatches kc-error (bubbling, composed) and calls onError, and a throwing onError stays inside', async () => {
      const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="en"></kc-test-probe>`);
      const seen: string[] = [];
      el.onError = (_error, operation) => {
        seen.push(operation);
        throw new Error('a bad handler');
      };
      const fired = oneEvent<KcErrorEvent>(document, 'kc-error');
      el.expose().report(new Error('x'));
      const event = await fired;
      expect(event.detail.operation).to.equal('test.op');
      expect(event.composed).to.equal(true);
      expect(seen).to.deep.equal(['test.op']);
    });

    it('ignores cancellations', async () => {
      const el = await fixture<KcTestProbe>(html`<kc-test-probe lang="en"></kc-test-probe>`);
      let fired = 0;
      el.addEventListener('kc-error', () => (fired += 1));
      el.expose().report(new DOMException('aborted', 'AbortError'));
      expect(fired).to.equal(0);
    });

    it('reports a render that throws instead of throwing into the page', async () => {
      const pageErrors: unknown[] = [];
      const onPageError = (e: Event) => pageErrors.push(e);
      window.addEventListener('error', onPageError);
      window.addEventListener('unhandledrejection', onPageError);
      try {
        const el = document.createElement('kc-test-broken');
        el.lang = 'en';
        const fired = oneEvent<KcErrorEvent>(el, 'kc-error');
        document.body.append(el);
        expect((await fired).detail.operation).to.equal('render');
        await el.updateComplete;
        el.remove();
      } finally {
        window.removeEventListener('error', onPageError);
        window.removeEventListener('unhandledrejection', onPageError);
      }
      expect(pageErrors).to.deep.equal([]);
    });
  });

  describe('define()', () => {
    it('is harmless when called twice, and when a copy of the same version registers again', () => {
      define('kc-test-probe', KcTestProbe);
      class Copy extends KcElement {}
      expect(() => define('kc-test-probe', Copy)).not.to.throw();
      expect(customElements.get('kc-test-probe')).to.equal(KcTestProbe);
    });

    it('keeps the first version and warns once when another version registers', () => {
      class Other extends KcElement {
        static override readonly kcVersion = '9.9.9';
      }
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        define('kc-test-probe', Other);
        define('kc-test-probe', Other);
      } finally {
        console.warn = warn;
      }
      expect(customElements.get('kc-test-probe')).to.equal(KcTestProbe);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[kc\] <kc-test-probe> is already defined by kc 0\.1\.0.*\(kc:define-version/);
    });
  });
});
