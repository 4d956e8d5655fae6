// SPDX-License-Identifier: MIT
/**
 * Kazakhstan's public holidays and government day transfers, 2025–2027, as calendar data.
 *
 * Rules (Law "On holidays in the Republic of Kazakhstan" and the Labour Code, art. 85): a holiday that falls on a
 * Saturday or Sunday moves to the next working day, except Orthodox Christmas (7 January) and the first day of
 * Kurban Ait. Each moved day is listed here as its own closed date, named after the holiday it replaces.
 *
 * Uncertain data, to be checked against the official texts before production use:
 * - Kurban Ait is set each year by the Spiritual Administration of Muslims of Kazakhstan; the dates used are
 *   2025-06-06 (observed), 2026-05-27 and 2027-05-16 (announced or astronomically expected; a one-day shift is
 *   possible for 2027).
 * - Days off are moved yearly by an order of the Minister of Labour and Social Protection. Only the 2025 New Year
 *   bridge is included: the day off of Sunday 5 January 2025 moved to Friday 3 January, so that Sunday was a
 *   working day (as reported by the ministry in November 2024). The 2026 calendar published on egov.kz has no
 *   such transfer; none is known for 2027.
 *
 * @packageDocumentation
 */
import type { LocalizedText } from '../wire.js';

const NAMES = {
  newYear: { kk: 'Жаңа жыл', ru: 'Новый год', en: "New Year's Day" },
  christmas: { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
  women: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день', en: "International Women's Day" },
  nauryz: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' },
  unity: {
    kk: 'Қазақстан халқының бірлігі мерекесі',
    ru: 'Праздник единства народа Казахстана',
    en: 'Unity Day of the People of Kazakhstan',
  },
  defender: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' },
  victory: { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' },
  capital: { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' },
  constitution: {
    kk: 'Қазақстан Республикасының Конституциясы күні',
    ru: 'День Конституции Республики Казахстан',
    en: 'Constitution Day',
  },
  republic: { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' },
  independence: { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' },
  kurban: { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' },
} satisfies Record<string, LocalizedText>;

/** The name of a day off that replaces a holiday fallen on a weekend. */
function moved(name: LocalizedText): LocalizedText {
  return {
    kk: `Демалыс күні (${name.kk} мерекесінің орнына)`,
    ru: `Выходной день (перенос праздника «${name.ru}»)`,
    en: `Day off in place of ${name.en}`,
  };
}

type Key = keyof typeof NAMES;
const day = (date: string, key: Key, isMoved = false): { date: string; name: LocalizedText } => ({
  date,
  name: isMoved ? moved(NAMES[key]) : NAMES[key],
});

/** Closed dates: holidays and the working days they moved to. */
export const KZ_HOLIDAYS_2025_2027: { date: string; name: LocalizedText }[] = [
  // 2025
  day('2025-01-01', 'newYear'),
  day('2025-01-02', 'newYear'),
  {
    date: '2025-01-03',
    name: {
      kk: 'Демалыс күні (5 қаңтардан ауыстырылды)',
      ru: 'Выходной день (перенесён с 5 января)',
      en: 'Day off (moved from 5 January)',
    },
  },
  day('2025-01-07', 'christmas'),
  day('2025-03-10', 'women', true), // 8 March is a Saturday
  day('2025-03-21', 'nauryz'),
  day('2025-03-24', 'nauryz', true), // 22 March is a Saturday
  day('2025-03-25', 'nauryz', true), // 23 March is a Sunday
  day('2025-05-01', 'unity'),
  day('2025-05-07', 'defender'),
  day('2025-05-09', 'victory'),
  day('2025-06-06', 'kurban'),
  day('2025-07-07', 'capital', true), // 6 July is a Sunday
  day('2025-09-01', 'constitution', true), // 30 August is a Saturday
  day('2025-10-27', 'republic', true), // 25 October is a Saturday
  day('2025-12-16', 'independence'),
  // 2026
  day('2026-01-01', 'newYear'),
  day('2026-01-02', 'newYear'),
  day('2026-01-07', 'christmas'),
  day('2026-03-09', 'women', true), // 8 March is a Sunday
  day('2026-03-23', 'nauryz'),
  day('2026-03-24', 'nauryz', true), // 21 March is a Saturday
  day('2026-03-25', 'nauryz', true), // 22 March is a Sunday
  day('2026-05-01', 'unity'),
  day('2026-05-07', 'defender'),
  day('2026-05-11', 'victory', true), // 9 May is a Saturday
  day('2026-05-27', 'kurban'),
  day('2026-07-06', 'capital'),
  day('2026-08-31', 'constitution', true), // 30 August is a Sunday
  day('2026-10-26', 'republic', true), // 25 October is a Sunday
  day('2026-12-16', 'independence'),
  // 2027
  day('2027-01-01', 'newYear'),
  day('2027-01-04', 'newYear', true), // 2 January is a Saturday
  day('2027-01-07', 'christmas'),
  day('2027-03-08', 'women'),
  day('2027-03-22', 'nauryz'),
  day('2027-03-23', 'nauryz'),
  day('2027-03-24', 'nauryz', true), // 21 March is a Sunday
  day('2027-05-03', 'unity', true), // 1 May is a Saturday
  day('2027-05-07', 'defender'),
  day('2027-05-10', 'victory', true), // 9 May is a Sunday
  day('2027-05-16', 'kurban'), // a Sunday; Kurban Ait does not move
  day('2027-07-06', 'capital'),
  day('2027-08-30', 'constitution'),
  day('2027-10-25', 'republic'),
  day('2027-12-16', 'independence'),
];

/** Days off made working days by a transfer order (see the note on confidence above). */
export const KZ_WORKING_DAYS_2025_2027: {
  date: string;
  intervals: { open: string; close: string }[];
  note: LocalizedText;
}[] = [
  {
    date: '2025-01-05',
    intervals: [{ open: '09:00', close: '18:30' }],
    note: {
      kk: 'Жұмыс күні (демалыс күні 3 қаңтарға ауыстырылды)',
      ru: 'Рабочий день (выходной перенесён на 3 января)',
      en: 'Working day (its day off moved to 3 January)',
    },
  },
];
