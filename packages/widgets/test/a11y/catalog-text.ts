// SPDX-License-Identifier: MIT
// What a widget may show in a language: the values of that language's catalogs (shared and per element), the
// texts the server sent, dates and numbers. Used by the accessibility tests to find text outside the catalogs.
import type { Translation } from '../../src/translations/translation.js';

const HOLE = '\u0001';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Calls a catalog function with placeholders for strings, several counts for numbers, and a list for lists. */
function outputs(fn: (...args: never[]) => unknown): { text: string; numeric: boolean }[] {
  const arity = Math.max(fn.length, 1);
  const found: { text: string; numeric: boolean }[] = [];
  const tryCall = (args: unknown[], numeric: boolean) => {
    try {
      const out = (fn as (...a: unknown[]) => unknown)(...args);
      if (typeof out === 'string' && !/undefined|NaN|\[object/.test(out)) found.push({ text: out, numeric });
    } catch {
      // Not this kind of argument.
    }
  };
  tryCall(
    Array.from({ length: arity }, () => HOLE),
    false,
  );
  tryCall([[HOLE, HOLE, HOLE]], false);
  tryCall([[HOLE]], false);
  for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 25, 101]) {
    tryCall(
      Array.from({ length: arity }, () => n),
      true,
    );
    tryCall([n, ...Array.from({ length: arity - 1 }, () => HOLE)], true);
    tryCall([HOLE, ...Array.from({ length: arity - 1 }, () => n)], true);
    tryCall([...Array.from({ length: arity - 1 }, () => HOLE), n], true);
  }
  tryCall(
    Array.from({ length: arity }, () => null),
    false,
  );
  tryCall(
    Array.from({ length: arity }, () => undefined),
    false,
  );
  return found;
}

/** The texts of one language, as exact strings and as patterns for the entries that take values. */
export class CatalogText {
  readonly exact = new Set<string>();
  readonly patterns: RegExp[] = [];
  /** The fixed pieces of every entry, for a text split over several nodes (a link inside a sentence). */
  readonly pieces: string[] = [];
  readonly data = new Set<string>();

  constructor(
    readonly code: string,
    catalogs: readonly object[],
    /** Month and weekday names of the language, for dates. */
    readonly dateWords: readonly string[],
  ) {
    for (const catalog of catalogs) this.#add(catalog);
  }

  #add(value: unknown): void {
    if (typeof value === 'string') {
      const text = normalise(value);
      if (text) {
        this.exact.add(text);
        this.pieces.push(text);
      }
    } else if (typeof value === 'function') {
      for (const { text, numeric } of outputs(value as (...args: never[]) => unknown)) {
        const normal = normalise(text);
        // An entry that only passes a value through (`(name) => name`) says nothing about the language.
        if (normal.replaceAll(HOLE, '').replace(/[\s\p{P}\d]/gu, '').length < 2) continue;
        let source = escape(normal).replaceAll(HOLE, '[\\s\\S]*?');
        if (numeric) source = source.replace(/\d+/g, '\\d[\\d\\s\\u00a0.,]*');
        this.patterns.push(new RegExp(`^${source}$`));
        this.pieces.push(
          ...normal
            .split(HOLE)
            .map((p) => p.trim())
            .filter(Boolean),
        );
      }
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) if (!key.startsWith('$')) this.#add(inner);
    }
  }

  /** Adds every string in `value` (a server answer, what the test typed) as data. */
  addData(value: unknown): void {
    if (typeof value === 'string') {
      const text = normalise(value);
      if (text) this.data.add(text);
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) this.addData(inner);
    }
  }

  /** Whether `text` (one text node or attribute) comes from the catalog, the data, or is a date or a number. */
  explains(raw: string, depth = 0): boolean {
    const text = normalise(raw);
    if (!text) return true;
    if (this.exact.has(text) || this.data.has(text)) return true;
    if (this.patterns.some((p) => p.test(text))) return true;
    if (this.pieces.some((p) => p.includes(text))) return true;
    for (const d of this.data) if (d.includes(text)) return true;
    // Dates, times and numbers: nothing left once digits, punctuation, the zone and the month names are taken away.
    let rest = text;
    for (const word of this.dateWords) rest = rest.replaceAll(word, ' ');
    rest = rest.replace(/GMT|UTC|[\d\s\u00a0.,:;·•–—\-+%№()/*×«»"“”]/g, '');
    if (rest === '') return true;
    if (this.patterns.some((p) => p.test(text.replace(/\d+/g, '1')))) return true;
    // Sentences joined in code, and values joined with punctuation (`label — value`): each part on its own.
    if (depth < 2) {
      for (const separator of [/(?<=[.!?…])\s/, /\s[—–]\s|:\s|,\s/]) {
        const parts = text.split(separator);
        if (parts.length > 1 && parts.every((part) => this.explains(part, depth + 1))) return true;
      }
    }
    return false;
  }
}

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Month and weekday names of `locale` as Intl writes them, plus those of the Kazakh catalog (`kk`). */
export function dateWords(locale: string, kkWrite?: Translation['$dates']): string[] {
  const words = new Set<string>();
  for (let m = 0; m < 12; m++) {
    const date = new Date(Date.UTC(2026, m, 15, 6));
    for (const month of ['long', 'short'] as const) {
      for (const part of new Intl.DateTimeFormat(locale, { day: 'numeric', month }).formatToParts(date)) {
        if (part.type === 'month') words.add(part.value);
      }
    }
    if (typeof kkWrite === 'function') words.add(kkWrite({ month: m }));
  }
  for (let d = 0; d < 7; d++) {
    const date = new Date(Date.UTC(2026, 10, 23 + d, 6));
    words.add(new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date));
    if (typeof kkWrite === 'function') words.add(kkWrite({ weekday: d }));
  }
  // Russian writes "в 12:00" and "г." inside Intl dates.
  if (locale === 'ru') words.add(' в ').add('г.');
  if (locale === 'en') words.add(' at ').add('AM').add('PM');
  return [...words].filter(Boolean).sort((a, b) => b.length - a.length);
}
