// SPDX-License-Identifier: MIT
/**
 * The working calendar: when the contact center is open, and working-day arithmetic for deadlines, computed from
 * the schedule the server publishes in its configuration.
 *
 * Every computation happens in the schedule's IANA time zone through the platform's `Intl` time-zone data, never
 * with a fixed offset: Asia/Almaty was UTC+6 until 2024-03-01 00:00 local time, then UTC+5, so the local hour
 * 23:00–24:00 of 2024-02-29 happened twice.
 *
 * Conventions used throughout:
 * - a *local date* is a `'YYYY-MM-DD'` string, a *local time* an `'HH:MM'` string (`'24:00'` allowed as a closing
 *   time: the end of the day);
 * - open intervals are half-open, `[start, end)`: open at the opening instant, closed at the closing instant;
 * - a schedule is treated as immutable data.
 *
 * @packageDocumentation
 */

/** A text in the three languages of the product. */
export interface ScheduleText {
  kk: string;
  ru: string;
  en: string;
}

/**
 * One opening interval of a day, in local time: `open` `'HH:MM'` up to `close` `'HH:MM'` (exclusive).
 * `close` may be `'24:00'` (the end of the day) and must be later than `open`; an interval that is malformed or
 * crosses midnight is ignored (see {@link scheduleProblems}). Split a night shift into `'20:00'–'24:00'` and
 * `'00:00'–'08:00'` of the next day.
 */
export interface ScheduleInterval {
  open: string;
  close: string;
}

/**
 * When the contact center works: the same shape as `WorkingSchedule` in the HTTP contract's `config`.
 *
 * For a local date the rules apply in this order:
 * 1. a date listed in `holidays` is closed (it wins over everything else);
 * 2. a date listed in `workingDays` is open in that entry's intervals: a Saturday made working by decree, or a
 *    shortened pre-holiday day;
 * 3. otherwise the `weekly` row of its ISO weekday applies; a weekday without a row is closed.
 *
 * @example
 * ```ts
 * const schedule: WorkingSchedule = {
 *   timeZone: 'Asia/Almaty',
 *   weekly: [1, 2, 3, 4, 5].map((day) => ({
 *     day,
 *     intervals: [
 *       { open: '09:00', close: '13:00' },
 *       { open: '14:00', close: '18:30' },
 *     ],
 *   })),
 *   holidays: [{ date: '2026-03-23', name: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' } }],
 *   workingDays: [{ date: '2026-01-03', intervals: [{ open: '09:00', close: '18:30' }] }],
 * };
 * ```
 */
export interface WorkingSchedule {
  /** IANA time zone of every local date and time in the schedule, e.g. `'Asia/Almaty'`. */
  timeZone: string;
  /** Opening intervals per ISO weekday, `day` 1 = Monday … 7 = Sunday. */
  weekly: { day: number; intervals: ScheduleInterval[] }[];
  /** Public holidays and other closed dates. */
  holidays: { date: string; name: ScheduleText }[];
  /** Dates open in their own intervals, whatever their weekday. */
  workingDays: { date: string; intervals: ScheduleInterval[]; note?: ScheduleText }[];
}

/** A span of time between two instants, `[start, end)`. */
export interface OpenInterval {
  start: Date;
  end: Date;
}

/** The wall-clock reading of an instant in a time zone. */
export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** What the schedule says about one local date, for display. */
export interface DayHours {
  /** The local date, `'YYYY-MM-DD'`. */
  date: string;
  /** ISO weekday of `date`, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Whether the center works that day (at least one interval). */
  working: boolean;
  /** Opening intervals, local time, sorted, overlaps merged; empty on a closed day. */
  intervals: ScheduleInterval[];
  /** The holiday's name, when the date is in `holidays`. */
  holiday?: ScheduleText;
  /** The note of a `workingDays` entry, e.g. why a Saturday is working. */
  note?: ScheduleText;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far {@link nextOpening} and {@link nextClosing} look ahead by default. */
const DEFAULT_HORIZON_DAYS = 366;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // 'en-US' with h23: ASCII digits, hours 0–23 in every engine (`hour12: false` gives '24' at midnight in some).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading of `ms` as if it were UTC milliseconds (seconds precision, `ms`'s own millis kept). */
function wallMs(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((ms % 1000) + 1000) % 1000);
}

