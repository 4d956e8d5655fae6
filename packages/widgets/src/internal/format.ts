// SPDX-License-Identifier: MIT
import { getLoadedCatalog, matchCatalog } from '../translations/index.js';
import type { DateParts } from '../translations/translation.js';

/** The contact center's time zone when the configuration has not arrived yet (all of Kazakhstan since 2024-03-01). */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let hit = cache.get(key) as T | undefined;
  if (!hit) {
    hit = make();
    cache.set(key, hit);
  }
  return hit;
}

/** Date and time, e.g. `23 ноября в 12:00 GMT+5`: day, month, time and the zone, so that nobody misreads the hour. */
export const DATE_TIME: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `date` in `timeZone` split into the {@link DateParts} that `options` ask for, read with Latin digits. */
function dateParts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions): DateParts {
  const wants = {
    year: options.year !== undefined,
    month: options.month !== undefined,
    day: options.day !== undefined,
    weekday: options.weekday !== undefined,
    time: options.hour !== undefined || options.timeStyle !== undefined,
    zone: options.timeZoneName !== undefined,
  };
  if (options.dateStyle !== undefined) Object.assign(wants, { year: true, month: true, day: true });
  const format = cached(
    `p|${timeZone}|${JSON.stringify(wants)}`,
    () =>
      new Intl.DateTimeFormat('en-US-u-nu-latn', {
        timeZone,
        ...(wants.year ? { year: 'numeric' } : {}),
        ...(wants.month ? { month: 'numeric' } : {}),
        ...(wants.day ? { day: 'numeric' } : {}),
        ...(wants.weekday ? { weekday: 'short' } : {}),
        ...(wants.time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
        ...(wants.zone ? { timeZoneName: 'short' } : {}),
      }),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => format.formatToParts(date).find((p) => p.type === type)?.value;
  const parts: DateParts = {};
  if (wants.year) parts.year = part('year');
  if (wants.month) parts.month = Number(part('month')) - 1;
  if (wants.day) parts.day = part('day');
  if (wants.weekday) parts.weekday = WEEKDAYS.indexOf(part('weekday') ?? '');
  if (wants.time) parts.time = `${part('hour')}:${part('minute')}`;
  if (wants.zone) parts.zone = part('timeZoneName');
  return parts;
}

/**
 * Formats an instant (ISO 8601 string, `Date` or epoch milliseconds) in `timeZone` for `locale`: with `Intl`, or,
 * for a catalog that writes its own dates (Kazakh: see `DateWriter`), from the catalog's names when it is loaded.
 * Returns an empty string for an invalid date rather than throwing.
 *
 * @example
 * formatDateTime('2026-11-23T07:00:00Z', 'ru', 'Asia/Almaty') // → '23 ноября в 12:00 GMT+5'
 * formatDateTime('2026-11-23T07:00:00Z', 'kk', 'Asia/Almaty') // → '23 қараша, 12:00 GMT+5'
 */
export function formatDateTime(
  value: string | number | Date,
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = DATE_TIME,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const writer = getLoadedCatalog(matchCatalog(locale) ?? locale)?.$dates;
  if (writer !== undefined && writer !== 'intl') {
    try {
      return writer(dateParts(date, timeZone, options));
    } catch {
      return writer(dateParts(date, DEFAULT_TIME_ZONE, options));
    }
  }
  const key = `d|${locale}|${timeZone}|${JSON.stringify(options)}`;
  try {
    return cached(key, () => new Intl.DateTimeFormat(locale, { ...options, timeZone })).format(date);
  } catch {
    // An unknown time zone from a misconfigured server: show the center's usual zone instead of nothing.
    return cached(
      `${key}|fallback`,
      () => new Intl.DateTimeFormat(locale, { ...options, timeZone: DEFAULT_TIME_ZONE }),
    ).format(date);
  }
}

/** Formats a number for `locale` with `Intl.NumberFormat`. */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}
