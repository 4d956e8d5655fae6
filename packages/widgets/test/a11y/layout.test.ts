// SPDX-License-Identifier: MIT
// Vision and motion, measured in the browser on every widget in its main states (WCAG 2.2 AA): reflow at 320 CSS
// px (400 % zoom of a 1280 px window), the text-spacing override, targets of 24 by 24 px, focus that is visible and
// not hidden behind the chat's launcher, and no motion when the user prefers less.
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import '../../src/kc-provider.js';
import '../../src/kc-outage-banner.js';
import '../../src/kc-complaint-form.js';
import '../../src/kc-complaint-status.js';
import '../../src/kc-callback.js';
import '../../src/kc-rating.js';
import '../../src/kc-chat.js';
import { mount, unmountAll } from '../dom.js';
import {
  $,
  name,
  openStates,
  shadowElements,
  shadowRoots,
  waitFor,
  widgetPage,
  WIDGETS,
  type Widget,
  type Widgets,
} from './page.js';

/** Hidden for the eye but read by screen readers (`clip`, 1 px), or not rendered at all. */
function visuallyHidden(e: Element): boolean {
  if (!e.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) return true;
  for (let node: Element | null = e; node; node = node.parentElement) {
    const r = node.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return true;
  }
  return false;
}

const INTERACTIVE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="button"], [role="radio"], [role="checkbox"], [role="tab"]';

/** A link inside running text is exempt from the target size (WCAG 2.5.8, "inline"). */
function inline(e: Element): boolean {
  return (
    e.localName === 'a' &&
    getComputedStyle(e).display === 'inline' &&
    (e.parentElement?.textContent ?? '').trim() !== (e.textContent ?? '').trim()
  );
}

/** The target a pointer hits for `e`: a visually hidden radio or checkbox is chosen through its label. */
function target(e: Element): Element {
  if (e instanceof HTMLInputElement && (e.type === 'radio' || e.type === 'checkbox')) {
    const r = e.getBoundingClientRect();
    if (r.width < 24 || r.height < 24) return e.labels?.[0] ?? e;
  }
  return e;
}

function interactive(widgets: Widgets): { widget: Widget; el: HTMLElement }[] {
  return WIDGETS.flatMap((widget) =>
    shadowElements(widgets[widget])
      .filter((e): e is HTMLElement => e instanceof HTMLElement && e.matches(INTERACTIVE) && !visuallyHidden(e))
      .map((el) => ({ widget, el })),
  );
}

