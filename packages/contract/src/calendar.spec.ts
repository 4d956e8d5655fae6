// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import {
  addLocalDays,
  addWorkingDays,
  dayHours,
  isOpen,
  isWorkingDay,
  localDate,
  nextClosing,
  nextOpening,
  openIntervals,
  scheduleProblems,
  timeZoneDataIsCurrent,
  workingDaysBetween,
  zonedParts,
  zonedToInstant,
  type ScheduleText,
  type WorkingSchedule,
} from './calendar.js';
import type { components } from './generated/openapi.js';

/**
 * Expected instants below assume the platform's time-zone data knows Almaty's move to UTC+5 (tzdata 2024a). Every
 * engine kc is tested in has it: WebKitGTK, whose system ICU is older, gets current data from the test runner
 * (`ICU_TIMEZONE_FILES_DIR`, scripts/icu-tz.mjs). An engine without it fails here, first in the test below.
 */
const at = (iso: string): Date => new Date(iso);
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const text = (en: string): ScheduleText => ({ kk: en, ru: en, en });

const WEEKDAY_HOURS = [
  { open: '09:00', close: '13:00' },
  { open: '14:00', close: '18:30' },
];

/**
 * Monday to Friday 09:00–13:00 and 14:00–18:30 in Almaty (UTC+5 since 2024-03-01: 09:00 is 04:00Z, 18:30 13:30Z).
 *
 * Test data, stated here rather than taken from any decree:
 * - Nauryz 2026: 21 (Sat), 22 (Sun), 23 (Mon) March are holidays; 21 and 22 fall on days off, so the days off move
 *   to the next working days, 24 and 25 March. Closed: 21–25 March. Friday 20 March is a shortened pre-holiday day.
 * - Capital Day, Monday 6 July 2026.
 * - New Year 2027: 1 (Fri), 2 (Sat → moved to Mon 4) January; Orthodox Christmas Thu 7 January (never moved);
 *   Friday 8 January a bridge day off, worked back on Saturday 16 January.
 */
const almaty: WorkingSchedule = {
  timeZone: 'Asia/Almaty',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, intervals: WEEKDAY_HOURS })),
  holidays: [
    { date: '2026-03-21', name: text('Nauryz') },
    { date: '2026-03-22', name: text('Nauryz') },
    { date: '2026-03-23', name: text('Nauryz') },
    { date: '2026-03-24', name: text('Nauryz (moved from 21 March)') },
    { date: '2026-03-25', name: text('Nauryz (moved from 22 March)') },
    { date: '2026-07-06', name: text('Capital Day') },
    { date: '2027-01-01', name: text('New Year') },
    { date: '2027-01-02', name: text('New Year') },
    { date: '2027-01-04', name: text('New Year (moved from 2 January)') },
    { date: '2027-01-07', name: text('Orthodox Christmas') },
    { date: '2027-01-08', name: text('Day off moved to 16 January') },
  ],
  workingDays: [
    {
      date: '2026-03-20',
      intervals: [
        { open: '09:00', close: '13:00' },
        { open: '14:00', close: '17:30' },
      ],
      note: text('Pre-holiday day, one hour shorter'),
    },
    { date: '2027-01-16', intervals: WEEKDAY_HOURS, note: text('Working Saturday, for 8 January') },
  ],
};

describe('the platform time-zone data', () => {
  it('knows Almaty moved to UTC+5 on 2024-03-01 (tzdata 2024a)', () => {
    expect(timeZoneDataIsCurrent()).to.equal(true);
  });
});

