// SPDX-License-Identifier: MIT
import type { Channel, Locale, OutageSeverity } from '@kc/sdk';

/** A channel through which a citizen reaches the contact center (the contract's `Channel`). */
export type ChannelName = Channel;

/** How bad an outage is (the contract's `OutageSeverity`). */
export type SeverityName = OutageSeverity;

/** The language of a server text (`LocalizedText`) that a catalog shows. */
export type ContentLanguage = Locale;

/**
 * An instant split into what a date writer needs, in the center's time zone with Latin digits: `month` 0–11,
 * `weekday` 0–6 from Monday, `time` as `HH:mm` (24 hours), `zone` as `GMT+5`. Only the parts asked for are set.
 */
export interface DateParts {
  year?: string;
  month?: number;
  day?: string;
  weekday?: number;
  time?: string;
  zone?: string;
}

/**
 * How a catalog writes dates and times: `'intl'` to let the browser's `Intl.DateTimeFormat` do it (its data for the
 * language are complete everywhere), or a function that writes them from the catalog's own month and day names,
 * for a language some browsers have no date data for (Debian's Chromium writes Kazakh dates as `M11 23`).
 */
export type DateWriter = 'intl' | ((parts: DateParts) => string);

/**
 * Every user-visible string of the kc widgets in one language.
 *
 * One section per element (`outageBanner`, …) plus `common` for what several elements show. A catalog is a
 * module that exports an object `satisfies Translation`, so a locale that misses a key does not compile. Entries
 * that need a number or a value are functions; counts go through {@link plural}.
 *
 * Keys are camelCase nouns or short phrases of what the text is (`heading`, `dismiss`, `expectedResume`), never
 * the English wording itself, so that wording can change without renaming.
 */
export interface Translation {
  /** The BCP 47 tag of this catalog (`kk`, `ru`, `en`, later `kk-Latn`); set as `lang` on each widget's root. */
  $code: string;
  /** The language's own name, for language pickers (`Қазақша`). */
  $name: string;
  /** Text direction of the language. */
  $dir: 'ltr' | 'rtl';
  /** Which member of a server's `LocalizedText` to show in this catalog (`kk-Latn` would still read `kk`). */
  $content: ContentLanguage;
  /** How dates and times are written in this language; see {@link DateWriter}. */
  $dates: DateWriter;

  common: {
    loading: string;
    retry: string;
    /** The heading of the in-place error state. */
    errorHeading: string;
    /** No answer from the server: offline, DNS, CORS, timeout. */
    errorNetwork: string;
    /** The server refused for now (HTTP 429); `seconds` is how long to wait, when known. */
    errorRateLimited: (seconds: number | undefined) => string;
    /** Any other failure. */
    errorUnknown: string;
    /** Shown when no `<kc-provider>`, `base-url` or `client` tells the element where the contact center is. */
    errorNoClient: string;
    /** The name of each channel as a citizen knows it. */
    channel: Record<ChannelName, string>;
    /** Joins a list: `["чат", "телефон"]` → `чат и телефон`. */
    list: (items: readonly string[]) => string;
    /** The help every widget shows last: the name of the disclosure with the contact center's channels. */
    help: string;
  };

  outageBanner: {
    /** The heading that labels the banner's region; `count` is the number of notices shown. */
    heading: (count: number) => string;
    severity: Record<SeverityName, string>;
    /** An outage in progress since `time` (formatted date and time). */
    activeSince: (time: string) => string;
    /** A planned outage that starts at `time`. */
    scheduledFor: (time: string) => string;
    affectedChannels: string;
    alternativeChannels: string;
    expectedResume: (time: string) => string;
    resumeUnknown: string;
    /** The visible text of the dismiss button. */
    dismiss: string;
    /** The accessible name of the dismiss button of one notice. */
    dismissLabel: (severity: string) => string;
    /** Announced politely after a notice is dismissed. */
    dismissed: string;
    /** Announced politely when a notice appears while the page is open. */
    announceNew: (count: number) => string;
  };
}

/** A per-instance override of some strings: any key of any section (`el.strings = { common: { retry: '…' } }`). */
export type StringsOverride = { [S in Exclude<keyof Translation, `$${string}`>]?: Partial<Translation[S]> };

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the plural form of `count` for `locale` with `Intl.PluralRules`: Russian uses `one` / `few` / `many`,
 * Kazakh and English `one` / `other`. A form the language does not use may be left out; `other` is the fallback.
 *
 * @example
 * plural('ru', 3, { one: 'уведомление', few: 'уведомления', many: 'уведомлений', other: 'уведомления' })
 * // → 'уведомления'
 */
export function plural(
  locale: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Joins `items` as a conjunction in `locale` (`a, b и c`). */
export function formatList(locale: string, items: readonly string[]): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}
