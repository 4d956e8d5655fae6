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
 * The catalog code for `element`: its own `lang`, else the closest ancestor's `lang` (crossing shadow roots, up to
 * `<html lang>`), else the first of the browser's languages (`navigator.languages`) kc has, else `centerDefault`
 * (the configuration's `defaultLocale`), else Kazakh. A `lang` kc has no catalog for (`de`) or an empty one is
 * passed over.
 *
 * The browser's languages come before the configuration so that a page without `lang` does not show Kazakh while
 * the configuration loads and then switch to its default: everything known before the first render decides it.
 */
export function resolveLocale(element: Element, centerDefault?: string): string {
  for (let node: Element | null = element; node; node = composedParent(node)) {
    const code = matchCatalog(node.getAttribute('lang'));
    if (code) return code;
  }
  for (const tag of globalThis.navigator?.languages ?? []) {
    const code = matchCatalog(tag);
    if (code) return code;
  }
  return matchCatalog(centerDefault) ?? FALLBACK_LOCALE;
}

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