describe('zonedParts / localDate', () => {
  it('reads wall-clock time in the zone', () => {
    expect(zonedParts(at('2026-04-07T04:00:00Z'), 'Asia/Almaty')).to.deep.equal({
      year: 2026,
      month: 4,
      day: 7,
      hour: 9,
      minute: 0,
      second: 0,
      weekday: 2,
    });
    expect(zonedParts(at('2026-04-05T00:00:00Z'), 'UTC').weekday).to.equal(7);
    expect(zonedParts(at('2027-01-01T00:00:00Z'), 'UTC').hour).to.equal(0);
  });

  it('follows Almaty from UTC+6 to UTC+5 on the night of 2024-02-29', () => {
    const read = (instant: string): string => {
      const p = zonedParts(at(instant), 'Asia/Almaty');
      return `${localDate(at(instant), 'Asia/Almaty')} ${String(p.hour)}:${String(p.minute).padStart(2, '0')} ${String(p.weekday)}`;
    };
    expect(read('2024-02-29T03:00:00Z')).to.equal('2024-02-29 9:00 4'); // +6
    expect(read('2024-02-29T17:59:00Z')).to.equal('2024-02-29 23:59 4');
    expect(read('2024-02-29T18:00:00Z')).to.equal('2024-02-29 23:00 4'); // clocks back an hour
    expect(read('2024-02-29T18:30:00Z')).to.equal('2024-02-29 23:30 4'); // the second 23:30
    expect(read('2024-02-29T19:00:00Z')).to.equal('2024-03-01 0:00 5');
    expect(read('2024-03-01T04:00:00Z')).to.equal('2024-03-01 9:00 5'); // +5
  });

  it('gives the local date across midnight', () => {
    expect(localDate(at('2026-03-20T18:59:59Z'), 'Asia/Almaty')).to.equal('2026-03-20');
    expect(localDate(at('2026-03-20T19:00:00Z'), 'Asia/Almaty')).to.equal('2026-03-21');
    expect(localDate(at('2027-12-31T19:00:00Z'), 'Asia/Almaty')).to.equal('2028-01-01');
  });

  it('throws RangeError for an unknown zone or an invalid date', () => {
    expect(() => zonedParts(at('2026-01-01T00:00:00Z'), 'Asia/Nowhere')).to.throw(RangeError);
    expect(() => zonedParts(new Date(Number.NaN), 'Asia/Almaty')).to.throw(RangeError);
  });
});

