// SPDX-License-Identifier: MIT
import { plural } from '../../../translations/translation.js';
import type { CallbackStrings } from './index.js';

const minutes = (n: number) =>
  `${n} ${plural('ru', n, { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' })}`;
const minutesAcc = (n: number) =>
  `${n} ${plural('ru', n, { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' })}`;

/** `<kc-callback>` in Russian. */
const ru = {
  heading: 'Обратный звонок',
  intro: 'Оставьте номер телефона, и оператор контакт-центра вам перезвонит.',
  openNow: 'Контакт-центр сейчас работает.',
  wait: (n) => `Время ожидания звонка — около ${minutes(n)}.`,
  closedUntil: (opens) => `Контакт-центр сейчас не работает. Начнёт работу ${opens}.`,
  closed: 'Контакт-центр сейчас не работает.',
  whenLegend: 'Когда вам позвонить?',
  asap: 'Как можно скорее',
  asapHint: (n) => `Примерно через ${minutesAcc(n)}`,
  chooseTime: 'В выбранное время',
  dayLegend: 'День',
  timeLegend: (day) => `Время, ${day}`,
  centerZone: (zone) => `Время указано по часовому поясу контакт-центра (${zone}).`,
  yourTime: (time) => `у вас ${time}`,
  noSlots: 'В ближайшие дни свободного времени нет. Попробуйте позже или позвоните в контакт-центр.',
  topicLabel: 'Тема звонка',
  topicHint: 'Коротко: о чём вы хотите поговорить. Оператор назовёт тему, когда позвонит.',
  phoneLabel: 'Номер телефона',
  phoneHint: 'Казахстанский номер, например +7 701 123 45 67',
  nameLabel: 'Как к вам обращаться (необязательно)',
  nameHint: 'Имя, можно на казахском или русском языке',
  languageLabel: 'Язык разговора',
  languages: { kk: 'Қазақша', ru: 'Русский', en: 'English' },
  consentLegend: 'Согласие на сбор и обработку персональных данных',
  consentDetails: 'Кто и зачем обрабатывает ваши данные',
  consentOperator: 'Оператор',
  consentData: 'Какие данные',
  consentPurpose: 'Цель',
  consentRetention: 'Срок хранения',
  consentThirdParties: 'Передача третьим лицам',
  consentWithdrawal: 'Как отозвать согласие',
  operatorWithBin: (name, bin) => `${name}, БИН ${bin}`,
  submit: 'Заказать обратный звонок',
  submitting: 'Отправляем…',
  errorSummary: 'Проверьте данные',
  errors: {
    slotRequired: 'Выберите время звонка',
    topicRequired: 'Напишите тему звонка',
    topicTooLong: (limit) => `Тема звонка должна быть не длиннее ${limit} символов`,
    phoneRequired: 'Введите номер телефона',
    phoneInvalid: 'Введите казахстанский номер телефона, например +7 701 123 45 67',
    nameInvalid: 'Имя может содержать только буквы, пробел, дефис и апостроф',
    consentRequired: 'Чтобы оператор мог позвонить, дайте согласие на сбор и обработку персональных данных',
    slotTaken: 'Это время только что заняли. Выберите другое время',
  },
  refused: 'Контакт-центр не принял заявку. Проверьте данные и повторите попытку.',
  confirmedHeading: 'Заявка на обратный звонок принята',
  confirmedAsap: (time) =>
    time ? `Оператор позвонит вам как можно скорее, примерно ${time}.` : 'Оператор позвонит вам как можно скорее.',
  confirmedSlot: (time) => `Оператор позвонит вам ${time}.`,
  phoneShown: 'Номер',
  topicShown: 'Тема',
  statusShown: 'Статус',
  status: {
    requested: 'ожидает звонка',
    scheduled: 'запланирован',
    in_progress: 'оператор звонит',
    completed: 'состоялся',
    missed: 'не удалось дозвониться',
    cancelled: 'отменён',
  },
  statusOther: 'обновлён',
  reschedule: 'Изменить время',
  rescheduleLegend: 'Новое время звонка',
  rescheduleSave: 'Сохранить новое время',
  rescheduleKeep: 'Оставить прежнее время',
  rescheduled: 'Время звонка изменено.',
  cancel: 'Отменить звонок',
  cancelling: 'Отменяем…',
  cancelledHeading: 'Обратный звонок отменён',
  cancelled: 'Оператор не будет звонить. Если понадобится, закажите звонок снова.',
  again: 'Заказать новый звонок',
  queuedHeading: 'Заявка сохранена на этом устройстве',
  queued:
    'Сейчас нет связи с контакт-центром. Заявка уйдёт автоматически, когда связь восстановится; заполнять её заново не нужно.',
  queuedKeepOpen: 'Не закрывайте эту страницу, пока заявка не отправлена.',
  sendNow: 'Отправить сейчас',
  deliveredLater: 'Связь восстановилась: заявка на обратный звонок принята.',
} satisfies CallbackStrings;

export default ru;
