// SPDX-License-Identifier: MIT
import { plural } from '../../../translations/translation.js';
import type { ChatStrings } from './index.js';

const n = (count: number, one: string, few: string, many: string) =>
  `${count} ${plural('ru', count, { one, few, many, other: few })}`;

/** Russian (русский). */
const ru = {
  launcher: 'Чат с контакт-центром',
  launcherUnread: (count) =>
    `Чат с контакт-центром, ${n(count, 'новое сообщение', 'новых сообщения', 'новых сообщений')}`,
  title: 'Онлайн-чат',
  hide: 'Свернуть чат',
  openNow: 'Сейчас работает',
  closedNow: 'Сейчас не работает',
  opensAt: (time) => `Сейчас не работает. Откроется ${time}`,

  kbIntro: 'Напишите вопрос: мы покажем ответы из базы знаний. Оператор — в один шаг.',
  kbLabel: 'Ваш вопрос',
  kbSearching: 'Ищем в базе знаний…',
  kbFound: (count) => `${n(count, 'ответ', 'ответа', 'ответов')} из базы знаний`,
  kbNone: 'Готового ответа нет. Напишите оператору.',
  kbMore: 'Подробнее на сайте',
  askOperator: 'Написать оператору',

  consentHeading: 'Перед началом чата',
  consentNotice: 'Полный текст уведомления',
  consentAccept: 'Согласен, начать чат',
  back: 'Назад',
  starting: 'Подключаемся к контакт-центру…',
  startFailed: 'Не удалось начать чат.',

  queuePosition: (position) => (position ? `Вы ${position}-й в очереди.` : 'Вы в очереди.'),
  queueWait: (minutes) => `Время ожидания: около ${n(minutes, 'минуты', 'минут', 'минут')}.`,
  queueWaitUnknown: 'Время ожидания пока неизвестно.',
  longWait: 'Ожидание долгое. Мы можем перезвонить вам, или выберите другой канал связи.',
  closedOffer: 'Контакт-центр сейчас не работает. Закажите обратный звонок в часы работы или выберите другой канал.',
  requestCallback: 'Заказать обратный звонок',
  otherChannels: 'Другие каналы связи',
  callbackUnavailable: 'Не удалось загрузить форму обратного звонка. Воспользуйтесь другим каналом связи.',

  log: 'Переписка',
  you: 'Вы',
  operator: 'Оператор',
  center: 'Контакт-центр',
  status: {
    sending: 'Отправляется…',
    queued: 'Ещё не отправлено: уйдёт, когда появится связь',
    sent: 'Отправлено',
    delivered: 'Доставлено',
    read: 'Прочитано',
    failed: 'Не отправлено',
  },
  retry: 'Отправить ещё раз',
  typing: (name) => `${name} печатает…`,
  joined: (name) => `Оператор ${name} подключился к чату.`,
  left: (name) => `Оператор ${name} вышел из чата.`,
  transferred: (name) => (name ? `Чат передан оператору ${name}.` : 'Чат снова в очереди.'),
  newMessage: (author, text) => `${author}: ${text}`,
  savedOffline: 'Нет связи. Сообщение сохранено и будет отправлено, когда связь появится.',
  earlier: 'Показать предыдущие сообщения',
  quickReplies: 'Быстрые ответы',
  input: 'Сообщение',
  send: 'Отправить',
  attach: 'Прикрепить файл',
  uploading: (name) => `Загрузка ${name}`,
  uploadFailed: (name) => `Не удалось загрузить ${name}.`,
  removeFile: (name) => `Убрать ${name}`,
  kilobytes: (size) => `${size} КБ`,

  offline: 'Нет связи. Ваши сообщения сохранены и будут отправлены, когда связь появится.',
  outageHeading: 'Прерывание обслуживания',
  resumesAt: (time) => `Ожидаемое время восстановления: ${time}`,
  resumeUnknown: 'Время восстановления пока неизвестно.',
  alternatives: 'Альтернативные каналы связи',
  inactivity: (time) => `Напишите что-нибудь, чтобы продолжить: иначе чат закроется в ${time}.`,

  end: 'Завершить чат',
  endConfirm: 'Завершить чат?',
  endYes: 'Да, завершить',
  endNo: 'Нет, продолжить',
  ended: {
    citizen_closed: 'Вы завершили чат.',
    operator_closed: 'Чат завершён.',
    inactivity: 'Чат закрыт после долгого молчания.',
    center_closed: 'Чат закрыт: контакт-центр сейчас не работает.',
    outage: 'Чат закрыт из-за прерывания обслуживания.',
  },
  transcript: 'Сохранить переписку',
  transcriptFile: 'chat.txt',
  newChat: 'Начать новый чат',
  ratingUnavailable: 'Не удалось загрузить форму оценки.',
} satisfies ChatStrings;

export default ru;
