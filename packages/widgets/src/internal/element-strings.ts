// SPDX-License-Identifier: MIT
import type { Translation } from '../translations/translation.js';
import { warnOnce } from './warn.js';

type Loader<T> = () => Promise<{ default: T }>;

/**
 * The texts of one element, kept apart from the shared catalogs so that each element's chunk carries only its
 * own strings (the shared catalog holds `common` and small elements' sections). One module per language, typed
 * by the element's strings interface (a language that misses a key does not compile), loaded on demand like the
 * shared catalogs. An element waits for them in `scheduleUpdate` and reads them with {@link ElementStrings.for}.
 *
 * @example
 * const formStrings = new ElementStrings<FormStrings>({ kk: () => import('./kk.js'), ru: …, en: … });
 */
export class ElementStrings<T extends object> {
  readonly #loaders = new Map<string, Loader<T>>();
  readonly #loaded = new Map<string, T>();
  readonly #loading = new Map<string, Promise<void>>();
  #last?: T;
  #merged?: { base: T; override: Partial<T>; result: T };

  constructor(loaders: Record<string, Loader<T>>) {
    for (const [code, loader] of Object.entries(loaders)) this.#loaders.set(code.toLowerCase(), loader);
  }

  /** Adds or replaces the strings of a language (`kk-Latn`, or a site's mandated wording). */
  register(code: string, strings: T): void {
    this.#loaded.set(code.toLowerCase(), strings);
    this.#last = strings;
  }

  /** Whether the strings of some language are loaded (an element renders nothing before). */
  get ready(): boolean {
    return this.#last !== undefined;
  }

  // `kk-Latn` without its own strings reads `kk`; a language with none at all reads Kazakh.
  #key(code: string): string {
    const key = code.toLowerCase();
    if (this.#loaded.has(key) || this.#loaders.has(key)) return key;
    const language = key.slice(0, 2);
    return this.#loaded.has(language) || this.#loaders.has(language) ? language : 'kk';
  }

  /** Loads the strings for the catalog code `code`; `undefined` when they are loaded already. Never rejects. */
  ensure(code: string): Promise<void> | undefined {
    const key = this.#key(code);
    if (this.#loaded.has(key)) return undefined;
    let pending = this.#loading.get(key);
    if (!pending) {
      const loader = this.#loaders.get(key);
      if (!loader) return undefined;
      pending = loader().then(
        (module) => {
          this.#loading.delete(key);
          this.register(key, module.default);
        },
        () => {
          this.#loading.delete(key);
          warnOnce('catalog-failed', `the "${code}" texts could not be loaded; kc keeps the previous language.`);
        },
      );
      this.#loading.set(key, pending);
    }
    return pending;
  }

  /** The strings for the shared catalog `t` (its language, else its content language, else the last loaded), with `override` applied. */
  for(t: Translation, override?: Partial<T>): T {
    const base = this.#loaded.get(this.#key(t.$code)) ?? this.#loaded.get(t.$content) ?? this.#last;
    if (!base) throw new Error('[kc] element strings read before they are loaded');
    if (!override) return base;
    const merged = this.#merged;
    if (merged && merged.base === base && merged.override === override) return merged.result;
    const result = { ...base, ...override };
    this.#merged = { base, override, result };
    return result;
  }
}
