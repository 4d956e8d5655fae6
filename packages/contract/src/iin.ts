// SPDX-License-Identifier: MIT
/**
 * Kazakhstan's 12-digit identification numbers: the IIN (ЖСН / ИИН) of an individual and the BIN (БСН / БИН) of a
 * legal entity, its branch or representative office, or an individual entrepreneur in joint entrepreneurship.
 *
 * These validators take a *normalized* value: exactly twelve ASCII digits, nothing around them. Strip what a person
 * typed with {@link normalizeDigits} first. They never look at the current date, so the browser and the server give
 * the same answer for the same string on any day.
 *
 * @packageDocumentation
 */

/** Weights of the first pass of the check digit. */
const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
/** Weights of the second pass, used when the first pass gives 10. */
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const TWELVE_DIGITS = /^[0-9]{12}$/;

/**
 * The sex encoded in an IIN's 7th digit: odd is male, even is female.
 */
export type IinSex = 'male' | 'female';

/**
 * What an IIN says about its holder.
 */
export interface IinInfo {
  /** Date of birth, `YYYY-MM-DD`, century taken from the 7th digit. */
  birthDate: string;
  /** From the 7th digit: odd (1, 3, 5) is male, even (2, 4, 6) is female. */
  sex: IinSex;
}

/**
 * The 5th digit of a BIN: what kind of organisation holds it.
 *
 * - `resident`: a resident legal entity (digit 4)
 * - `non-resident`: a non-resident legal entity (digit 5)
 * - `joint-entrepreneurship`: an individual entrepreneur operating as joint entrepreneurship, ИП(С) (digit 6)
 */
export type BinEntityType = 'resident' | 'non-resident' | 'joint-entrepreneurship';

/**
 * The 6th digit of a BIN: which unit of the organisation holds it.
 *
 * - `head`: the head unit (digit 0)
 * - `branch`: a branch (digit 1)
 * - `representative`: a representative office (digit 2)
 * - `peasant-farm`: a peasant (farm) household run as joint entrepreneurship (digit 3)
 */
export type BinDivision = 'head' | 'branch' | 'representative' | 'peasant-farm';

/**
 * What a BIN says about the organisation that holds it.
 */
export interface BinInfo {
  /** Last two digits of the year of (re-)registration, 0–99. The century is not encoded. */
  year: number;
  /** Month of (re-)registration, 1–12. */
  month: number;
  /** From the 5th digit. */
  entityType: BinEntityType;
  /** From the 6th digit. */
  division: BinDivision;
}

const ENTITY_TYPES: Readonly<Record<string, BinEntityType>> = {
  '4': 'resident',
  '5': 'non-resident',
  '6': 'joint-entrepreneurship',
};

const DIVISIONS: Readonly<Record<string, BinDivision>> = {
  '0': 'head',
  '1': 'branch',
  '2': 'representative',
  '3': 'peasant-farm',
};

/**
 * Cleans what a person typed or pasted into an IIN or BIN field: removes whitespace of every kind (spaces, tabs,
 * no-break spaces, line breaks), hyphens and dashes used as separators, and the invisible characters that copying
 * from a document brings (zero-width spaces and joiners, the byte-order mark), and turns full-width digits
 * (`８５０７…`, from an East Asian keyboard layout) into ASCII ones. So `'880 101 300 123'` and `'880101-300123'`
 * become `'880101300123'`. Nothing else is changed or checked: pass the result to {@link isValidIin} or
 * {@link isValidBin}.
 *
 * @example
 * ```ts
 * normalizeDigits(' 880101 300123 '); // '880101300123'
 * isValidIin(normalizeDigits(input));
 * ```
 */
export function normalizeDigits(input: string): string {
  return input
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[\s\-\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff]+/g, '');
}

/**
 * The check digit that the twelfth digit of an IIN or a BIN must equal, computed from its first eleven digits, or
 * `null` when no check digit exists (the number can never be issued).
 *
 * The rule of the national registers: `Σ dᵢ·i mod 11` for `i = 1…11`; when that is 10, the second pass
 * `Σ dᵢ·wᵢ mod 11` with `w = 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2`; when that is 10 too, there is no valid number.
 *
 * @param digits - at least the first eleven digits of the number (only those are read); ASCII digits only
 * @returns 0–9, or `null` when both passes give 10 or `digits` has fewer than 11 ASCII digits at its start
 *
 * @example
 * ```ts
 * iinCheckDigit('85071540123'); // 6, so '850715401236' has the right check digit
 * iinCheckDigit('88010130012'); // 3: the first pass gives 10, the second 3
 * ```
 */
