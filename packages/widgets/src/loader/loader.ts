// SPDX-License-Identifier: MIT
/**
 * The kc loader (`kc.js` on the CDN): the only script a portal page includes.
 *
 * - `window.kc(...)` is a command queue usable before anything loads: `kc('ready', cb)`, `kc('load', 'kc-chat')`.
 *   Calls made before this script ran (through the two-line snippet in the docs) are replayed.
 * - `await kc.ready()` resolves when every kc element on the page is defined.
 * - Each element's chunk is imported only when its tag appears in the document (a MutationObserver).
 *
 * It makes no request and touches no storage until a kc tag is on the page.
 * @packageDocumentation
 */

/** The elements the loader knows, each built as a chunk named after its tag. */
export const KC_TAGS = [
  'kc-chat',
  'kc-callback',
  'kc-rating',
  'kc-complaint-form',
  'kc-complaint-status',
  'kc-outage-banner',
  'kc-provider',
] as const;

/** A kc element's tag name. */
export type KcTag = (typeof KC_TAGS)[number];

/** A command of the queue: `['ready', callback]` or `['load', tag]`. */
export type KcCommand = ['ready', () => void] | ['load', KcTag | string];

/** The global `kc` function installed by the loader. */
export interface KcGlobal {
  (...command: KcCommand): void;
  /** Resolves when every kc element present on the page is defined. */
  ready(): Promise<void>;
  /** Calls queued before the loader ran. */
  q?: KcCommand[];
  /** The loader's version, set once it runs. */
  loaded?: string;
}

declare global {
  interface Window {
    kc?: KcGlobal;
  }
}

export interface LoaderOptions {
  /** Where the element chunks are: the loader's own folder by default. */
  base: string | URL;
  /** Imports a chunk; `import()` by default (tests replace it). */
  importer?: (url: string) => Promise<unknown>;
  /** The document to watch. */
  document?: Document;
}

const VERSION = '0.1.0';

/**
 * Installs `window.kc` and starts watching the page. Safe to call twice: the second call returns the first
 * installation.
 */
export function installLoader({
  base,
  importer = (url) => import(/* @vite-ignore */ url),
  document: doc = document,
}: LoaderOptions): KcGlobal {
  const win = doc.defaultView ?? window;
  const existing = win.kc;
  if (existing?.loaded) return existing;
  const queued = existing?.q ?? [];
  const pending = new Map<string, Promise<unknown>>();
  const selector = KC_TAGS.join(',');

  const load = (tag: string): Promise<unknown> => {
    let p = pending.get(tag);
    if (!p) {
      p = importer(new URL(`${tag}.js`, base).href).catch((error: unknown) => {
        pending.delete(tag);
        // The page must not break because a widget could not load; say why once.
        console.error(`[kc] could not load <${tag}>`, error);
      });
      pending.set(tag, p);
    }
    return p;
  };

  const scan = (node: Node): void => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if ((KC_TAGS as readonly string[]).includes(el.localName)) void load(el.localName);
    for (const found of el.querySelectorAll(selector)) void load(found.localName);
  };

  const ready = async (): Promise<void> => {
    const tags = new Set(Array.from(doc.querySelectorAll(selector), (el) => el.localName));
    await Promise.all([...tags].map((tag) => load(tag).then(() => win.customElements.whenDefined(tag))));
  };

  const kc = ((...command: KcCommand) => {
    if (command[0] === 'ready') void ready().then(command[1]);
    else if (command[0] === 'load') void load(command[1]);
  }) as KcGlobal;
  kc.ready = ready;
  kc.loaded = VERSION;
  win.kc = kc;

  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) scan(node);
  }).observe(doc.documentElement, { childList: true, subtree: true });
  scan(doc.documentElement);
  for (const command of queued) kc(...command);
  return kc;
}
