// SPDX-License-Identifier: MIT
// Plural forms in every catalog, found by calling every entry that takes a count with 1, 2, 5, 11, 21, 22 and 25:
// Russian has one (1, 21), few (2, 22) and many (5, 11, 25); Kazakh keeps the noun singular after any numeral;
// English has one (1) and other.
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import kk from '../../src/translations/kk.js';
import ru from '../../src/translations/ru.js';
import en from '../../src/translations/en.js';
import chatKk from '../../src/components/chat/strings/kk.js';
import chatRu from '../../src/components/chat/strings/ru.js';
import chatEn from '../../src/components/chat/strings/en.js';
import callbackKk from '../../src/components/callback/strings/kk.js';
import callbackRu from '../../src/components/callback/strings/ru.js';
import callbackEn from '../../src/components/callback/strings/en.js';
import ratingKk from '../../src/components/rating/strings/kk.js';
import ratingRu from '../../src/components/rating/strings/ru.js';
import ratingEn from '../../src/components/rating/strings/en.js';
import formKk from '../../src/components/complaint-form/strings/kk.js';
import formRu from '../../src/components/complaint-form/strings/ru.js';
import formEn from '../../src/components/complaint-form/strings/en.js';
import statusKk from '../../src/components/complaint-status/strings/kk.js';
import statusRu from '../../src/components/complaint-status/strings/ru.js';
import statusEn from '../../src/components/complaint-status/strings/en.js';

const CATALOGS = {
  kk: [kk, chatKk, callbackKk, ratingKk, formKk, statusKk],
  ru: [ru, chatRu, callbackRu, ratingRu, formRu, statusRu],
  en: [en, chatEn, callbackEn, ratingEn, formEn, statusEn],
} as const;

const COUNTS = [1, 2, 5, 11, 21, 22, 25] as const;

/** Every entry of one argument that writes the count it is given: its text for each count, the count as `#`. */
function countEntries(catalog: object, path = ''): Map<string, Map<number, string>> {
  const found = new Map<string, Map<number, string>>();
  for (const [key, value] of Object.entries(catalog)) {
    if (key.startsWith('$')) continue;
    const where = path ? `${path}.${key}` : key;
    if (typeof value === 'function' && value.length === 1) {
      const forms = new Map<number, string>();
      for (const n of COUNTS) {
        try {
          const out: unknown = (value as (n: number) => unknown)(n);
          if (typeof out === 'string' && new RegExp(`(^|[^\\d])${n}([^\\d]|$)`).test(out)) {
            forms.set(n, out.replace(new RegExp(`(^|[^\\d])${n}(?=[^\\d]|$)`, 'g'), '$1#'));
          }
        } catch {
          // Not a count.
        }
      }
      if (forms.size >= 4) found.set(where, forms);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of countEntries(value as object, where)) found.set(k, v);
    }
  }
  return found;
}

function entries(lang: keyof typeof CATALOGS): Map<string, Map<number, string>> {
  const all = new Map<string, Map<number, string>>();
  CATALOGS[lang].forEach((catalog, i) => {
    for (const [k, v] of countEntries(catalog)) all.set(`${i}:${k}`, v);
  });
  return all;
}

/** The counts whose texts must read alike (same form), when each of them writes its count. */
function sameForm(forms: Map<number, string>, group: readonly number[], where: string): void {
  const texts = group.filter((n) => forms.has(n)).map((n) => [n, forms.get(n)!] as const);
  for (const [n, text] of texts.slice(1)) {
    expect(text, `${where}: ${n} reads like ${texts[0]![0]}`).to.equal(texts[0]![1]);
  }
}

describe('plural forms in every catalog', () => {
  it('Intl.PluralRules has the categories the catalogs use', () => {
    const categories = (l: string) => new Intl.PluralRules(l).resolvedOptions().pluralCategories.slice().sort();
    expect(categories('ru')).to.deep.equal(['few', 'many', 'one', 'other']);
    expect(categories('kk')).to.deep.equal(['one', 'other']);
    expect(categories('en')).to.deep.equal(['one', 'other']);
    expect([1, 2, 5, 21].map((n) => new Intl.PluralRules('ru').select(n))).to.deep.equal(['one', 'few', 'many', 'one']);
  });

  it('Russian: 1 and 21 read alike, 2 and 22, 5, 11 and 25; one differs from many', () => {
    const all = entries('ru');
    expect(all.size).to.be.greaterThan(8);
    let varying = 0;
    for (const [where, forms] of all) {
      sameForm(forms, [1, 21], where);
      sameForm(forms, [2, 22], where);
      sameForm(forms, [5, 11, 25], where);
      if (forms.has(1) && forms.has(5) && forms.get(1) !== forms.get(5)) varying += 1;
    }
    expect(varying, 'entries whose noun changes with the count').to.be.greaterThan(5);
  });

  it('Kazakh: the noun after a numeral stays singular, for 1, 2, 5 and 21 alike', () => {
    const all = entries('kk');
    expect(all.size).to.be.greaterThan(8);
    for (const [where, forms] of all) sameForm(forms, [1, 2, 5, 11, 21, 22, 25], where);
  });

  it('English: 1 is singular, 2, 5, 11 and 21 plural', () => {
    const all = entries('en');
    expect(all.size).to.be.greaterThan(8);
    for (const [where, forms] of all) sameForm(forms, [2, 5, 11, 21, 22, 25], where);
  });
});