describe('vision and motion on every widget', () => {
  let mock: MockWorker;

  before(async () => {
    mock = await startMockWorker({ seed: 32, baseUrl: '/api/v1' });
    await mock.scenario.set({ outage: true });
  });

  after(() => mock.stop());

  afterEach(async () => {
    unmountAll();
    await viewport(800, 600);
  });

  /**
   * Sets the window's size; `false` where the browser's driver cannot, or the window will not go that narrow
   * (WebKit's window keeps a minimum width).
   */
  async function viewport(width: number, height: number): Promise<boolean> {
    try {
      await setViewport({ width, height });
    } catch {
      return false;
    }
    for (let i = 0; i < 20 && window.innerWidth !== width; i++) await new Promise((r) => setTimeout(r, 25));
    return window.innerWidth === width;
  }

  for (const lang of ['kk', 'ru'] as const) {
    it(`${lang}: at 320 CSS px (400 % zoom) nothing scrolls sideways, in every main state`, async () => {
      // Where the window cannot be resized, a 320 px column stands for it (the chat, fixed to the window, is then left out).
      const resized = await viewport(320, 640);
      const page = mount(widgetPage(lang));
      if (!resized) page.parentElement!.style.inlineSize = '320px';
      const edge = page.parentElement!.getBoundingClientRect().left + 320.5;
      const widgets = await waitFor.widgets(page);
      for await (const state of openStates(widgets)) {
        if (resized) expect(document.documentElement.scrollWidth, `${state}: the page`).to.be.at.most(320);
        for (const widget of WIDGETS) {
          const host = widgets[widget];
          if (!resized && widget === 'kc-chat') continue;
          expect(host.getBoundingClientRect().right, `${state}: <${widget}>`).to.be.at.most(edge);
          const wide = shadowElements(host)
            .filter((e) => !visuallyHidden(e))
            .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
            .map(name);
          expect(wide, `${state}: <${widget}> scrolls sideways inside`).to.deep.equal([]);
          const outside = shadowElements(host)
            .filter((e) => !visuallyHidden(e))
            .filter((e) => e.getBoundingClientRect().right > edge)
            .map(name);
          expect(outside, `${state}: <${widget}> reaches past 320 px`).to.deep.equal([]);
        }
      }
    });
  }

  it('with the WCAG 1.4.12 text spacing, no text is clipped, in every main state', async () => {
    const spacing = new CSSStyleSheet();
    spacing.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
      word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
    const widgets = await waitFor.widgets(mount(widgetPage('kk')));
    const apply = () => {
      for (const widget of WIDGETS) {
        for (const root of shadowRoots(widgets[widget])) {
          if (!root.adoptedStyleSheets.includes(spacing))
            root.adoptedStyleSheets = [...root.adoptedStyleSheets, spacing];
        }
      }
    };
    for await (const state of openStates(widgets)) {
      apply();
      for (const widget of WIDGETS) {
        const clipped = shadowElements(widgets[widget])
          .filter((e) => !visuallyHidden(e) && (e.textContent ?? '').trim() !== '')
          .filter((e) => {
            const style = getComputedStyle(e);
            const hides = (v: string) => v === 'hidden' || v === 'clip';
            return (
              (hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1) ||
              (hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1)
            );
          })
          .map(name);
        expect(clipped, `${state}: <${widget}> clips text`).to.deep.equal([]);
      }
    }
  });

  // The second time on a page that shrinks its root font size, as Bootstrap 3 does (`html { font-size: 10px }`).
  for (const root of ['', '10px']) {
    it(`every target is at least 24 by 24 px, in every main state${root && `, with the page's root at ${root}`}`, async () => {
      document.documentElement.style.fontSize = root;
      try {
        const widgets = await waitFor.widgets(mount(widgetPage('ru')));
        let measured = 0;
        for await (const state of openStates(widgets)) {
          const small = interactive(widgets)
            .filter(({ el }) => !inline(el))
            .map(({ widget, el }) => ({ widget, el, rect: target(el).getBoundingClientRect() }))
            .filter(({ rect }) => rect.width < 24 || rect.height < 24)
            .map(
              ({ widget, el, rect }) => `<${widget}> ${name(el)}: ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`,
            );
          measured += interactive(widgets).length;
          expect(small, state).to.deep.equal([]);
        }
        expect(measured).to.be.greaterThan(20);
      } finally {
        document.documentElement.style.fontSize = '';
      }
    });
  }

  it('focus is visible on every control and never hidden behind the chat launcher', async () => {
    await viewport(800, 600);
    const widgets = await waitFor.widgets(mount(widgetPage('en')));
    const launcher = $(widgets['kc-chat'], '[part="launcher"]')!;
    for await (const state of openStates(widgets)) {
      if (state === 'chat opened') break; // the open panel is a non-modal dialog over the page by design
      const hidden: string[] = [];
      const invisible: string[] = [];
      for (const { widget, el } of interactive(widgets)) {
        el.focus();
        if (el.matches(':focus-visible')) {
          const style = getComputedStyle(el);
          const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          if (!ring && style.boxShadow === 'none') invisible.push(`<${widget}> ${name(el)}`);
        }
        if (widget === 'kc-chat') continue;
        const r = el.getBoundingClientRect();
        const l = launcher.getBoundingClientRect();
        const covered = r.left >= l.left && r.right <= l.right && r.top >= l.top && r.bottom <= l.bottom;
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (covered || top === widgets['kc-chat']) hidden.push(`<${widget}> ${name(el)}`);
      }
      expect(invisible, `${state}: focus without a visible indicator`).to.deep.equal([]);
      expect(hidden, `${state}: focus hidden behind the launcher`).to.deep.equal([]);
    }
  });

  it('focus order follows the visual order, in every main state', async () => {
    await viewport(800, 600);
    const widgets = await waitFor.widgets(mount(widgetPage('ru')));
    for await (const state of openStates(widgets)) {
      for (const widget of WIDGETS) {
        // The sequential order: DOM order of the controls Tab reaches (no positive tabindex anywhere).
        // The chat's launcher is fixed to the window's corner, apart from the panel it opens: left out.
        const order = interactive(widgets)
          .filter((c) => c.widget === widget && c.el.tabIndex >= 0 && c.el.getAttribute('part') !== 'launcher')
          .map(({ el }) => ({ el, rect: target(el).getBoundingClientRect() }));
        expect(
          order.filter(({ el }) => el.tabIndex > 0).map(({ el }) => name(el)),
          `${state}: tabindex > 0`,
        ).to.deep.equal([]);
        const backwards: string[] = [];
        for (let i = 1; i < order.length; i++) {
          const [a, b] = [order[i - 1]!, order[i]!];
          const above = b.rect.bottom <= a.rect.top;
          const sameRow = b.rect.top < a.rect.bottom && b.rect.bottom > a.rect.top;
          if (above || (sameRow && b.rect.right <= a.rect.left)) backwards.push(`${name(a.el)} → ${name(b.el)}`);
        }
        expect(backwards, `${state}: <${widget}> focus goes back up or left`).to.deep.equal([]);
      }
    }
  });

  it('every field takes paste, and fields for personal data say what to autofill', async () => {
    const widgets = await waitFor.widgets(mount(widgetPage('kk')));
    let fields = 0;
    for await (const state of openStates(widgets)) {
      for (const widget of WIDGETS) {
        for (const el of shadowElements(widgets[widget])) {
          if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
          if (el instanceof HTMLInputElement && !['text', 'tel', 'email', 'search', 'password'].includes(el.type))
            continue;
          fields += 1;
          const paste = new Event('paste', { bubbles: true, composed: true, cancelable: true });
          el.dispatchEvent(paste);
          expect(paste.defaultPrevented, `${state}: <${widget}> ${name(el)} blocks paste`).to.equal(false);
          if (el.type === 'tel') expect(el.getAttribute('autocomplete'), `<${widget}> ${name(el)}`).to.match(/\btel\b/);
          if (el.type === 'email')
            expect(el.getAttribute('autocomplete'), `<${widget}> ${name(el)}`).to.match(/\bemail\b/);
        }
      }
    }
    expect(fields).to.be.greaterThan(5);
  });

  it('forced colours: every control keeps a visible edge, in every main state (Chromium)', async function () {
    try {
      await emulateMedia({ forcedColors: 'active' });
    } catch {
      // Firefox and WebKit cannot emulate forced colours through the runner: each widget has the rules, at least.
      const widgets = await waitFor.widgets(mount(widgetPage('kk')));
      for (const widget of WIDGETS) {
        const rules = widgets[widget].shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
        const forced = (list: CSSRule[]): boolean =>
          list.some(
            (r) =>
              (r instanceof CSSMediaRule && r.conditionText.includes('forced-colors')) ||
              ('cssRules' in r && forced([...(r as CSSGroupingRule).cssRules])),
          );
        expect(forced(rules), `<${widget}> has forced-colors rules`).to.equal(true);
      }
      return;
    }
    try {
      const widgets = await waitFor.widgets(mount(widgetPage('kk')));
      for await (const state of openStates(widgets)) {
        const edgeless = interactive(widgets)
          // Links and disclosure summaries are text in the system's link colour; native radios and checkboxes are
          // drawn by the system in its own colours.
          .filter(({ el }) => el.localName !== 'a' && el.localName !== 'summary')
          .filter(
            ({ el }) =>
              !(
                el instanceof HTMLInputElement &&
                ['radio', 'checkbox'].includes(el.type) &&
                getComputedStyle(el).appearance !== 'none'
              ),
          )
          .filter(({ el }) => {
            // The drawn box: the control, or the label a visually hidden radio or checkbox is chosen through.
            for (
              let node: Element | null = target(el);
              node && node !== el.parentElement?.parentElement;
              node = node.parentElement
            ) {
              const style = getComputedStyle(node);
              if (style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1) return false;
              if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) return false;
            }
            return true;
          })
          .map(({ widget, el }) => `<${widget}> ${name(el)}`);
        expect(edgeless, `${state}: controls without an edge in forced colours`).to.deep.equal([]);
      }
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('prefers-reduced-motion: no transition or animation runs, in every main state', async () => {
    let emulated = true;
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
    } catch {
      emulated = false; // Firefox and WebKit over their protocols: the stylesheets are checked instead
    }
    try {
      const widgets = await waitFor.widgets(mount(widgetPage('kk')));
      for await (const state of openStates(widgets)) {
        for (const widget of WIDGETS) {
          // Every transition and animation a stylesheet declares takes the motion token, which is 0s when reduced.
          const css = shadowRoots(widgets[widget])
            .flatMap((root) => root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)))
            .join('\n');
          const declarations = [...css.matchAll(/(?:transition|animation)(?:-duration)?\s*:\s*([^;}]+)/g)].map(
            (m) => m[1]!,
          );
          const fixed = declarations.filter((d) => !/var\(--_kc-motion-duration|^\s*(none|0s?)\b/.test(d));
          expect(fixed, `${state}: <${widget}> motion not tied to the preference`).to.deep.equal([]);
          if (!emulated) continue;
          const moving = shadowElements(widgets[widget])
            .map((e) => ({ e, style: getComputedStyle(e) }))
            .filter(({ style }) =>
              [style.transitionDuration, style.animationDuration].some((d) =>
                d.split(',').some((v) => parseFloat(v) > 0),
              ),
            )
            .map(({ e }) => name(e));
          expect(moving, `${state}: <${widget}> moves`).to.deep.equal([]);
        }
      }
    } finally {
      if (emulated) await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