describe('zonedToInstant', () => {
  it('converts local time with the offset in force then', () => {
    expect(iso(zonedToInstant('2024-02-28', '09:00', 'Asia/Almaty'))).to.equal('2024-02-28T03:00:00.000Z');
    expect(iso(zonedToInstant('2024-03-01', '09:00', 'Asia/Almaty'))).to.equal('2024-03-01T04:00:00.000Z');
    expect(iso(zonedToInstant('2027-06-01', '09:00', 'Asia/Almaty'))).to.equal('2027-06-01T04:00:00.000Z');
    expect(iso(zonedToInstant('2027-01-16', '00:00', 'UTC'))).to.equal('2027-01-16T00:00:00.000Z');
  });

  it('takes the earlier instant for a time that happened twice', () => {
    expect(iso(zonedToInstant('2024-02-29', '23:30', 'Asia/Almaty'))).to.equal('2024-02-29T17:30:00.000Z');
    expect(iso(zonedToInstant('2024-02-29', '23:00', 'Asia/Almaty'))).to.equal('2024-02-29T17:00:00.000Z');
    expect(iso(zonedToInstant('2024-02-29', '22:59', 'Asia/Almaty'))).to.equal('2024-02-29T16:59:00.000Z');
    expect(iso(zonedToInstant('2026-10-25', '02:30', 'Europe/Berlin'))).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('shifts a time that never happened forward by the gap', () => {
    // Berlin, 2026-03-29: 02:00 CET became 03:00 CEST; 02:30 is read as 03:30 CEST
    expect(iso(zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin'))).to.equal('2026-03-29T01:30:00.000Z');
    expect(iso(zonedToInstant('2026-03-29', '03:00', 'Europe/Berlin'))).to.equal('2026-03-29T01:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-08', '02:15', 'America/New_York'))).to.equal('2026-03-08T07:15:00.000Z');
  });

  it('reads 24:00 as the start of the next day', () => {
    expect(iso(zonedToInstant('2024-02-29', '24:00', 'Asia/Almaty'))).to.equal('2024-02-29T19:00:00.000Z');
    expect(iso(zonedToInstant('2024-03-01', '00:00', 'Asia/Almaty'))).to.equal('2024-02-29T19:00:00.000Z');
  });

  it('throws RangeError for malformed input', () => {
    expect(() => zonedToInstant('2026-02-30', '09:00', 'Asia/Almaty')).to.throw(RangeError);
    expect(() => zonedToInstant('2026-2-3', '09:00', 'Asia/Almaty')).to.throw(RangeError);
    expect(() => zonedToInstant('2026-02-03', '9:00', 'Asia/Almaty')).to.throw(RangeError);
    expect(() => zonedToInstant('2026-02-03', '24:01', 'Asia/Almaty')).to.throw(RangeError);
    expect(() => zonedToInstant('2026-02-03', '09:00', 'Nowhere/Town')).to.throw(RangeError);
  });
});

describe('addLocalDays', () => {
  it('adds calendar days', () => {
    expect(addLocalDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addLocalDays('2024-02-28', 2)).to.equal('2024-03-01');
    expect(addLocalDays('2027-01-01', -1)).to.equal('2026-12-31');
    expect(addLocalDays('2026-03-20', 14)).to.equal('2026-04-03');
  });
});

describe('isOpen', () => {
  // Tuesday 2026-04-07, an ordinary day
  it('is open from 09:00 and closed from 18:30', () => {
    expect(isOpen(almaty, at('2026-04-07T03:59:59.999Z'))).to.equal(false); // 08:59:59.999
    expect(isOpen(almaty, at('2026-04-07T04:00:00Z'))).to.equal(true); // 09:00
    expect(isOpen(almaty, at('2026-04-07T13:29:59.999Z'))).to.equal(true); // 18:29:59.999
    expect(isOpen(almaty, at('2026-04-07T13:30:00Z'))).to.equal(false); // 18:30
  });

  it('is closed over lunch', () => {
    expect(isOpen(almaty, at('2026-04-07T07:59:00Z'))).to.equal(true); // 12:59
    expect(isOpen(almaty, at('2026-04-07T08:00:00Z'))).to.equal(false); // 13:00
    expect(isOpen(almaty, at('2026-04-07T08:59:59Z'))).to.equal(false); // 13:59:59
    expect(isOpen(almaty, at('2026-04-07T09:00:00Z'))).to.equal(true); // 14:00
  });

  it('is closed at weekends and on holidays', () => {
    expect(isOpen(almaty, at('2026-04-11T06:00:00Z'))).to.equal(false); // Saturday 11:00
    expect(isOpen(almaty, at('2026-03-23T06:00:00Z'))).to.equal(false); // Nauryz, Monday 11:00
    expect(isOpen(almaty, at('2026-03-25T06:00:00Z'))).to.equal(false); // moved Nauryz day off, Wednesday
    expect(isOpen(almaty, at('2026-07-06T06:00:00Z'))).to.equal(false); // Capital Day
    expect(isOpen(almaty, at('2027-01-07T06:00:00Z'))).to.equal(false); // Orthodox Christmas, Thursday
  });

  it('is open on a Saturday made working and keeps its own hours on a shortened day', () => {
    expect(isOpen(almaty, at('2027-01-16T06:00:00Z'))).to.equal(true); // Saturday 11:00
    expect(isOpen(almaty, at('2027-01-16T08:30:00Z'))).to.equal(false); // its lunch
    expect(isOpen(almaty, at('2026-03-20T12:15:00Z'))).to.equal(true); // 17:15 on the shortened Friday
    expect(isOpen(almaty, at('2026-03-20T12:45:00Z'))).to.equal(false); // 17:45
  });

  it('lets a holiday win over a working-day entry for the same date', () => {
    const both: WorkingSchedule = {
      ...almaty,
      workingDays: [...almaty.workingDays, { date: '2026-07-06', intervals: WEEKDAY_HOURS }],
    };
    expect(isOpen(both, at('2026-07-06T06:00:00Z'))).to.equal(false);
    expect(isWorkingDay(both, '2026-07-06')).to.equal(false);
  });

  it('is open through both 23:00–24:00 hours of 2024-02-29 in Almaty', () => {
    const night: WorkingSchedule = {
      timeZone: 'Asia/Almaty',
      weekly: [{ day: 4, intervals: [{ open: '23:00', close: '24:00' }] }],
      holidays: [],
      workingDays: [],
    };
    expect(isOpen(night, at('2024-02-29T16:59:00Z'))).to.equal(false); // 22:59 (+6)
    expect(isOpen(night, at('2024-02-29T17:00:00Z'))).to.equal(true); // first 23:00
    expect(isOpen(night, at('2024-02-29T17:59:00Z'))).to.equal(true); // first 23:59
    expect(isOpen(night, at('2024-02-29T18:30:00Z'))).to.equal(true); // second 23:30
    expect(isOpen(night, at('2024-02-29T19:00:00Z'))).to.equal(false); // 00:00 on 1 March (+5)
    expect(openIntervals(night, at('2024-02-29T00:00:00Z'), at('2024-03-01T00:00:00Z')).map(iso2)).to.deep.equal([
      ['2024-02-29T17:00:00.000Z', '2024-02-29T19:00:00.000Z'],
    ]);
  });
});

function iso2(interval: { start: Date; end: Date }): [string, string] {
  return [interval.start.toISOString(), interval.end.toISOString()];
}

describe('nextOpening / nextClosing', () => {
  it('finds the opening after lunch and the closing before it', () => {
    const tenAm = at('2026-04-07T05:00:00Z');
    expect(iso(nextOpening(almaty, tenAm))).to.equal('2026-04-07T09:00:00.000Z'); // 14:00
    expect(iso(nextClosing(almaty, tenAm))).to.equal('2026-04-07T08:00:00.000Z'); // 13:00
    const lunch = at('2026-04-07T08:30:00Z');
    expect(iso(nextOpening(almaty, lunch))).to.equal('2026-04-07T09:00:00.000Z');
    expect(iso(nextClosing(almaty, lunch))).to.equal('2026-04-07T13:30:00.000Z'); // 18:30
  });

  it('counts an opening instant as the next opening, a closing instant as already closed', () => {
    expect(iso(nextOpening(almaty, at('2026-04-07T04:00:00Z')))).to.equal('2026-04-07T04:00:00.000Z');
    expect(iso(nextClosing(almaty, at('2026-04-07T13:30:00Z')))).to.equal('2026-04-08T08:00:00.000Z');
  });

  it('skips a weekend and a holiday Monday from a Friday evening', () => {
    // Friday 2026-07-03 18:45; Monday 6 July is Capital Day
    expect(iso(nextOpening(almaty, at('2026-07-03T13:45:00Z')))).to.equal('2026-07-07T04:00:00.000Z');
  });

  it('skips Nauryz from the shortened Friday before it', () => {
    // Friday 2026-03-20 17:45, after the shortened day; closed 21–25 March
    expect(iso(nextOpening(almaty, at('2026-03-20T12:45:00Z')))).to.equal('2026-03-26T04:00:00.000Z');
    expect(iso(nextClosing(almaty, at('2026-03-20T06:00:00Z')))).to.equal('2026-03-20T08:00:00.000Z');
    expect(iso(nextClosing(almaty, at('2026-03-20T10:00:00Z')))).to.equal('2026-03-20T12:30:00.000Z'); // 17:30
  });

  it('opens on the working Saturday of January 2027', () => {
    // Friday 2027-01-15 19:00
    expect(iso(nextOpening(almaty, at('2027-01-15T14:00:00Z')))).to.equal('2027-01-16T04:00:00.000Z');
    // Thursday 2027-01-07 (Christmas) noon: Friday 8 January is off too
    expect(iso(nextOpening(almaty, at('2027-01-07T07:00:00Z')))).to.equal('2027-01-11T04:00:00.000Z');
  });

  it('treats intervals that touch at midnight as one', () => {
    const nights: WorkingSchedule = {
      timeZone: 'Asia/Almaty',
      weekly: [
        { day: 5, intervals: [{ open: '20:00', close: '24:00' }] },
        { day: 6, intervals: [{ open: '00:00', close: '08:00' }] },
      ],
      holidays: [],
      workingDays: [],
    };
    const friday21 = at('2026-04-10T16:00:00Z'); // Friday 21:00
    expect(iso(nextClosing(nights, friday21))).to.equal('2026-04-11T03:00:00.000Z'); // Saturday 08:00
    expect(iso(nextOpening(nights, friday21))).to.equal('2026-04-17T15:00:00.000Z'); // next Friday 20:00
    expect(iso(nextOpening(nights, at('2026-04-11T01:00:00Z')))).to.equal('2026-04-17T15:00:00.000Z');
    expect(openIntervals(nights, at('2026-04-10T00:00:00Z'), at('2026-04-12T00:00:00Z')).map(iso2)).to.deep.equal([
      ['2026-04-10T15:00:00.000Z', '2026-04-11T03:00:00.000Z'],
    ]);
  });

  it('is null when nothing changes within the horizon', () => {
    const always: WorkingSchedule = {
      timeZone: 'Asia/Almaty',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, intervals: [{ open: '00:00', close: '24:00' }] })),
      holidays: [],
      workingDays: [],
    };
    expect(nextClosing(always, at('2026-04-07T05:00:00Z'))).to.equal(null);
    expect(nextOpening(always, at('2026-04-07T05:00:00Z'))).to.equal(null);
    const never: WorkingSchedule = { timeZone: 'Asia/Almaty', weekly: [], holidays: [], workingDays: [] };
    expect(nextOpening(never, at('2026-04-07T05:00:00Z'))).to.equal(null);
    expect(nextClosing(never, at('2026-04-07T05:00:00Z'))).to.equal(null);
    expect(nextOpening(almaty, at('2026-07-03T13:45:00Z'), 2)).to.equal(null);
    expect(iso(nextOpening(almaty, at('2026-07-03T13:45:00Z'), 4))).to.equal('2026-07-07T04:00:00.000Z');
  });
});

