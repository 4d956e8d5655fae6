// SPDX-License-Identifier: MIT
// A portal page with every widget in one provider, its main states, and what a citizen sees and hears in it.
import { html, type TemplateResult } from 'lit';

export const WIDGETS = [
  'kc-outage-banner',
  'kc-complaint-form',
  'kc-complaint-status',
  'kc-callback',
  'kc-rating',
  'kc-chat',
] as const;
export type Widget = (typeof WIDGETS)[number];
export type Widgets = Record<Widget, HTMLElement>;

/** The page of `examples/gov-portal`: every widget inside one provider on the mock's API. */
export function widgetPage(lang: string, baseUrl = '/api/v1'): TemplateResult {
  return html`<kc-provider base-url=${baseUrl} lang=${lang}>
    <kc-outage-banner></kc-outage-banner>
    <main>
      <h1>Portal</h1>
      <section>
        <h2>Appeal</h2>
        <kc-complaint-form></kc-complaint-form>
      </section>
      <section>
        <h2>Status</h2>
        <kc-complaint-status></kc-complaint-status>
      </section>
      <section>
        <h2>Callback</h2>
        <kc-callback></kc-callback>
      </section>
      <section>
        <h2>Rating</h2>
        <kc-rating subject-kind="call"></kc-rating>
      </section>
    </main>
    <kc-chat position="bottom-end"></kc-chat>
  </kc-provider>`;
}

/** Polls `condition` in real time (the mock answers over a service worker, not in microtasks). */
export async function poll(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const $ = <E extends Element = HTMLElement>(el: Element, selector: string): E | null =>
  el.shadowRoot?.querySelector<E>(selector) ?? null;

/** The part that shows each widget has rendered its first real view (not "Loading…"). */
const READY: Record<Widget, string> = {
  'kc-outage-banner': '[part="outage"]',
  'kc-complaint-form': '[part="continue-button"]',
  'kc-complaint-status': '[part="find-button"]',
  'kc-callback': '[part="submit-button"]',
  'kc-rating': '[part="submit-button"]',
  'kc-chat': '[part="launcher"]',
};

export const waitFor = {
  async widgets(page: Element): Promise<Widgets> {
    const widgets = Object.fromEntries(
      WIDGETS.map((w): [Widget, HTMLElement] => [w, page.querySelector(w)!]),
    ) as Widgets;
    for (const w of WIDGETS) await poll(() => $(widgets[w], READY[w]) !== null, `<${w}> to render`);
    return widgets;
  },
};

/** Takes the page through the main states, yielding each one's name once it is on screen. */
export async function* openStates(widgets: Widgets): AsyncGenerator<string> {
  yield 'first view';

  $(widgets['kc-complaint-form'], '[part="continue-button"]')!.click();
  $(widgets['kc-complaint-status'], '[part="find-button"]')!.click();
  $(widgets['kc-callback'], '[part="submit-button"]')!.click();
  $(widgets['kc-rating'], '[part="submit-button"]')!.click();
  for (const w of ['kc-complaint-form', 'kc-complaint-status', 'kc-callback', 'kc-rating'] as const) {
    await poll(() => $(widgets[w], '[aria-invalid="true"]') !== null, `<${w}> to show its errors`);
  }
  yield 'refused forms with their errors';

  $(widgets['kc-chat'], '[part="launcher"]')!.click();
  await poll(() => {
    const panel = $(widgets['kc-chat'], '[part="panel"]');
    return panel !== null && panel.checkVisibility() && $(widgets['kc-chat'], 'input, textarea') !== null;
  }, 'the chat panel');
  yield 'chat opened';
}

const NAMED = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext'];

/** Every text node a person can see or hear in `el`'s shadow tree (nested widgets too), and every accessible name. */
export function visibleTexts(el: Element): { text: string; where: string }[] {
  const found: { text: string; where: string }[] = [];
  const describe = (e: Element) =>
    `${e.localName}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`;
  const walk = (root: ParentNode, host: Element) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement ?? host;
        const text = node.textContent ?? '';
        if (text.trim() && parent.checkVisibility()) found.push({ text, where: describe(parent) });
      } else if (node instanceof Element) {
        if (['style', 'script', 'template'].includes(node.localName)) continue;
        if (!node.checkVisibility()) continue;
        for (const name of NAMED) {
          const value = node.getAttribute(name);
          if (value?.trim()) found.push({ text: value, where: `${describe(node)}@${name}` });
        }
        if (node instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(node.type)) {
          found.push({ text: node.value, where: `${describe(node)}@value` });
        }
        if (node.shadowRoot) walk(node.shadowRoot, node);
        walk(node, host);
      }
    }
  };
  walk(el.shadowRoot!, el);
  return found;
}

/** Every element of `el`'s shadow tree, nested widgets included. */
export function shadowElements(el: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const child of root.children) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return found;
}

/** Every shadow root of `el`, its own and its nested widgets'. */
export function shadowRoots(el: Element): ShadowRoot[] {
  return [el.shadowRoot!, ...shadowElements(el).flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
}

/** How a test names an element: its tag, `part` and `id`. */
export const name = (e: Element) =>
  `${e.localName}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''}${e.id ? `#${e.id}` : ''}`;
