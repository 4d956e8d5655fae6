// SPDX-License-Identifier: MIT
import { formatList, plural, type Translation } from './translation.js';

const notices = (n: number) =>
  plural('ru', n, { one: 'уведомление', few: 'уведомления', many: 'уведомлений', other: 'уведомления' });

/** Russian (русский). */
const ru = {
  $code: 'ru',
  $name: 'Русский',
  $dir: 'ltr',
  $content: 'ru',
  $dates: 'intl',

  common: {
    loading: 'Загрузка…',
    retry: 'Повторить',
    errorHeading: 'Не удалось загрузить данные',
    errorNetwork: 'Нет связи с сервером контакт-центра. Проверьте подключение к интернету и повторите попытку.',
    errorRateLimited: (seconds) =>
      seconds
        ? `Слишком много запросов. Повторите через ${seconds} ${plural('ru', seconds, { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' })}.`
        : 'Слишком много запросов. Повторите попытку чуть позже.',
    errorUnknown: 'Произошла ошибка. Повторите попытку или свяжитесь с контакт-центром другим способом.',
    errorNoClient: 'Сервис временно недоступен.',
    channel: {
      web: 'сайт',
      chat: 'онлайн-чат',
      phone: 'телефон',
      callback: 'обратный звонок',
      email: 'электронная почта',
      messenger: 'мессенджеры',
      visit: 'личный приём',
      e_otinish: 'eOtinish',
    },
    list: (items) => formatList('ru', items),
    help: 'Помощь контакт-центра',
  },

  outageBanner: {
    heading: (count) => (count > 1 ? `Прерывание обслуживания: ${count} ${notices(count)}` : 'Прерывание обслуживания'),
    severity: {
      info: 'Информация',
      minor: 'Частичное прерывание',
      major: 'Серьёзное прерывание',
      critical: 'Критическое прерывание',
    },
    activeSince: (time) => `Действует с ${time}`,
    scheduledFor: (time) => `Запланировано на ${time}`,
    affectedChannels: 'Затронутые каналы',
    alternativeChannels: 'Альтернативные каналы связи',
    expectedResume: (time) => `Ожидаемое время восстановления: ${time}`,
    resumeUnknown: 'Время восстановления пока неизвестно.',
    dismiss: 'Скрыть',
    dismissLabel: (severity) => `Скрыть уведомление «${severity}»`,
    dismissed: 'Уведомление скрыто.',
    announceNew: (count) =>
      count > 1
        ? `${count} ${plural('ru', count, { one: 'новое уведомление', few: 'новых уведомления', many: 'новых уведомлений', other: 'новых уведомления' })} о прерывании обслуживания.`
        : 'Новое уведомление о прерывании обслуживания.',
  },
} satisfies Translation;

export default ru;
