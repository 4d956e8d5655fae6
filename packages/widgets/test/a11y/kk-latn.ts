// SPDX-License-Identifier: MIT
// A whole Kazakh-in-Latin-script language for tests, made from the Cyrillic Kazakh texts by the 2021 alphabet's
// letter correspondences: enough to prove that a new language is one module and reaches every element.
import type { KcLocale } from '../../src/translations/locale.js';
import type { Translation } from '../../src/translations/translation.js';
import kk from '../../src/translations/kk.js';
import chat from '../../src/components/chat/strings/kk.js';
import callback from '../../src/components/callback/strings/kk.js';
import rating from '../../src/components/rating/strings/kk.js';
import complaintForm from '../../src/components/complaint-form/strings/kk.js';
import complaintStatus from '../../src/components/complaint-status/strings/kk.js';

const LETTERS: Record<string, string> = {
  а: 'a',
  ә: 'ä',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ğ',
  д: 'd',
  е: 'e',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ñ',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'c',
  ч: 'ç',
  ш: 'ş',
  щ: 'ş',
  ъ: '',
  ы: 'y',
  і: 'ı',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** `text` in the Latin script, letter by letter, keeping capitals. */
export function latin(text: string): string {
  return text.replace(/[\u0400-\u04ff]/g, (c) => {
    const lower = c.toLowerCase();
    const l = LETTERS[lower] ?? c;
    return c === lower ? l : l.charAt(0).toUpperCase() + l.slice(1);
  });
}

function convert<T>(value: T): T {
  if (typeof value === 'string') return latin(value) as T;
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const wrapped = (...args: unknown[]) => convert(fn(...args));
    Object.defineProperty(wrapped, 'length', { value: fn.length });
    return wrapped as T;
  }
  if (Array.isArray(value)) return value.map(convert) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k.startsWith('$') && k !== '$dates' ? v : convert(v)]),
    ) as T;
  }
  return value;
}

const catalog: Translation = { ...convert(kk), $code: 'kk-Latn', $name: 'Qazaqşa', $dir: 'ltr', $content: 'kk' };

/** Kazakh in Latin script: every section, checked by the type like any language. */
const kkLatn = {
  catalog,
  chat: convert(chat),
  callback: convert(callback),
  rating: convert(rating),
  complaintForm: convert(complaintForm),
  complaintStatus: convert(complaintStatus),
} satisfies KcLocale;

export default kkLatn;
