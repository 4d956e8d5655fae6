// SPDX-License-Identifier: MIT
import { plural, type Translation } from './translation.js';

// A Kazakh noun stays singular after a numeral («3 хабарлама»), so most `one` and `other` forms are alike.
const notices = (n: number) => plural('kk', n, { one: 'хабарлама', other: 'хабарлама' });

/** Kazakh (қазақ тілі) in Cyrillic script. A Latin-script catalog would be `kk-Latn`. */
const kk = {
  $code: 'kk',
  $name: 'Қазақша',
  $dir: 'ltr',
  $content: 'kk',

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
