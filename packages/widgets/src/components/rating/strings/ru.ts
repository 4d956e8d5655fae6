// SPDX-License-Identifier: MIT
import { plural } from '../../../translations/translation.js';
import type { RatingStrings } from './index.js';

const chars = (n: number) => plural('ru', n, { one: 'символ', few: 'символа', many: 'символов', other: 'символа' });

/** `<kc-rating>` in Russian. */
const ru = {
  heading: {
    chat: 'Оцените онлайн-чат',
    call: 'Оцените звонок в контакт-центр',
    callback: 'Оцените обратный звонок',
    complaint: 'Оцените рассмотрение обращения',
  },
  callRefLabel: 'Номер звонка',
  callRefHint: 'Он пришёл вам в SMS после звонка.',
  resolvedLegend: 'Ваш вопрос решён?',
  yes: 'Да',
  no: 'Нет',
  csatLegend: 'Насколько вы удовлетворены обслуживанием?',
  csat: ['Очень плохо', 'Плохо', 'Удовлетворительно', 'Хорошо', 'Отлично'],
  cesLegend: 'Насколько легко было решить ваш вопрос?',
  ces: ['Очень трудно', 'Трудно', 'Скорее трудно', 'Ни трудно, ни легко', 'Скорее легко', 'Легко', 'Очень легко'],
  npsLegend: 'Насколько вероятно, что вы посоветуете этот способ связи знакомым?',
  npsHint: '0 — точно не посоветую, 10 — обязательно посоветую.',
  npsLow: 'точно не посоветую',
  npsHigh: 'обязательно посоветую',
  commentLabel: 'Комментарий (необязательно)',
  commentLimit: (limit) => `Не более ${limit} ${chars(limit)}.`,
  charactersLeft: (n) =>
    `${plural('ru', n, { one: 'Остался', few: 'Осталось', many: 'Осталось', other: 'Осталось' })} ${n} ${chars(n)}`,
  charactersOver: (n) => `Превышено на ${n} ${chars(n)}`,
  reasonsLegend: 'Что пошло не так? (необязательно)',
  followUp: 'Свяжитесь со мной, чтобы разобраться',
  phoneLabel: 'Номер телефона для связи',
  phoneHint: 'Казахстанский номер, например +7 701 123 45 67',
  complaintOffer: 'Если вы не согласны с тем, как рассмотрен ваш вопрос, вы можете подать жалобу.',
  complaintButton: 'Подать жалобу',
  submit: 'Отправить оценку',
  submitting: 'Отправляем…',
  errorSummary: 'Проверьте ответы',
  errors: {
    callRefRequired: 'Введите номер звонка из SMS',
    resolvedRequired: 'Ответьте, решён ли ваш вопрос',
    csatRequired: 'Выберите оценку от 1 до 5',
    commentTooLong: (limit) => `Комментарий должен быть не длиннее ${limit} ${chars(limit)}`,
    phoneRequired: 'Введите номер телефона, чтобы мы могли связаться с вами',
    phoneInvalid: 'Введите казахстанский номер телефона, например +7 701 123 45 67',
  },
  refused: 'Контакт-центр не принял оценку. Проверьте ответы и повторите попытку.',
  thanksHeading: 'Спасибо за оценку',
  thanks: 'Ваш ответ поможет контакт-центру работать лучше.',
  thanksFollowUp: 'Специалист свяжется с вами, чтобы разобраться.',
  thanksQueued:
    'Сейчас нет связи с контакт-центром: оценка сохранена на этом устройстве и будет отправлена автоматически.',
  delivered: 'Оценка отправлена.',
  alreadyHeading: 'Оценка уже получена',
  already: 'Каждый контакт можно оценить один раз. Спасибо!',
} satisfies RatingStrings;

export default ru;
