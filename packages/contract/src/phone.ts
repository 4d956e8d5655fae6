// SPDX-License-Identifier: MIT
/**
 * Kazakhstan phone numbers. Country code +7 is shared with Russia; under the 2006 agreement on the unified numbering
 * plan Kazakhstan's national (10-digit) numbers start with 7, Russia's never do. Within the 7xx zone we accept only
 * the blocks Kazakhstan's numbering plan uses:
 *
 * | national number starts with | what it is | accepted |
 * | --- | --- | --- |
 * | 700–709 | mobile (Altel, Kcell / activ, Beeline, Tele2 … : 700, 701, 702, 705, 706, 707, 708 in use) | yes, mobile |
 * | 710–729 | geographic (landline): 7172 Astana, 727 Almaty, 7252 Shymkent … | yes |
 * | 747 | mobile (Tele2) | yes, mobile |
 * | 750–769 | non-geographic: VoIP, satellite, fixed wireless | yes |
 * | 770–779 | mobile (Beeline, Kcell / activ: 771, 775–778 in use) | yes, mobile |
 * | 730–746, 748–749, 780–799 | not allocated | no |
 * | anything not starting with 7 (Russia's 3xx, 4xx, 8xx, 9xx; the 6xx block, not in subscriber use) | | no |
 *
 * Whole blocks are accepted rather than only the codes in use today, so that a code the regulator opens inside an
 * allocated block does not lock its subscribers out of a form; a number in a block outside this table is rejected,
 * whoever typed it.
 *
 * @packageDocumentation
 */

/** Characters a person may put between digits: spaces of any kind, brackets, dashes, dots, slashes. */
const SEPARATORS = /[\s()[\]\-‐-―−./]+/g;

/**
 * Whether a 10-digit national number (without country code or trunk prefix) is in a block Kazakhstan uses.
 */
function isKzNational(national: string): boolean {
  if (!/^7[0-9]{9}$/.test(national)) return false;
  const second = national.charCodeAt(1) - 48;
  const third = national.charCodeAt(2) - 48;
  switch (second) {
    case 0: // 700–709 mobile
    case 1: // 710–719 geographic
    case 2: // 720–729 geographic
    case 5: // 750–759 non-geographic
    case 6: // 760–769 non-geographic
    case 7: // 770–779 mobile
      return true;
    case 4:
      return third === 7; // 747 mobile
    default:
      return false;
  }
}

/**
 * Turns a Kazakhstan phone number as a person typed it into its E.164 form `+7XXXXXXXXXX`, or `null` when it is not a
 * Kazakhstan number.
 *
 * Accepted:
 * - a prefix `+7`, `8` (domestic trunk prefix), `7`, or none (then exactly ten digits, the first being 7);
 * - spaces (including no-break spaces), brackets, dashes, dots and slashes anywhere between digits.
 *
 * Rejected (`null`): letters or other characters, `+` anywhere but at the start, too few or too many digits, and
 * national numbers outside Kazakhstan's blocks (see the module's table) — so a Russian `+7 916 …` is rejected.
 *
 * @example
 * ```ts
 * normalizeKzPhone('+7 701 123 45 67'); // '+77011234567'
 * normalizeKzPhone('8 (701) 123-45-67'); // '+77011234567'
 * normalizeKzPhone('7011234567'); // '+77011234567'
 * normalizeKzPhone('8 7172 55-66-77'); // '+77172556677' (Astana landline)
 * normalizeKzPhone('+7 916 123-45-67'); // null: Moscow mobile
 * ```
 */
export function normalizeKzPhone(input: string): string | null {
  let rest = input.trim();
  const plus = rest.startsWith('+');
  if (plus) rest = rest.slice(1);
  const digits = rest.replace(SEPARATORS, '');
  if (!/^[0-9]+$/.test(digits)) return null;
  let national: string;
  if (plus) {
    if (digits.length !== 11 || !digits.startsWith('7')) return null;
    national = digits.slice(1);
  } else if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    national = digits.slice(1);
  } else if (digits.length === 10) {
    national = digits;
  } else {
    return null;
  }
  return isKzNational(national) ? `+7${national}` : null;
}

/**
 * Formats a Kazakhstan number for display as `+7 XXX XXX XX XX`. Accepts anything {@link normalizeKzPhone} accepts;
 * returns any other input unchanged (trimmed), so that displaying a number never fails.
 *
 * Every number, landline included, is grouped 3-3-2-2 after the country code: one predictable shape, read well by
 * screen readers, whatever the length of the area code.
 *
 * @example
 * ```ts
 * formatKzPhone('+77011234567'); // '+7 701 123 45 67'
 * formatKzPhone('87172556677'); // '+7 717 255 66 77'
 * formatKzPhone('not a phone'); // 'not a phone'
 * ```
 */
export function formatKzPhone(phone: string): string {
  const normalized = normalizeKzPhone(phone);
  if (normalized === null) return phone.trim();
  const n = normalized.slice(2);
  return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8, 10)}`;
}

/**
 * Whether a number is a Kazakhstan mobile number (national number starting 70x, 747 or 77x), i.e. one that can
 * receive an SMS. Takes a normalized number (`+77011234567`) but also accepts anything {@link normalizeKzPhone}
 * accepts; `false` for everything else, landlines included.
 *
 * @example
 * ```ts
 * isKzMobile('+77011234567'); // true
 * isKzMobile('+77172556677'); // false: Astana landline
 * isKzMobile('+79161234567'); // false: not a Kazakhstan number
 * ```
 */
export function isKzMobile(phone: string): boolean {
  const normalized = normalizeKzPhone(phone);
  if (normalized === null) return false;
  const zone = normalized.slice(2, 5);
  return zone.startsWith('70') || zone.startsWith('77') || zone === '747';
}
