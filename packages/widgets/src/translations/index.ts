// SPDX-License-Identifier: MIT
import type { Translation } from './translation.js';

export type {
  Translation,
  StringsOverride,
  ChannelName,
  SeverityName,
  ContentLanguage,
  DateParts,
  DateWriter,
} from './translation.js';
export { plural, formatList } from './translation.js';

// Each catalog is its own chunk: a page pays only for the languages it shows.
const loaders = new Map<string, () => Promise<{ default: Translation }>>([
  ['kk', () => import('./kk.js')],
  ['ru', () => import('./ru.js')],
  ['en', () => import('./en.js')],
]);
const loaded = new Map<string, Translation>();
const loading = new Map<string, Promise<Translation>>();

/**
 * Adds or replaces a catalog, for a language kc does not ship (`kk-Latn`) or mandated wording for a whole site.
 * Elements already on the page pick it up at their next locale change; call before they render to use it at once.
 *
 * @example
 * import kkLatn from './my-kk-latn.js';
 * registerTranslation(kkLatn); // <html lang="kk-Latn"> now shows it
 */
export function registerTranslation(...translations: Translation[]): void {
  for (const t of translations) {
    const key = t.$code.toLowerCase();
    loaded.set(key, t);
    loaders.delete(key);
    loading.delete(key);
  }
}

/** The catalog codes kc can show right now or load on demand, lower-cased (`kk`, `ru`, `en`, …). */
export function availableCatalogs(): string[] {
  return [...new Set([...loaded.keys(), ...loaders.keys()])];
}

/** The catalog for `code` (as returned by `matchCatalog`) when it is already loaded. */
export function getLoadedCatalog(code: string): Translation | undefined {
  return loaded.get(code.toLowerCase());
}

/**
 * Loads the catalog for `code`. Resolves at once for a loaded catalog; concurrent calls share one import.
 *
 * @throws when the catalog is unknown, or its chunk cannot be fetched (offline after the page loaded).
 */
export function loadCatalog(code: string): Promise<Translation> {
  const key = code.toLowerCase();
  const done = loaded.get(key);
  if (done) return Promise.resolve(done);
  let pending = loading.get(key);
  if (!pending) {
    const loader = loaders.get(key);
    if (!loader) return Promise.reject(new Error(`[kc] no catalog for "${code}"`));
    pending = loader().then(
      (module) => {
        loaded.set(key, module.default);
        loading.delete(key);
        return module.default;
      },
      (error: unknown) => {
        loading.delete(key);
        throw error;
      },
    );
    loading.set(key, pending);
  }
  return pending;
}

/**
 * The catalog code that serves a BCP 47 language tag, or `undefined` when kc has none for it.
 * `kk-KZ` → `kk`, `ru-RU` → `ru`, `en-GB` → `en`; `kk-Latn-KZ` → `kk-Latn` once such a catalog is registered,
 * `kk` until then. Matching is case-insensitive; the result is in the catalog's own spelling. ISO 639-2 codes
 * (`kaz`, `rus`, `eng`) match too, and so does `kz`, the country's code that many Kazakh sites put in `lang` for
 * the Kazakh language (no language has that code).
 *
 * @example
 * matchCatalog('ru-RU') // → 'ru'
 * matchCatalog('de')    // → undefined
 */
export function matchCatalog(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.trim());
  } catch {
    return undefined;
  }
  const available = availableCatalogs();
  const language = locale.language === 'kz' ? 'kk' : locale.language;
  const candidates = [locale.script ? `${language}-${locale.script}` : undefined, language].filter(
    (c): c is string => c !== undefined,
  );
  for (const candidate of candidates) {
    const key = candidate.toLowerCase();
    if (available.includes(key)) return loaded.get(key)?.$code ?? candidate;
  }
  return undefined;
}
