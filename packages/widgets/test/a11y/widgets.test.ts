// SPDX-License-Identifier: MIT
// Every widget on one page, as a government portal has them, against the real @kc/sdk and @kc/mock, in kk, ru and
// en and in their main states (first view, refused forms with their errors, the chat opened): no visible text or
// accessible name outside the catalogs of the language, `lang` on every widget root, Kazakh dates with Kazakh
// month names, and axe.
import { expect } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import '../../src/kc-provider.js';
import '../../src/kc-outage-banner.js';
import '../../src/kc-complaint-form.js';
import '../../src/kc-complaint-status.js';
import '../../src/kc-callback.js';
import '../../src/kc-rating.js';
import '../../src/kc-chat.js';
import kk from '../../src/translations/kk.js';
import ru from '../../src/translations/ru.js';
import en from '../../src/translations/en.js';
import chatKk from '../../src/components/chat/strings/kk.js';
import chatRu from '../../src/components/chat/strings/ru.js';
import chatEn from '../../src/components/chat/strings/en.js';
import callbackKk from '../../src/components/callback/strings/kk.js';
import callbackRu from '../../src/components/callback/strings/ru.js';
import callbackEn from '../../src/components/callback/strings/en.js';
import ratingKk from '../../src/components/rating/strings/kk.js';
import ratingRu from '../../src/components/rating/strings/ru.js';
import ratingEn from '../../src/components/rating/strings/en.js';
import formKk from '../../src/components/complaint-form/strings/kk.js';
import formRu from '../../src/components/complaint-form/strings/ru.js';
import formEn from '../../src/components/complaint-form/strings/en.js';
import statusKk from '../../src/components/complaint-status/strings/kk.js';
import statusRu from '../../src/components/complaint-status/strings/ru.js';
import statusEn from '../../src/components/complaint-status/strings/en.js';
import { registerLocale } from '../../src/translations/locale.js';
import { mount, unmountAll } from '../dom.js';
import kkLatn from './kk-latn.js';
import { CatalogText, dateWords, normalise } from './catalog-text.js';
import { visibleTexts, waitFor, widgetPage, openStates, type Widget } from './page.js';

const CATALOGS = {
  kk: [kk, chatKk, callbackKk, ratingKk, formKk, statusKk],
  ru: [ru, chatRu, callbackRu, ratingRu, formRu, statusRu],
  en: [en, chatEn, callbackEn, ratingEn, formEn, statusEn],
  // A language added as one module: the test's Latin-script Kazakh, registered with registerLocale().
  'kk-Latn': [
    kkLatn.catalog,
    kkLatn.chat,
    kkLatn.callback,
    kkLatn.rating,
    kkLatn.complaintForm,
    kkLatn.complaintStatus,
  ],
} as const;
const LANGS = ['kk', 'ru', 'en', 'kk-Latn'] as const;

const RAW_MONTH = /\bM(0?[1-9]|1[0-2])\b/;
const ENGLISH_DATE =
  /\b(January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

describe('every widget in every language', () => {
  let mock: MockWorker;
  const data: unknown[] = [];
  const realFetch = window.fetch.bind(window);

  before(async () => {
    registerLocale(kkLatn);
    mock = await startMockWorker({ seed: 31, baseUrl: '/api/v1' });
    await mock.scenario.set({ outage: true });
    // What the server says is data, not catalog text: keep every JSON answer and every event of a stream.
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await realFetch(...args);
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('json')) {
        response
          .clone()
          .json()
          .then(
            (body: unknown) => data.push(body),
            () => undefined,
          );
      } else if (type.includes('event-stream') && response.body) {
        void (async () => {
          const reader = response.clone().body!.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
            if (done) return;
            for (const line of (value ?? '').split('\n')) {
              if (!line.startsWith('data:')) continue;
              try {
                data.push(JSON.parse(line.slice(5)));
              } catch {
                // Not JSON: nothing to learn.
              }
            }
          }
        })();
      }
      return response;
    };
  });

  after(() => {
    window.fetch = realFetch;
    mock.stop();
  });

  afterEach(() => unmountAll());

  for (const lang of LANGS) {
    it(`${lang}: shows only catalog texts, carries lang, and passes axe, in every main state`, async () => {
      const text = new CatalogText(lang, CATALOGS[lang], dateWords(lang.slice(0, 2), CATALOGS[lang][0].$dates));
      const page = mount(widgetPage(lang));
      const widgets = await waitFor.widgets(page);
      expect(data.length, 'server answers were recorded').to.be.greaterThan(0);

      for await (const state of openStates(widgets)) {
        for (const body of data) text.addData(body);
        for (const [name, el] of Object.entries(widgets) as [Widget, HTMLElement][]) {
          const where = `${lang}, ${state}, <${name}>`;
          const roots = [...el.shadowRoot!.children].filter((c) => c.localName !== 'style');
          expect(roots.length, where).to.be.greaterThan(0);
          for (const root of roots) expect(root.getAttribute('lang'), `${where}: lang of the root`).to.equal(lang);

          const texts = visibleTexts(el);
          expect(texts.length, `${where}: texts found`).to.be.greaterThan(0);
          const stray = texts.filter((t) => !text.explains(t.text)).map((t) => `${t.where}: «${t.text}»`);
          expect(stray, `${where}: text outside the ${lang} catalogs`).to.deep.equal([]);
          if (lang.startsWith('kk')) {
            const dates = texts.filter((t) => RAW_MONTH.test(t.text) || ENGLISH_DATE.test(t.text));
            expect(
              dates.map((t) => t.text),
              `${where}: Kazakh dates`,
            ).to.deep.equal([]);
          }
          await expect(el, where).to.be.accessible();
        }
      }
    });
  }

  it('the texts the test reads are real: a hard-coded word would be found', () => {
    const text = new CatalogText('ru', CATALOGS.ru, dateWords('ru'));
    expect(text.explains('Отправить')).to.equal(true);
    expect(text.explains('Submit')).to.equal(false);
    expect(text.explains('23 ноября в 09:05 GMT+5')).to.equal(true);
    expect(text.explains(normalise(ru.outageBanner.heading(5)))).to.equal(true);
    expect(new CatalogText('kk', CATALOGS.kk, dateWords('kk', kk.$dates)).explains('Close')).to.equal(false);
  });
});
