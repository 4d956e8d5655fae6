// SPDX-License-Identifier: MIT
// Consistent help (WCAG 3.2.6): every widget of the portal page, against the real @kc/sdk and @kc/mock, in kk, ru and
// en, shows the same help — a disclosure with one accessible name from the shared catalog and the contact center's
// channels — as its last control, its links only tel: or http(s); axe passes with it open.
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
import { mount, unmountAll } from '../dom.js';
import { $, poll, waitFor, widgetPage, WIDGETS } from './page.js';

const CATALOGS = { kk, ru, en } as const;

const CONTROLS = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The controls Tab reaches in a widget's shadow root, in order; the chat's launcher stays in its corner apart. */
const controls = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (c) => !c.closest('[part="launcher"]') && !(c as HTMLButtonElement).disabled && c.checkVisibility(),
  );

describe('consistent help (3.2.6) in every widget', function () {
  this.timeout(60_000);
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker({ seed: 31, baseUrl: '/api/v1' });
    await mock.scenario.set({ outage: true });
  });
  after(() => mock.stop());
  afterEach(() => unmountAll());

  for (const lang of ['kk', 'ru', 'en'] as const) {
    it(`${lang}: the same help, with the same name and channels, last in each widget; axe passes`, async () => {
      const page = mount(widgetPage(lang));
      const widgets = await waitFor.widgets(page);
      const chat = widgets['kc-chat'];
      $(chat, '[part="launcher"]')!.click();
      await poll(() => $(chat, '[part="panel"]')?.checkVisibility() === true, 'the chat panel');
      const config = mock.backend.config;
      const labels = config.channels.map((c) => c.label[lang]);

      const seen: { name: string; items: string[] }[] = [];
      for (const name of WIDGETS) {
        const el = widgets[name];
        await poll(() => $(el, '[part="help"]') !== null, `the help of <${name}>`);
        const help = $<HTMLDetailsElement>(el, '[part="help"]')!;
        const summary = help.querySelector('summary')!;
        expect(summary.textContent.trim(), `<${name}>: its name`).to.equal(CATALOGS[lang].common.help);
        expect(help.closest('[lang]')?.getAttribute('lang'), `<${name}>: its language`).to.equal(lang);

        // The same relative place: the last control of the widget (before and after opening it).
        expect(controls(el).at(-1), `<${name}>: the help is its last control`).to.equal(summary);
        help.open = true;
        const links = [...help.querySelectorAll('a')];
        expect(controls(el).at(-1), `<${name}>: the help's links come last`).to.equal(links.at(-1));

        const items = [...help.querySelectorAll('li')].map((li) => li.textContent.trim());
        expect(items.length, `<${name}>: one item per channel`).to.equal(labels.length);
        for (const [i, label] of labels.entries()) expect(items[i], `<${name}>: channel ${i}`).to.include(label);
        for (const a of links) expect(a.protocol, `<${name}>: ${a.href}`).to.be.oneOf(['tel:', 'https:', 'http:']);
        seen.push({ name: summary.textContent.trim(), items });

        await expect(el, `${lang}, <${name}> with its help open`).to.be.accessible();
      }
      expect(seen.length).to.equal(WIDGETS.length);
      for (const s of seen) expect(s, 'the same help in every widget').to.deep.equal(seen[0]);
    });
  }
});