describe('openIntervals', () => {
  it('lists the open intervals of a range as instants, clipped to it', () => {
    const list = openIntervals(almaty, at('2026-04-07T06:00:00Z'), at('2026-04-08T05:00:00Z'));
    expect(list.map(iso2)).to.deep.equal([
      ['2026-04-07T06:00:00.000Z', '2026-04-07T08:00:00.000Z'],
      ['2026-04-07T09:00:00.000Z', '2026-04-07T13:30:00.000Z'],
      ['2026-04-08T04:00:00.000Z', '2026-04-08T05:00:00.000Z'],
    ]);
  });

  it('covers 14 days of Nauryz for a slot grid', () => {
    // Thursday 2026-03-19 00:00 local to Thursday 2026-04-02 00:00 local
    const list = openIntervals(almaty, at('2026-03-18T19:00:00Z'), at('2026-04-01T19:00:00Z'));
    const days = [...new Set(list.map((i) => localDate(i.start, 'Asia/Almaty')))];
    expect(days).to.deep.equal([
      '2026-03-19',
      '2026-03-20',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
    ]);
    expect(list).to.have.length(14);
    expect(iso2(list[3]!)).to.deep.equal(['2026-03-20T09:00:00.000Z', '2026-03-20T12:30:00.000Z']);
  });

  it('is empty for an empty or reversed range', () => {
    expect(openIntervals(almaty, at('2026-04-07T06:00:00Z'), at('2026-04-07T06:00:00Z'))).to.deep.equal([]);
    expect(openIntervals(almaty, at('2026-04-08T06:00:00Z'), at('2026-04-07T06:00:00Z'))).to.deep.equal([]);
  });

  it('answers the same when called again, e.g. on every render', () => {
    const from = at('2026-03-18T19:00:00Z');
    const to = at('2026-04-01T19:00:00Z');
    const first = openIntervals(almaty, from, to).map(iso2);
    for (let i = 0; i < 50; i++) expect(openIntervals(almaty, from, to).map(iso2)).to.deep.equal(first);
  });
});

