// SPDX-License-Identifier: MIT

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

/**
 * Formats an instant (ISO 8601 string, `Date` or epoch milliseconds) in `timeZone` for `locale` with `Intl`.
 * Returns an empty string for an invalid date rather than throwing.
 *
 * @example
 * formatDateTime('2026-11-23T07:00:00Z', 'ru', 'Asia/Almaty') // → '23 ноября в 12:00 GMT+5'
 */
export function formatDateTime(
  value: string | number | Date,
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = DATE_TIME,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
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