/** UTC offset of the zone at instant `ms`, in milliseconds (local − UTC). */
function offsetAt(ms: number, timeZone: string): number {
  return wallMs(ms, timeZone) - ms;
}

/**
 * The wall-clock reading of an instant in an IANA time zone.
 *
 * @throws RangeError when `timeZone` is not a time zone the platform knows, or `at` is an invalid date
 *
 * @example
 * ```ts
 * zonedParts(new Date('2024-02-29T18:30:00Z'), 'Asia/Almaty');
 * // { year: 2024, month: 2, day: 29, hour: 23, minute: 30, second: 0, weekday: 4 } — the second 23:30 that night
 * ```
 */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError('[kc] zonedParts: invalid date');
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  return { year, month, day, hour, minute, second, weekday: isoWeekday(year, month, day) };
}

function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const weekday = d.getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function pad2(n: number): string {
  return n < 10 ? `0${String(n)}` : String(n);
}

function formatDate(year: number, month: number, day: number): string {
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Whether the platform's time-zone data is recent enough for Kazakhstan: it knows that Asia/Almaty moved from UTC+6
 * to UTC+5 on 2024-03-01 (IANA tzdata 2024a). Every calendar function reads the platform's data, so where this is
 * `false` (an operating system or browser not updated since early 2024; WebKitGTK on an old distribution) every
 * local time in Asia/Almaty comes out one hour late. A widget can then show times with their UTC offset or a notice;
 * the server should refuse to start.
 *
 * @example
 * ```ts
 * if (!timeZoneDataIsCurrent()) console.warn('[kc] this platform thinks Almaty is still UTC+6');
 * ```
 */
export function timeZoneDataIsCurrent(): boolean {
  try {
    return zonedParts(new Date(Date.UTC(2024, 5, 1, 0, 0, 0)), 'Asia/Almaty').hour === 5;
  } catch {
    return false;
  }
}

/**
 * The local date of an instant in an IANA time zone, `'YYYY-MM-DD'`.
 *
 * @throws RangeError when `timeZone` is unknown or `at` is an invalid date
 *
 * @example
 * ```ts
 * localDate(new Date('2026-03-20T19:30:00Z'), 'Asia/Almaty'); // '2026-03-21' (00:30 local)
 * ```
 */
export function localDate(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return formatDate(p.year, p.month, p.day);
}

/** Parses `'YYYY-MM-DD'` into UTC midnight milliseconds of that calendar date, or `null`. */
function parseDate(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

function requireDate(date: string, where: string): number {
  const ms = parseDate(date);
  if (ms === null) throw new RangeError(`[kc] ${where}: '${date}' is not a date in the form YYYY-MM-DD`);
  return ms;
}

/** Parses `'HH:MM'` (00:00–24:00) into minutes after midnight, or `null`. */
function parseTime(time: string): number | null {
  const m = TIME_RE.exec(time);
  if (m === null) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

function dateFromUtcMs(ms: number): string {
  const d = new Date(ms);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A local date plus a number of calendar days (negative to go back), `'YYYY-MM-DD'`. No time zone is involved: a
 * local date is a calendar date. For walking a grid of days, e.g. the callback slots of the next 14 days.
 *
 * @param date - local date `'YYYY-MM-DD'`
 * @param days - whole number of days to add
 * @throws RangeError when `date` is malformed or `days` is not an integer
 *
 * @example
 * ```ts
 * addLocalDays('2024-02-28', 2); // '2024-03-01'
 * addLocalDays('2027-01-01', -1); // '2026-12-31'
 * ```
 */
export function addLocalDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError('[kc] addLocalDays: days must be a whole number');
  return dateFromUtcMs(requireDate(date, 'addLocalDays') + days * DAY);
}

// zonedToInstant is pure in its arguments (the platform's tz data does not change while a page lives), so its
// results are cached; the cache is simply dropped when it grows past a bound.
const instantCache = new Map<string, number>();
const INSTANT_CACHE_LIMIT = 4096;

/** The instant (ms) at which `timeZone` reads the local wall time `wall` (that reading as if it were UTC ms). */
function instantOfWall(wall: number, timeZone: string): number {
  const key = `${timeZone} ${String(wall)}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  // Offsets a day either side bracket any single transition; a local time is valid for an offset o when the
  // instant wall − o reads back as wall.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  let result: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = wall - offset;
    if (wallMs(candidate, timeZone) === wall && (result === undefined || candidate < result)) result = candidate;
  }
  // No candidate: the wall time fell in a gap (clocks jumped forward). Read it with the offset from before the
  // jump, which lands the same distance past the gap, as Temporal's 'compatible' disambiguation does.
  if (result === undefined) result = wall - before;
  if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
  instantCache.set(key, result);
  return result;
}

/**
 * The instant at which a time zone's clocks read a local date and time.
 *
 * Local times that do not map to exactly one instant are resolved deterministically:
 * - **ambiguous** (clocks went back, the time happened twice): the *earlier* instant;
 * - **non-existent** (clocks jumped forward over it): shifted forward by the length of the gap, e.g. 02:30 in a
 *   one-hour spring-forward gap at 02:00 gives the instant of 03:30.
 *
 * `time` may be `'24:00'`: the start of the next day.
 *
 * @param date - local date `'YYYY-MM-DD'`
 * @param time - local time `'HH:MM'`, 00:00–24:00
 * @param timeZone - IANA time zone, e.g. `'Asia/Almaty'`
 * @throws RangeError when `date` or `time` is malformed or `timeZone` is unknown
 *
 * @example
 * ```ts
 * zonedToInstant('2026-03-24', '09:00', 'Asia/Almaty'); // 2026-03-24T04:00:00.000Z
 * zonedToInstant('2024-02-29', '23:30', 'Asia/Almaty'); // 2024-02-29T17:30:00.000Z, the first of two 23:30s
 * ```
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const dayMs = requireDate(date, 'zonedToInstant');
  const minutes = parseTime(time);
  if (minutes === null) throw new RangeError(`[kc] zonedToInstant: '${time}' is not a time in the form HH:MM`);
  formatterFor(timeZone); // throws RangeError early for an unknown zone
  return new Date(instantOfWall(dayMs + minutes * MINUTE, timeZone));
}

// ---------------------------------------------------------------------------------------------------------------
// Schedule lookups

interface ScheduleIndex {
  timeZone: string;
  holidays: Map<string, ScheduleText>;
  workingDays: Map<string, { intervals: readonly ScheduleInterval[]; note?: ScheduleText }>;
  weekly: Map<number, readonly ScheduleInterval[]>;
}

function indexSchedule(schedule: WorkingSchedule): ScheduleIndex {
  const holidays = new Map<string, ScheduleText>();
  for (const h of schedule.holidays) holidays.set(h.date, h.name);
  const workingDays = new Map<string, { intervals: readonly ScheduleInterval[]; note?: ScheduleText }>();
  for (const w of schedule.workingDays) workingDays.set(w.date, w);
  const weekly = new Map<number, ScheduleInterval[]>();
  for (const row of schedule.weekly) weekly.set(row.day, [...(weekly.get(row.day) ?? []), ...row.intervals]);
  return { timeZone: schedule.timeZone, holidays, workingDays, weekly };
}

/** Valid intervals of a local date as minutes after local midnight, sorted, overlapping or touching ones merged. */
function minutesOn(index: ScheduleIndex, date: string, dayMs: number): [number, number][] {
  if (index.holidays.has(date)) return [];
  const special = index.workingDays.get(date);
  const raw = special !== undefined ? special.intervals : (index.weekly.get(isoWeekdayOfMs(dayMs)) ?? []);
  const spans: [number, number][] = [];
  for (const interval of raw) {
    const open = parseTime(interval.open);
    const close = parseTime(interval.close);
    if (open !== null && close !== null && close > open) spans.push([open, close]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

function isoWeekdayOfMs(dayMs: number): number {
  const weekday = new Date(dayMs).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/**
 * Open intervals as instants (ms) of the local dates from `firstDayMs` on, for at most `days` days, merged across
 * days, produced lazily. `complete` is false only for a last interval that runs up to the end of the window, whose
 * true end is unknown.
 */
function* spans(index: ScheduleIndex, firstDayMs: number, days: number): Generator<[number, number, boolean]> {
  let pending: [number, number] | undefined;
  for (let i = 0; i < days; i++) {
    const dayMs = firstDayMs + i * DAY;
    for (const [open, close] of minutesOn(index, dateFromUtcMs(dayMs), dayMs)) {
      const start = instantOfWall(dayMs + open * MINUTE, index.timeZone);
      const end = instantOfWall(dayMs + close * MINUTE, index.timeZone);
      if (end <= start) continue;
      if (pending !== undefined && start <= pending[1]) {
        pending[1] = Math.max(pending[1], end);
      } else {
        if (pending !== undefined) yield [pending[0], pending[1], true];
        pending = [start, end];
      }
    }
  }
  if (pending !== undefined) {
    yield [pending[0], pending[1], pending[1] < instantOfWall(firstDayMs + days * DAY, index.timeZone)];
  }
}

function localDayMs(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day);
}

function requireInstant(at: Date, where: string): number {
  const ms = at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`[kc] ${where}: invalid date`);
  return ms;
}

/**
 * Whether the local date is a working day: not a holiday, and open in at least one interval (its `workingDays`
 * entry's, else its weekday's).
 *
 * @param date - local date `'YYYY-MM-DD'` in the schedule's time zone
 * @throws RangeError when `date` is malformed
 *
 * @example
 * ```ts
 * isWorkingDay(schedule, '2026-03-23'); // false: Nauryz (in `holidays`)
 * isWorkingDay(schedule, '2026-01-03'); // true: a Saturday made working (in `workingDays`)
 * ```
 */
export function isWorkingDay(schedule: WorkingSchedule, date: string): boolean {
  const dayMs = requireDate(date, 'isWorkingDay');
  return minutesOn(indexSchedule(schedule), date, dayMs).length > 0;
}

/**
 * What the schedule says about a local date: working or not, the opening intervals in local time, the holiday's name
 * or the working day's note. For "today's hours" and weekly tables in the widgets.
 *
 * @param date - local date `'YYYY-MM-DD'` in the schedule's time zone
 * @throws RangeError when `date` is malformed
 *
 * @example
 * ```ts
 * dayHours(schedule, '2026-03-24');
 * // { date: '2026-03-24', weekday: 2, working: true,
 * //   intervals: [{ open: '09:00', close: '13:00' }, { open: '14:00', close: '18:30' }] }
 * dayHours(schedule, '2026-03-23').holiday?.en; // 'Nauryz'
 * ```
 */
export function dayHours(schedule: WorkingSchedule, date: string): DayHours {
  const dayMs = requireDate(date, 'dayHours');
  const index = indexSchedule(schedule);
  const intervals = minutesOn(index, date, dayMs).map(([open, close]) => ({
    open: `${pad2(Math.floor(open / 60))}:${pad2(open % 60)}`,
    close: `${pad2(Math.floor(close / 60))}:${pad2(close % 60)}`,
  }));
  const result: DayHours = { date, weekday: isoWeekdayOfMs(dayMs), working: intervals.length > 0, intervals };
  const holiday = index.holidays.get(date);
  if (holiday !== undefined) result.holiday = holiday;
  const note = holiday === undefined ? index.workingDays.get(date)?.note : undefined;
  if (note !== undefined) result.note = note;
  return result;
}

/**
 * Whether the contact center is open at an instant.
 *
 * @throws RangeError when `at` is an invalid date or the schedule's time zone is unknown
 *
 * @example
 * ```ts
 * isOpen(schedule, new Date('2026-03-24T04:00:00Z')); // true: Tuesday 09:00 in Almaty, the opening instant
 * isOpen(schedule, new Date('2026-03-24T13:30:00Z')); // false: 18:30, the closing instant
 * ```
 */
export function isOpen(schedule: WorkingSchedule, at: Date): boolean {
  const ms = requireInstant(at, 'isOpen');
  const index = indexSchedule(schedule);
  const day = localDayMs(at, index.timeZone);
  for (const [start, end] of spans(index, day - DAY, 3)) if (start <= ms && ms < end) return true;
  return false;
}

/**
 * The next instant at or after `at` at which the contact center opens (goes from closed to open), or `null` when it
 * does not open within `horizonDays`. When it is open at `at`, this is the opening after the current interval ends
 * (e.g. after lunch), unless `at` is itself an opening instant.
 *
 * @param horizonDays - how many days ahead to look; 366 by default
 * @throws RangeError when `at` is an invalid date or the schedule's time zone is unknown
 *
 * @example
 * ```ts
 * // Friday 2026-03-20 19:00 in Almaty; Monday 23 March is a holiday
 * nextOpening(schedule, new Date('2026-03-20T14:00:00Z')); // 2026-03-24T04:00:00.000Z, Tuesday 09:00
 * ```
 */
export function nextOpening(schedule: WorkingSchedule, at: Date, horizonDays = DEFAULT_HORIZON_DAYS): Date | null {
  const ms = requireInstant(at, 'nextOpening');
  const index = indexSchedule(schedule);
  // From the day before: an interval merged across midnight then starts where it really starts.
  for (const [start] of spans(index, localDayMs(at, index.timeZone) - DAY, horizonDays + 2)) {
    if (start >= ms) return new Date(start);
  }
  return null;
}

/**
 * The next instant after `at` at which the contact center closes (goes from open to closed), or `null` when it does
 * not close within `horizonDays` (e.g. a 24/7 schedule). When it is closed at `at`, this is the end of the next open
 * interval.
 *
 * @param horizonDays - how many days ahead to look; 366 by default
 * @throws RangeError when `at` is an invalid date or the schedule's time zone is unknown
 *
 * @example
 * ```ts
 * nextClosing(schedule, new Date('2026-03-24T05:00:00Z')); // 2026-03-24T08:00:00.000Z, 13:00 lunch
 * ```
 */
export function nextClosing(schedule: WorkingSchedule, at: Date, horizonDays = DEFAULT_HORIZON_DAYS): Date | null {
  const ms = requireInstant(at, 'nextClosing');
  const index = indexSchedule(schedule);
  for (const [, end, complete] of spans(index, localDayMs(at, index.timeZone) - DAY, horizonDays + 2)) {
    if (end > ms) return complete ? new Date(end) : null;
  }
  return null;
}

/**
 * The open intervals between two instants, as instants, clipped to `[from, to)`, sorted, with intervals that touch
 * (e.g. across midnight) merged. For the callback slot grid: slots are cut from these.
 *
 * @returns an empty list when `to` is not after `from`
 * @throws RangeError when `from` or `to` is an invalid date or the schedule's time zone is unknown
 *
 * @example
 * ```ts
 * openIntervals(schedule, new Date('2026-03-24T00:00:00Z'), new Date('2026-03-25T00:00:00Z'));
 * // [{ start: 2026-03-24T04:00Z, end: 08:00Z }, { start: 09:00Z, end: 13:30Z }]
 * ```
 */
export function openIntervals(schedule: WorkingSchedule, from: Date, to: Date): OpenInterval[] {
  const fromMs = requireInstant(from, 'openIntervals');
  const toMs = requireInstant(to, 'openIntervals');
  if (toMs <= fromMs) return [];
  const index = indexSchedule(schedule);
  const first = localDayMs(from, index.timeZone) - DAY;
  const last = localDayMs(to, index.timeZone) + DAY;
  const result: OpenInterval[] = [];
  for (const [start, end] of spans(index, first, Math.round((last - first) / DAY) + 1)) {
    const s = Math.max(start, fromMs);
    const e = Math.min(end, toMs);
    if (s < e) result.push({ start: new Date(s), end: new Date(e) });
  }
  return result;
}

/**
 * The due date `n` working days after an instant, as the Administrative Procedural Code counts: the count starts on
 * the day *after* the local date of `from` (the registration day does not count, whether or not it is a working
 * day), and the deadline is the **end of the nth working day**: 23:59:59.999 local time, i.e. one millisecond
 * before the next local midnight, whatever that day's opening hours.
 *
 * `n = 0` gives the end of the local date of `from`. {@link workingDaysBetween} is its inverse:
 * `workingDaysBetween(from, addWorkingDays(from, n, s), s) === n`.
 *
 * Note the argument order: the schedule comes last here.
 *
 * @param n - a whole number of working days, 0 or more
 * @throws RangeError when `n` is negative or not an integer, `from` is invalid, or the schedule has no working day
 *   in a whole year
 *
 * @example
 * ```ts
 * // registered Friday 2026-03-13 in Almaty; the schedule closes 23 March (Nauryz)
 * addWorkingDays(new Date('2026-03-13T10:00:00Z'), 15, schedule); // end of 2026-04-06 local = 2026-04-06T18:59:59.999Z
 * ```
 */
export function addWorkingDays(from: Date, n: number, schedule: WorkingSchedule): Date {
  requireInstant(from, 'addWorkingDays');
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`[kc] addWorkingDays: n must be a whole number ≥ 0`);
  const index = indexSchedule(schedule);
  let dayMs = localDayMs(from, index.timeZone);
  let idle = 0;
  for (let counted = 0; counted < n;) {
    dayMs += DAY;
    if (minutesOn(index, dateFromUtcMs(dayMs), dayMs).length > 0) {
      counted++;
      idle = 0;
    } else if (++idle > DEFAULT_HORIZON_DAYS) {
      throw new RangeError('[kc] addWorkingDays: the schedule has no working day in a whole year');
    }
  }
  return new Date(instantOfWall(dayMs + DAY, index.timeZone) - 1);
}

/**
 * How many working days lie after the local date of `a` up to and including the local date of `b`; negative when `b`
 * is before `a`. The counting rule of {@link addWorkingDays}: a complaint registered on `a` has used
 * `workingDaysBetween(a, now, s)` of its working days.
 *
 * @throws RangeError when `a` or `b` is an invalid date or the schedule's time zone is unknown
 *
 * @example
 * ```ts
 * // Friday to the following Monday, an ordinary week
 * workingDaysBetween(new Date('2026-04-10T05:00:00Z'), new Date('2026-04-13T05:00:00Z'), schedule); // 1
 * ```
 */
export function workingDaysBetween(a: Date, b: Date, schedule: WorkingSchedule): number {
  requireInstant(a, 'workingDaysBetween');
  requireInstant(b, 'workingDaysBetween');
  const index = indexSchedule(schedule);
  const aDay = localDayMs(a, index.timeZone);
  const bDay = localDayMs(b, index.timeZone);
  const sign = bDay >= aDay ? 1 : -1;
  const low = Math.min(aDay, bDay);
  const high = Math.max(aDay, bDay);
  let count = 0;
  for (let dayMs = low + DAY; dayMs <= high; dayMs += DAY) {
    if (minutesOn(index, dateFromUtcMs(dayMs), dayMs).length > 0) count++;
  }
  return sign * count;
}

/**
 * Everything wrong with a schedule that the functions of this module would silently skip: malformed or
 * out-of-range dates and times, intervals that do not close after they open, weekdays outside 1–7, an unknown time
 * zone. An empty list means the schedule is well-formed. For the server to reject bad configuration and for tests.
 *
 * @example
 * ```ts
 * scheduleProblems({ ...schedule, weekly: [{ day: 8, intervals: [{ open: '18:00', close: '09:00' }] }] });
 * // ['weekly[0].day: 8 is not an ISO weekday 1–7',
 * //  'weekly[0].intervals[0]: closes at 09:00, not after it opens at 18:00']
 * ```
 */
export function scheduleProblems(schedule: WorkingSchedule): string[] {
  const problems: string[] = [];
  try {
    formatterFor(schedule.timeZone);
  } catch {
    problems.push(`timeZone: '${schedule.timeZone}' is not a time zone this platform knows`);
  }
  const checkIntervals = (where: string, intervals: readonly ScheduleInterval[]): void => {
    intervals.forEach((interval, i) => {
      const open = parseTime(interval.open);
      const close = parseTime(interval.close);
      if (open === null || open === 24 * 60)
        problems.push(`${where}[${String(i)}].open: '${interval.open}' is not a time 00:00–23:59`);
      if (close === null) problems.push(`${where}[${String(i)}].close: '${interval.close}' is not a time 00:00–24:00`);
      if (open !== null && close !== null && close <= open) {
        problems.push(`${where}[${String(i)}]: closes at ${interval.close}, not after it opens at ${interval.open}`);
      }
    });
  };
  schedule.weekly.forEach((row, i) => {
    if (!Number.isInteger(row.day) || row.day < 1 || row.day > 7) {
      problems.push(`weekly[${String(i)}].day: ${String(row.day)} is not an ISO weekday 1–7`);
    }
    checkIntervals(`weekly[${String(i)}].intervals`, row.intervals);
  });
  schedule.holidays.forEach((h, i) => {
    if (parseDate(h.date) === null) problems.push(`holidays[${String(i)}].date: '${h.date}' is not YYYY-MM-DD`);
  });
  schedule.workingDays.forEach((w, i) => {
    if (parseDate(w.date) === null) problems.push(`workingDays[${String(i)}].date: '${w.date}' is not YYYY-MM-DD`);
    checkIntervals(`workingDays[${String(i)}].intervals`, w.intervals);
  });
  return problems;
}