describe('isWorkingDay / dayHours', () => {
  it('applies holidays, then working days, then the weekly rows', () => {
    expect(isWorkingDay(almaty, '2026-04-07')).to.equal(true);
    expect(isWorkingDay(almaty, '2026-04-11')).to.equal(false);
    expect(isWorkingDay(almaty, '2026-03-24')).to.equal(false);
    expect(isWorkingDay(almaty, '2027-01-16')).to.equal(true);
    expect(isWorkingDay(almaty, '2027-01-08')).to.equal(false);
  });

  it('describes a day for display', () => {
    expect(dayHours(almaty, '2026-04-07')).to.deep.equal({
      date: '2026-04-07',
      weekday: 2,
      working: true,
      intervals: WEEKDAY_HOURS,
    });
    expect(dayHours(almaty, '2026-03-23')).to.deep.equal({
      date: '2026-03-23',
      weekday: 1,
      working: false,
      intervals: [],
      holiday: text('Nauryz'),
    });
    expect(dayHours(almaty, '2027-01-16').note?.en).to.equal('Working Saturday, for 8 January');
  });

  it('throws RangeError for a malformed date', () => {
    expect(() => isWorkingDay(almaty, '2026-13-01')).to.throw(RangeError);
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it('counts 15 working days from the day after registration across Nauryz', () => {
    // Registered Friday 2026-03-13 15:00 local. Working days: 16–20 March (5), 26, 27 (7), 30, 31 (9),
    // 1–3 April (12), 6–8 April (15). Due at the end of Wednesday 8 April, local time.
    const registered = at('2026-03-13T10:00:00Z');
    const due = addWorkingDays(registered, 15, almaty);
    expect(due.toISOString()).to.equal('2026-04-08T18:59:59.999Z');
    expect(localDate(due, 'Asia/Almaty')).to.equal('2026-04-08');
    expect(workingDaysBetween(registered, due, almaty)).to.equal(15);
  });

  it('counts a Saturday made working, and not the holidays it bridges', () => {
    // Registered Thursday 2026-12-31 15:00 local. Working days: 5, 6 (2), 11–15 (7), Saturday 16 (8),
    // 18–22 (13), 25, 26 January 2027 (15).
    const registered = at('2026-12-31T10:00:00Z');
    expect(addWorkingDays(registered, 15, almaty).toISOString()).to.equal('2027-01-26T18:59:59.999Z');
    expect(addWorkingDays(registered, 8, almaty).toISOString()).to.equal('2027-01-16T18:59:59.999Z');
    const withoutSaturday: WorkingSchedule = { ...almaty, workingDays: [] };
    expect(addWorkingDays(registered, 15, withoutSaturday).toISOString()).to.equal('2027-01-27T18:59:59.999Z');
  });

  it('does not count the registration day, even when it is a working day registered at 00:01', () => {
    // Tuesday 2026-04-07 00:01 local
    expect(addWorkingDays(at('2026-04-06T19:01:00Z'), 1, almaty).toISOString()).to.equal('2026-04-08T18:59:59.999Z');
    // registered on a Saturday: Monday is the first day
    expect(addWorkingDays(at('2026-04-11T06:00:00Z'), 1, almaty).toISOString()).to.equal('2026-04-13T18:59:59.999Z');
    // n = 0: the end of the registration day
    expect(addWorkingDays(at('2026-04-11T06:00:00Z'), 0, almaty).toISOString()).to.equal('2026-04-11T18:59:59.999Z');
  });

  it('ends the day in the zone offset in force on it', () => {
    const everyDay: WorkingSchedule = {
      timeZone: 'Asia/Almaty',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, intervals: WEEKDAY_HOURS })),
      holidays: [],
      workingDays: [],
    };
    // end of 2024-02-28 (+6), of 2024-02-29 (the night it changed), of 2024-03-01 (+5)
    expect(addWorkingDays(at('2024-02-27T06:00:00Z'), 1, everyDay).toISOString()).to.equal('2024-02-28T17:59:59.999Z');
    expect(addWorkingDays(at('2024-02-27T06:00:00Z'), 2, everyDay).toISOString()).to.equal('2024-02-29T18:59:59.999Z');
    expect(addWorkingDays(at('2024-02-27T06:00:00Z'), 3, everyDay).toISOString()).to.equal('2024-03-01T18:59:59.999Z');
  });

  it('counts between two instants by their local dates, negative backwards', () => {
    const friday = at('2026-04-10T05:00:00Z');
    const monday = at('2026-04-13T05:00:00Z');
    expect(workingDaysBetween(friday, monday, almaty)).to.equal(1);
    expect(workingDaysBetween(monday, friday, almaty)).to.equal(-1);
    expect(workingDaysBetween(friday, friday, almaty)).to.equal(0);
    expect(workingDaysBetween(at('2026-03-20T05:00:00Z'), at('2026-03-26T05:00:00Z'), almaty)).to.equal(1);
  });

  it('rejects a bad n and a schedule without working days', () => {
    expect(() => addWorkingDays(at('2026-04-07T05:00:00Z'), -1, almaty)).to.throw(RangeError);
    expect(() => addWorkingDays(at('2026-04-07T05:00:00Z'), 1.5, almaty)).to.throw(RangeError);
    const never: WorkingSchedule = { timeZone: 'Asia/Almaty', weekly: [], holidays: [], workingDays: [] };
    expect(() => addWorkingDays(at('2026-04-07T05:00:00Z'), 1, never)).to.throw(RangeError);
  });
});