export function iinCheckDigit(digits: string): number | null {
  if (!/^[0-9]{11}/.test(digits)) return null;
  const first = weightedMod11(digits, WEIGHTS_1);
  if (first !== 10) return first;
  const second = weightedMod11(digits, WEIGHTS_2);
  return second === 10 ? null : second;
}

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 11;
}

function hasValidCheckDigit(value: string): boolean {
  const check = iinCheckDigit(value);
  return check !== null && check === value.charCodeAt(11) - 48;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads an IIN: the holder's date of birth and sex, or `null` when the value is not a valid IIN.
 *
 * Structure checked:
 *
 * | digits | meaning |
 * | --- | --- |
 * | 1–6 | date of birth `YYMMDD`; it must exist (29 February only in leap years) |
 * | 7 | century and sex: 1 / 2 → 1800s, 3 / 4 → 1900s, 5 / 6 → 2000s; odd is male, even is female |
 * | 8–11 | serial number |
 * | 12 | check digit, see {@link iinCheckDigit} |
 *
 * A birth date in the future is not rejected: the answer must not depend on the day it is asked.
 *
 * @param value - exactly twelve ASCII digits (see {@link normalizeDigits}); anything else gives `null`
 *
 * @example
 * ```ts
 * parseIin('880101300123'); // { birthDate: '1988-01-01', sex: 'male' }
 * parseIin('880101300120'); // null: wrong check digit
 * ```
 */
export function parseIin(value: string): IinInfo | null {
  if (!TWELVE_DIGITS.test(value)) return null;
  const centurySex = value.charCodeAt(6) - 48;
  if (centurySex < 1 || centurySex > 6) return null;
  const year = 1800 + 100 * Math.floor((centurySex - 1) / 2) + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (!hasValidCheckDigit(value)) return null;
  return {
    birthDate: `${String(year)}-${value.slice(2, 4)}-${value.slice(4, 6)}`,
    sex: centurySex % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Whether a value is a valid IIN (individual identification number): twelve digits, a real birth date, a 7th digit
 * 1–6 and the right check digit. See {@link parseIin} for the structure.
 *
 * @param value - exactly twelve ASCII digits; surrounding spaces make it invalid (use {@link normalizeDigits})
 *
 * @example
 * ```ts
 * isValidIin('880101300123'); // true
 * isValidIin('880230300125'); // false: there is no 30 February
 * isValidIin(normalizeDigits('880101 300123')); // true
 * ```
 */
export function isValidIin(value: string): boolean {
  return parseIin(value) !== null;
}

/**
 * Reads a BIN: when and as what the organisation was registered, or `null` when the value is not a valid BIN.
 *
 * Structure checked (rules of the national register of business identification numbers):
 *
 * | digits | meaning |
 * | --- | --- |
 * | 1–2 | year of (re-)registration, last two digits (any) |
 * | 3–4 | month of (re-)registration, 01–12 |
 * | 5 | entity type: 4 resident legal entity, 5 non-resident legal entity, 6 individual entrepreneur in joint entrepreneurship, ИП(С) |
 * | 6 | unit: 0 head unit, 1 branch, 2 representative office, 3 peasant (farm) household in joint entrepreneurship |
 * | 7–11 | serial number |
 * | 12 | check digit, the same algorithm as the IIN's ({@link iinCheckDigit}) |
 *
 * Because an IIN's 5th digit is the tens of a day (0–3) and a BIN's is 4–6, no string is both a valid IIN and a
 * valid BIN.
 *
 * @param value - exactly twelve ASCII digits (see {@link normalizeDigits}); anything else gives `null`
 *
 * @example
 * ```ts
 * parseBin('940140000385'); // { year: 94, month: 1, entityType: 'resident', division: 'head' }
 * ```
 */
export function parseBin(value: string): BinInfo | null {
  if (!TWELVE_DIGITS.test(value)) return null;
  const month = Number(value.slice(2, 4));
  const entityType = ENTITY_TYPES[value.charAt(4)];
  const division = DIVISIONS[value.charAt(5)];
  if (month < 1 || month > 12 || entityType === undefined || division === undefined) return null;
  if (!hasValidCheckDigit(value)) return null;
  return { year: Number(value.slice(0, 2)), month, entityType, division };
}

/**
 * Whether a value is a valid BIN (business identification number). See {@link parseBin} for the structure checked.
 *
 * @param value - exactly twelve ASCII digits; surrounding spaces make it invalid (use {@link normalizeDigits})
 *
 * @example
 * ```ts
 * isValidBin('940140000385'); // true
 * isValidBin('940190000385'); // false: 5th digit 9 is no entity type
 * ```
 */
export function isValidBin(value: string): boolean {
  return parseBin(value) !== null;
}
