// SPDX-License-Identifier: MIT
import { plural, type DateParts, type Translation } from './translation.js';

// A Kazakh noun stays singular after a numeral («3 хабарлама»), so most `one` and `other` forms are alike.
const notices = (n: number) => plural('kk', n, { one: 'хабарлама', other: 'хабарлама' });

// Month names as they follow a day number (`23 қараша`), January first; days of the week from Monday.
const months = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;
const weekdays = ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'] as const;

/**
 * Kazakh dates written from the names above, not by `Intl`: Debian's Chromium ships no Kazakh date data and would
 * write `M11 23 09:00`. The order is the standard one: `2026 жылғы 23 қараша, дүйсенбі, 09:00 GMT+5`.
 */
const dates = (p: DateParts): string => {
  const day = [
    p.year === undefined ? '' : `${p.year} жылғы`,
    p.day ?? '',
    p.month === undefined ? '' : (months[p.month] ?? ''),
  ]
    .filter(Boolean)
    .join(' ');
  const head = [day, p.weekday === undefined ? '' : (weekdays[p.weekday] ?? ''), p.time ?? '']
    .filter(Boolean)
    .join(', ');
  return p.zone ? `${head} ${p.zone}` : head;
};

/** Kazakh (қазақ тілі) in Cyrillic script. A Latin-script catalog would be `kk-Latn`. */
const kk = {
  $code: 'kk',
  $name: 'Қазақша',
  $dir: 'ltr',
  $content: 'kk',
  $dates: dates,

  common: {
    loading: 'Жүктелуде…',
    retry: 'Қайталау',
    errorHeading: 'Деректер жүктелмеді',
    errorNetwork: 'Байланыс орталығының серверімен байланыс жоқ. Интернетке қосылуды тексеріп, қайталап көріңіз.',
    errorRateLimited: (seconds) =>
      seconds
        ? `Сұраулар тым көп. ${seconds} секундтан кейін қайталаңыз.`
        : 'Сұраулар тым көп. Біраз уақыттан кейін қайталаңыз.',
    errorUnknown: 'Қате орын алды. Қайталап көріңіз немесе байланыс орталығына басқа жолмен хабарласыңыз.',
    errorNoClient: 'Қызмет уақытша қолжетімсіз.',
    channel: {
      web: 'сайт',
      chat: 'онлайн-чат',
      phone: 'телефон',
      callback: 'кері қоңырау',
      email: 'электрондық пошта',
      messenger: 'мессенджерлер',
      visit: 'жеке қабылдау',
      e_otinish: 'eOtinish',
    },
    // Not Intl.ListFormat: browsers' Kazakh data differ (Chromium joins with a bare comma).
    list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} және ${items.at(-1)}`),
    help: 'Байланыс орталығының көмегі',
  },

  outageBanner: {
    heading: (count) =>
      count > 1 ? `Қызмет көрсетудің үзілуі: ${count} ${notices(count)}` : 'Қызмет көрсетудің үзілуі',
    severity: {
      info: 'Ақпарат',
      minor: 'Ішінара үзіліс',
      major: 'Елеулі үзіліс',
      critical: 'Сыни үзіліс',
    },
    activeSince: (time) => `Басталған уақыты: ${time}`,
    scheduledFor: (time) => `Жоспарланған уақыты: ${time}`,
    affectedChannels: 'Үзіліс болған арналар',
    alternativeChannels: 'Балама байланыс арналары',
    expectedResume: (time) => `Қалпына келтірудің күтілетін уақыты: ${time}`,
    resumeUnknown: 'Қалпына келтіру уақыты әзірге белгісіз.',
    dismiss: 'Жасыру',
    dismissLabel: (severity) => `«${severity}» хабарламасын жасыру`,
    dismissed: 'Хабарлама жасырылды.',
    announceNew: (count) =>
      count > 1
        ? `Қызмет көрсетудің үзілуі туралы ${count} жаңа ${notices(count)}.`
        : 'Қызмет көрсетудің үзілуі туралы жаңа хабарлама.',
  },
} satisfies Translation;

export default kk;