describe('scheduleProblems', () => {
  it('is empty for a well-formed schedule', () => {
    expect(scheduleProblems(almaty)).to.deep.equal([]);
  });

  it('names what the calendar would skip', () => {
    const problems = scheduleProblems({
      timeZone: 'Asia/Nowhere',
      weekly: [
        { day: 8, intervals: [{ open: '18:00', close: '09:00' }] },
        { day: 1, intervals: [{ open: '9:00', close: '25:00' }] },
      ],
      holidays: [{ date: '2026-02-30', name: text('x') }],
      workingDays: [{ date: '2026-01-03', intervals: [{ open: '24:00', close: '24:00' }] }],
    });
    expect(problems).to.have.length(8);
    expect(problems.join('\n')).to.include('timeZone').and.include('weekly[0].day').and.include('holidays[0].date');
  });

  it('ignores the intervals it reports', () => {
    const bad: WorkingSchedule = {
      timeZone: 'Asia/Almaty',
      weekly: [{ day: 2, intervals: [{ open: '18:00', close: '09:00' }, ...WEEKDAY_HOURS] }],
      holidays: [],
      workingDays: [],
    };
    expect(dayHours(bad, '2026-04-07').intervals).to.deep.equal(WEEKDAY_HOURS);
  });
});

describe('WorkingSchedule', () => {
  it("is assignable both ways to the contract's generated type", () => {
    type Generated = components['schemas']['WorkingSchedule'];
    const fromServer: Generated = almaty;
    const back: WorkingSchedule = fromServer;
    expect(isWorkingDay(back, '2027-01-16')).to.equal(true);
  });
});
