// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { availableCatalogs, loadCatalog, matchCatalog, plural, type Translation } from './index.js';
import kk from './kk.js';
import ru from './ru.js';
import en from './en.js';

/** Every key path of a catalog, with the kind of value (`string`, `function`). */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${prefix}:${typeof value}`];
  return Object.entries(value)
    .filter(([k]) => !k.startsWith('$'))
    .flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

describe('translations', () => {
  it('kk, ru and en have the same keys and kinds of entries', () => {
    expect(shape(kk)).to.deep.equal(shape(ru));
    expect(shape(en)).to.deep.equal(shape(ru));
  });

  it('a catalog that misses a key does not compile', () => {
    const { retry: _omitted, ...common } = ru.common;
    // @ts-expect-error `common.retry` is missing
    const broken: Translation = { ...ru, common };
    expect(broken.common).not.to.have.property('retry');
  });

  it('has no empty text in any language', () => {
    for (const catalog of [kk, ru, en]) {
      for (const section of [catalog.common, catalog.outageBanner]) {
        for (const [key, value] of Object.entries(section)) {
          if (typeof value === 'string') expect(value.trim(), `${catalog.$code}.${key}`).not.to.equal('');
        }
      }
    }
  });

  it('uses the Russian plural forms one / few / many', () => {
    const h = ru.outageBanner.heading;
    expect(h(1)).to.equal('Прерывание обслуживания');
    expect(h(2)).to.equal('Прерывание обслуживания: 2 уведомления');
    expect(h(5)).to.equal('Прерывание обслуживания: 5 уведомлений');
    expect(h(11)).to.equal('Прерывание обслуживания: 11 уведомлений');
    expect(h(21)).to.equal('Прерывание обслуживания: 21 уведомление');
    expect(h(22)).to.equal('Прерывание обслуживания: 22 уведомления');
    expect(ru.common.errorRateLimited(1)).to.equal('Слишком много запросов. Повторите через 1 секунду.');
    expect(ru.common.errorRateLimited(3)).to.equal('Слишком много запросов. Повторите через 3 секунды.');
    expect(ru.common.errorRateLimited(12)).to.equal('Слишком много запросов. Повторите через 12 секунд.');
    expect(ru.outageBanner.announceNew(2)).to.equal('2 новых уведомления о прерывании обслуживания.');
    expect(ru.outageBanner.announceNew(25)).to.equal('25 новых уведомлений о прерывании обслуживания.');
  });

  it('uses the Kazakh forms one / other (a noun after a numeral stays singular)', () => {
    expect(new Intl.PluralRules('kk').resolvedOptions().pluralCategories.sort()).to.deep.equal(['one', 'other']);
    expect(kk.outageBanner.heading(1)).to.equal('Қызмет көрсетудің үзілуі');
    expect(kk.outageBanner.heading(3)).to.equal('Қызмет көрсетудің үзілуі: 3 хабарлама');
    expect(kk.outageBanner.announceNew(2)).to.equal('Қызмет көрсетудің үзілуі туралы 2 жаңа хабарлама.');
  });

  it('uses the English forms one / other', () => {
    expect(en.outageBanner.heading(2)).to.equal('Service interruption: 2 notices');
    expect(en.common.errorRateLimited(1)).to.equal('Too many requests. Try again in 1 second.');
    expect(en.common.errorRateLimited(30)).to.equal('Too many requests. Try again in 30 seconds.');
    expect(plural('en', 1, { one: 'notice', other: 'notices' })).to.equal('notice');
  });

  it('joins lists in each language', () => {
    expect(ru.common.list(['онлайн-чат', 'телефон'])).to.equal('онлайн-чат и телефон');
    expect(en.common.list(['chat', 'phone', 'e-mail'])).to.equal('chat, phone, and e-mail');
    expect(kk.common.list(['онлайн-чат', 'телефон'])).to.equal('онлайн-чат және телефон');
    expect(kk.common.list(['сайт', 'онлайн-чат', 'телефон'])).to.equal('сайт, онлайн-чат және телефон');
    expect(kk.common.list(['телефон'])).to.equal('телефон');
  });

  it('uses the glossary’s terms', () => {
    expect(ru.outageBanner.heading(1)).to.equal('Прерывание обслуживания');
    expect(kk.outageBanner.heading(1)).to.equal('Қызмет көрсетудің үзілуі');
    expect(ru.outageBanner.alternativeChannels).to.equal('Альтернативные каналы связи');
    expect(kk.outageBanner.alternativeChannels).to.equal('Балама байланыс арналары');
    expect(kk.common.channel.callback).to.equal('кері қоңырау');
    expect(ru.common.channel.callback).to.equal('обратный звонок');
  });

  it('matches language tags to catalogs', () => {
    expect(matchCatalog('kk-KZ')).to.equal('kk');
    expect(matchCatalog('ru-RU')).to.equal('ru');
    expect(matchCatalog('en-GB')).to.equal('en');
    expect(matchCatalog('RU')).to.equal('ru');
    expect(matchCatalog('kk-Latn')).to.equal('kk');
    expect(matchCatalog('kk-Cyrl-KZ')).to.equal('kk');
    // The three-letter codes, and the country's code that Kazakh sites often use for the language.
    expect(matchCatalog('kaz')).to.equal('kk');
    expect(matchCatalog('rus')).to.equal('ru');
    expect(matchCatalog('eng')).to.equal('en');
    expect(matchCatalog('kz')).to.equal('kk');
    expect(matchCatalog('KZ-kz')).to.equal('kk');
    expect(matchCatalog('ru-KZ')).to.equal('ru');
    expect(matchCatalog('de')).to.equal(undefined);
    expect(matchCatalog('')).to.equal(undefined);
    expect(matchCatalog('not a tag!')).to.equal(undefined);
    expect(availableCatalogs()).to.include.members(['kk', 'ru', 'en']);
  });

  it('loads each catalog on demand, once', async () => {
    const [a, b] = await Promise.all([loadCatalog('ru'), loadCatalog('ru')]);
    expect(a).to.equal(b);
    expect(a.$code).to.equal('ru');
    let failed: unknown;
    await loadCatalog('xx').catch((error: unknown) => (failed = error));
    expect(failed).to.be.instanceOf(Error);
  });
});
