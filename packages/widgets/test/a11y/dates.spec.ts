// SPDX-License-Identifier: MIT
// Dates and times in each language, in the center's time zone. Kazakh is written from the catalog's own month
// names: some browsers (Debian's Chromium) have no Kazakh date data and would write `M11 23 09:00`.
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { formatDateTime } from '../../src/internal/format.js';
import { loadCatalog } from '../../src/translations/index.js';

const ENGLISH_MONTHS =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b/;
/** What a browser without a language's date data writes: `M11`, `M1`. */
const RAW_MONTH = /\bM(0?[1-9]|1[0-2])\b/;

describe('dates and times in each language', () => {
  const at = '2026-11-23T04:05:00Z'; // 09:05 in Almaty, a Monday

  it('Kazakh: day and month name, weekday, 24-hour time and zone, in Asia/Almaty', async () => {
    await loadCatalog('kk');
    expect(formatDateTime(at, 'kk', 'Asia/Almaty')).to.equal('23 қараша, 09:05 GMT+5');
    expect(formatDateTime(at, 'kk', 'Asia/Almaty', { weekday: 'long', day: 'numeric', month: 'long' })).to.equal(
      '23 қараша, дүйсенбі',
    );
    expect(formatDateTime(at, 'kk', 'Asia/Almaty', { hour: '2-digit', minute: '2-digit' })).to.equal('09:05');
    expect(formatDateTime(at, 'kk-KZ', 'Asia/Almaty', { year: 'numeric', day: 'numeric', month: 'long' })).to.equal(
      '2026 жылғы 23 қараша',
    );
    // Midnight is 00, not 24; another zone moves the date.
    expect(formatDateTime('2026-01-31T19:00:00Z', 'kk', 'Asia/Almaty')).to.equal('1 ақпан, 00:00 GMT+5');
    expect(formatDateTime(at, 'kk', 'Europe/Moscow', { day: 'numeric', month: 'long' })).to.equal('23 қараша');
  });

  it('Kazakh: every month and weekday has its name, never M1…M12 or English', async () => {
    await loadCatalog('kk');
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 15, 28]) {
        const date = new Date(Date.UTC(2026, month, day, 6, 0));
        for (const options of [undefined, { weekday: 'long', day: 'numeric', month: 'long' } as const]) {
          const text = formatDateTime(date, 'kk', 'Asia/Almaty', options);
          expect(text).not.to.match(RAW_MONTH);
          expect(text).not.to.match(ENGLISH_MONTHS);
          expect(text).to.match(/^\d{1,2} [а-яәғқңөұүһі]+/);
        }
      }
    }
  });

  it('an unknown time zone from a misconfigured server falls back to Asia/Almaty', async () => {
    await loadCatalog('kk');
    await loadCatalog('ru');
    expect(formatDateTime(at, 'kk', 'Nowhere/Void')).to.equal('23 қараша, 09:05 GMT+5');
    expect(formatDateTime(at, 'ru', 'Nowhere/Void', { hour: '2-digit', minute: '2-digit' })).to.equal('09:05');
  });

  it('Russian and English through Intl, in the center’s time zone', async () => {
    await loadCatalog('ru');
    await loadCatalog('en');
    const ru = formatDateTime(at, 'ru', 'Asia/Almaty');
    expect(ru).to.match(/^23 ноября/);
    expect(ru).to.contain('09:05');
    const en = formatDateTime(at, 'en', 'Asia/Almaty');
    expect(en).to.match(/November 23/);
    expect(en).to.contain('09:05');
    expect(formatDateTime('not a date', 'kk', 'Asia/Almaty')).to.equal('');
  });
});
