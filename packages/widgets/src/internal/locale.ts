// SPDX-License-Identifier: MIT
import { matchCatalog } from '../translations/index.js';

/** The language shown when neither the page nor the contact center's configuration names one we have. */
export const FALLBACK_LOCALE = 'kk';

/** The parent of `node` in the composed tree: its parent element, or the host of the shadow root it is in. */
function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The catalog code that the page and the browser give `element`: its own `lang`, else the closest ancestor's
 * `lang` (crossing shadow roots, up to `<html lang>`), else the first of the browser's languages
 * (`navigator.languages`) kc has; `undefined` when none of them is a language kc has. A `lang` kc has no catalog for
 * (`de`) or an empty one is passed over.
 */
export function pageLocale(element: Element): string | undefined {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const code = matchCatalog(node.getAttribute('lang'));
    if (code) return code;
  }
  for (const tag of globalThis.navigator?.languages ?? []) {
    const code = matchCatalog(tag);
    if (code) return code;
  }
  return undefined;
}

/**
 * The catalog code for `element`: {@link pageLocale}, else `centerDefault` (the configuration's `defaultLocale`),
 * else Kazakh.
 *
 * The browser's languages come before the configuration so that a page without `lang` does not show Kazakh while
 * the configuration loads and then switch to its default: everything known before the first render decides it.
 * When nothing does, an element waits for the configuration before its first render (see `KcElement`), at most
 * {@link firstLanguageWait}.
 */
export function resolveLocale(element: Element, centerDefault?: string): string {
  return pageLocale(element) ?? matchCatalog(centerDefault) ?? FALLBACK_LOCALE;
}

/**
 * How long an element whose language only the configuration can tell waits for it before its first render, in
 * milliseconds; past that it shows Kazakh, and the configuration's language when it arrives. Tests may change it.
 */
export const firstLanguageWait = { ms: 3_000 };

/** Something that re-reads its locale when a `lang` attribute on the page may have changed. */
export interface LangListener {
  langChanged(): void;
}

const listeners = new Set<LangListener>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/**
 * Tells `listener` about every change of a `lang` attribute in the document and in the shadow roots above
 * `element`. One MutationObserver serves every kc element of the page; it filters on `lang`, so the page's other
 * attribute changes cost nothing.
 */
export function observeLang(element: Element, listener: LangListener): void {
  observer ??= new MutationObserver(() => {
    for (const l of listeners) l.langChanged();
  });
  listeners.add(listener);
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const root = node.getRootNode();
    if ((root instanceof Document || root instanceof ShadowRoot) && !observedRoots.has(root)) {
      observedRoots.add(root);
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    }
    if (root instanceof ShadowRoot) node = root.host;
  }
}

/** Stops telling `listener` about `lang` changes. */
export function unobserveLang(listener: LangListener): void {
  listeners.delete(listener);
}
