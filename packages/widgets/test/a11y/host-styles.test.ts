// SPDX-License-Identifier: MIT
// A portal's own typography does not reach the widgets' text. A shadow root keeps the page's selectors out, but
// inherited properties cross it: a portal that centres, capitalises, spaces or slants the text of a section would
// do the same to a widget placed there. The widgets start each of these afresh on their host; a page that styles a
// widget's element itself, or a user's text-spacing override, still applies (outer rules on the host win).
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import '../../src/kc-provider.js';
import '../../src/kc-outage-banner.js';
import '../../src/kc-complaint-form.js';
import '../../src/kc-complaint-status.js';
import '../../src/kc-callback.js';
import '../../src/kc-rating.js';
import '../../src/kc-chat.js';
import { mount, unmountAll } from '../dom.js';
import { name, openStates, shadowElements, waitFor, widgetPage, WIDGETS } from './page.js';

/**
 * What a portal's section sets, each with a value no widget uses itself: whatever a widget element computes to one
 * of these came from the page.
 */
const PAGE = {
  'font-style': 'oblique 13deg',
  'font-weight': '900',
  'font-variant-caps': 'small-caps',
  'letter-spacing': '7px',
  'word-spacing': '11px',
  'text-align': 'justify',
  'text-indent': '37px',
  'text-transform': 'uppercase',
  'text-shadow': 'rgb(1, 2, 3) 1px 1px 0px',
  'white-space': 'break-spaces',
  'word-break': 'break-all',
  hyphens: 'auto',
  direction: 'rtl',
  cursor: 'crosshair',
} as const;

describe("a portal's inherited typography", () => {
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker({ seed: 33, baseUrl: '/api/v1' });
    await mock.scenario.set({ outage: true });
  });

  after(() => mock.stop());

  afterEach(() => unmountAll());

  it('does not reach any widget, in every main state', async () => {
    const style = Object.entries(PAGE)
      .map(([property, value]) => `${property}: ${value}`)
      .join('; ');
    const section = mount(html`<section style=${style}>${widgetPage('ru')}</section>`);
    // The page's own text does take them: the test would prove nothing if the browser ignored a value.
    const probe = document.createElement('p');
    probe.textContent = 'Портал';
    section.append(probe);
    const own = getComputedStyle(probe);
    for (const [property, value] of Object.entries(PAGE)) {
      expect(own.getPropertyValue(property), `the page's ${property}`).to.equal(value);
    }

    const widgets = await waitFor.widgets(section);
    for await (const state of openStates(widgets)) {
      for (const widget of WIDGETS) {
        const leaked = [widgets[widget], ...shadowElements(widgets[widget])].flatMap((e) => {
          const computed = getComputedStyle(e);
          return Object.entries(PAGE)
            .filter(([property, value]) => computed.getPropertyValue(property) === value)
            .map(([property]) => `${name(e)} ${property}`);
        });
        expect(leaked, `${state}: <${widget}> takes the page's typography`).to.deep.equal([]);
      }
    }
  });

  describe("the page's root font size", () => {
    afterEach(() => (document.documentElement.style.fontSize = ''));

    /** The font size of every widget's text, in px, on a page whose root is `root`, with `rem` as the provider's `--kc-rem`. */
    async function sizes(root: string, rem?: string): Promise<Set<number>> {
      document.documentElement.style.fontSize = root;
      const provider = mount(widgetPage('ru'));
      // As docs/theming.md has it: `kc-provider { --kc-rem: 1rem; }`.
      if (rem) provider.style.setProperty('--kc-rem', rem);
      const widgets = await waitFor.widgets(provider);
      const found = new Set<number>();
      for (const widget of WIDGETS) found.add(parseFloat(getComputedStyle(widgets[widget]).fontSize));
      return found;
    }

    it('shrunk (html { font-size: 10px }, as Bootstrap 3 has it): the widgets keep 16 px', async () => {
      expect([...(await sizes('10px'))]).to.deep.equal([16]);
    });

    it('larger than 16 px: the widgets follow it', async () => {
      expect([...(await sizes('20px'))]).to.deep.equal([20]);
    });

    it('--kc-rem: 1rem makes the widgets follow even a shrunk root', async () => {
      expect([...(await sizes('10px', '1rem'))]).to.deep.equal([10]);
    });
  });
});
