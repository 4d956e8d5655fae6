// SPDX-License-Identifier: MIT
/**
 * The demo contact center: the akimat of Altynkala, a fictional city (its BIN is fictitious and only passes the
 * checksum). Everything a widget shows comes from here, in Kazakh, Russian and English.
 *
 * @packageDocumentation
 */
import type { Category, Config, LocalizedText } from '../wire.js';
import { KZ_HOLIDAYS_2025_2027, KZ_WORKING_DAYS_2025_2027 } from './holidays.js';

/** The demo akimat's BIN (fictitious; valid checksum). */
export const DEMO_BIN = '990340004562';

const AKIMAT: LocalizedText = {
  kk: 'Алтынқала қаласының әкімдігі',
  ru: 'Акимат города Алтынкала',
  en: 'Akimat of the city of Altynkala',
};

/**
 * Working hours: Monday to Friday 09:00–18:30 without a lunch break (operators take staggered breaks, so the line
 * never closes at noon), in Asia/Almaty.
 */
const HOURS = [{ open: '09:00', close: '18:30' }];

const HOURS_TEXT: LocalizedText = {
  kk: 'Дүйсенбі–жұма, 09:00–18:30, үзіліссіз; мереке күндері демалыс',
  ru: 'Понедельник–пятница, 09:00–18:30, без перерыва; в праздничные дни выходной',
  en: 'Monday to Friday, 09:00–18:30, no lunch break; closed on public holidays',
};

const c = (
  id: string,
  parentId: string | null,
  kk: string,
  ru: string,
  en: string,
  kinds?: Category['kinds'],
): Category => ({
  id,
  parentId,
  name: { kk, ru, en },
  ...(kinds && { kinds }),
});

/** The category classifier (clause 9.1): ten areas of a city's life, each with its sub-categories. */
export const DEMO_CATEGORIES: Category[] = [
  c('utilities', null, 'Коммуналдық қызметтер', 'Коммунальные услуги', 'Utilities'),
  c(
    'utilities.water',
    'utilities',
    'Сумен жабдықтау және су бұру',
    'Водоснабжение и водоотведение',
    'Water and sewerage',
  ),
  c('utilities.heating', 'utilities', 'Жылумен жабдықтау', 'Теплоснабжение', 'Heating'),
  c('utilities.electricity', 'utilities', 'Электрмен жабдықтау', 'Электроснабжение', 'Electricity'),
  c('utilities.gas', 'utilities', 'Газбен жабдықтау', 'Газоснабжение', 'Gas supply'),
  c('utilities.waste', 'utilities', 'Қоқыс шығару', 'Вывоз мусора', 'Waste collection'),
  c('roads', null, 'Жолдар және абаттандыру', 'Дороги и благоустройство', 'Roads and public spaces'),
  c('roads.repair', 'roads', 'Жолдарды жөндеу', 'Ремонт дорог', 'Road repair'),
  c('roads.lighting', 'roads', 'Көше жарығы', 'Уличное освещение', 'Street lighting'),
  c('roads.snow', 'roads', 'Қар тазалау', 'Уборка снега', 'Snow clearing'),
  c('roads.yards', 'roads', 'Аулаларды абаттандыру', 'Благоустройство дворов', 'Courtyards and playgrounds'),
  c('social', null, 'Әлеуметтік қорғау', 'Социальная защита', 'Social protection'),
  c(
    'social.benefits',
    'social',
    'Әлеуметтік көмек және жәрдемақылар',
    'Социальная помощь и пособия',
    'Social assistance and benefits',
  ),
  c('social.pensions', 'social', 'Зейнетақылар', 'Пенсии', 'Pensions'),
  c(
    'social.disability',
    'social',
    'Мүгедектігі бар адамдарды қолдау',
    'Поддержка лиц с инвалидностью',
    'Support for persons with disabilities',
  ),
  c('social.employment', 'social', 'Жұмыспен қамту', 'Занятость', 'Employment'),
  c('land', null, 'Жер қатынастары', 'Земельные отношения', 'Land'),
  c('land.plots', 'land', 'Жер учаскелерін беру', 'Предоставление земельных участков', 'Land plot allocation'),
  c('land.construction', 'land', 'Сәулет және құрылыс', 'Архитектура и строительство', 'Architecture and construction'),
  c('housing', null, 'Тұрғын үй', 'Жилье', 'Housing'),
  c('housing.queue', 'housing', 'Тұрғын үй кезегі', 'Очередь на жилье', 'Housing waiting list'),
  c(
    'housing.management',
    'housing',
    'Көппәтерлі тұрғын үйді басқару',
    'Управление многоквартирным домом',
    'Apartment building management',
  ),
  c('transport', null, 'Қоғамдық көлік', 'Общественный транспорт', 'Public transport'),
  c('transport.routes', 'transport', 'Бағыттар мен кесте', 'Маршруты и расписание', 'Routes and timetables'),
  c('transport.service', 'transport', 'Көліктегі қызмет көрсету', 'Обслуживание в транспорте', 'Service on board'),
  c('education', null, 'Білім беру', 'Образование', 'Education'),
  c('education.kindergarten', 'education', 'Балабақшаға кезек', 'Очередь в детский сад', 'Kindergarten places'),
  c('education.schools', 'education', 'Мектептер', 'Школы', 'Schools'),
  c('health', null, 'Денсаулық сақтау', 'Здравоохранение', 'Health'),
  c('health.clinics', 'health', 'Емханалар', 'Поликлиники', 'Clinics'),
  c('health.medicines', 'health', 'Дәрі-дәрмекпен қамтамасыз ету', 'Лекарственное обеспечение', 'Medicines'),
  c('ecology', null, 'Экология', 'Экология', 'Environment'),
  c('ecology.greenery', 'ecology', 'Көгалдандыру', 'Озеленение', 'Trees and greenery'),
  c(
    'ecology.pollution',
    'ecology',
    'Ауаның және судың ластануы',
    'Загрязнение воздуха и воды',
    'Air and water pollution',
  ),
  c('contact-center', null, 'Байланыс орталығының жұмысы', 'Работа контакт-центра', "The contact center's work", [
    'complaint',
    'proposal',
  ]),
];

/** The public configuration of the demo center, valid against the contract's `Config`. */
export const demoConfig: Config = {
  name: {
    kk: 'Алтынқала қаласы әкімдігінің байланыс орталығы',
    ru: 'Контакт-центр акимата города Алтынкала',
    en: 'Altynkala city akimat contact center',
  },
  defaultLocale: 'kk',
  locales: ['kk', 'ru', 'en'],
  schedule: {
    timeZone: 'Asia/Almaty',
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, intervals: HOURS })),
    holidays: KZ_HOLIDAYS_2025_2027,
    workingDays: KZ_WORKING_DAYS_2025_2027,
  },
  channels: [
    {
      id: 'phone-109',
      channel: 'phone',
      label: { kk: 'Қалалық байланыс орталығы', ru: 'Городской контакт-центр', en: 'City contact center' },
      value: '109',
      href: 'tel:109',
      free: true,
      hours: HOURS_TEXT,
    },
    {
      id: 'phone-1414',
      channel: 'phone',
      label: {
        kk: 'Мемлекеттік қызметтер жөніндегі бірыңғай байланыс орталығы',
        ru: 'Единый контакт-центр по вопросам государственных услуг',
        en: 'Unified contact center for public services',
      },
      value: '1414',
      href: 'tel:1414',
      free: true,
    },
    {
      id: 'email',
      channel: 'email',
      label: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
      value: 'info@altynkala.example.kz',
      href: 'mailto:info@altynkala.example.kz',
      free: true,
    },
    {
      id: 'whatsapp',
      channel: 'messenger',
      label: { kk: 'WhatsApp', ru: 'WhatsApp', en: 'WhatsApp' },
      value: '+7 701 000 01 09',
      href: 'https://wa.me/77010000109',
      free: true,
      hours: HOURS_TEXT,
    },
    {
      id: 'telegram',
      channel: 'messenger',
      label: { kk: 'Telegram-бот', ru: 'Telegram-бот', en: 'Telegram bot' },
      value: '@altynkala_akimat_bot',
      href: 'https://t.me/altynkala_akimat_bot',
      free: true,
    },
    {
      id: 'e-otinish',
      channel: 'e_otinish',
      label: { kk: 'eOtinish жүйесі', ru: 'Система eOtinish', en: 'eOtinish system' },
      value: 'eotinish.kz',
      href: 'https://eotinish.kz/',
      free: true,
    },
    {
      id: 'reception',
      channel: 'visit',
      label: { kk: 'Әкімдіктің қабылдау бөлмесі', ru: 'Приемная акимата', en: "The akimat's reception" },
      value: 'Алтынқала қ., Бейбітшілік даңғылы, 1',
      free: true,
      hours: HOURS_TEXT,
    },
  ],
  waiting: {
    free: true,
    notice: {
      kk: 'Күту тегін. Оператор жауап бергенше күтіңіз немесе кері қоңырауға тапсырыс беріңіз.',
      ru: 'Ожидание бесплатное. Дождитесь ответа оператора или закажите обратный звонок.',
      en: 'Waiting is free of charge. Please wait for an operator, or order a callback.',
    },
    announceIntervalSeconds: 60,
  },
  thresholds: { offerCallbackAboveWaitSeconds: 120, inactivityWarningSeconds: 600, inactivityCloseSeconds: 120 },
  appeals: {
    kinds: [
      {
        kind: 'complaint',
        name: { kk: 'Шағым', ru: 'Жалоба', en: 'Complaint' },
        description: {
          kk: 'Әкімшілік актіге, әрекетке немесе әрекетсіздікке, оның ішінде байланыс орталығының жұмысына шағым.',
          ru: 'Жалоба на административный акт, действие или бездействие, в том числе на работу контакт-центра.',
          en: 'A complaint about an administrative act, action or inaction, including the work of the contact center.',
        },
        // Administrative Procedural Code, art. 100: 20 working days (check the current text before production).
        deadlineWorkingDays: 20,
        deadline: {
          kk: 'Шағым тіркелген күнінен кейінгі 20 жұмыс күні ішінде қаралады. Мерзім ұзартылса, себебін, жаңа мерзімді және іс-қимыл жоспарын хабарлаймыз.',
          ru: 'Жалоба рассматривается в течение 20 рабочих дней со дня, следующего за регистрацией. При продлении срока мы сообщим причину, новый срок и план действий.',
          en: 'A complaint is considered within 20 working days from the day after registration. If the term is extended, we tell you why, the new date and the plan.',
        },
      },
      {
        kind: 'application',
        name: { kk: 'Арыз', ru: 'Заявление', en: 'Application' },
        description: {
          kk: 'Құқықтарыңызды, бостандықтарыңызды немесе заңды мүдделеріңізді іске асыру туралы арыз.',
          ru: 'Заявление о реализации ваших прав, свобод или законных интересов.',
          en: 'An application to exercise your rights, freedoms or legitimate interests.',
        },
        deadlineWorkingDays: 15,
        deadline: {
          kk: 'Арыз 15 жұмыс күні ішінде қаралады; негізделген жағдайда мерзім екі айға дейін ұзартылуы мүмкін, бұл туралы 3 жұмыс күні ішінде хабарлаймыз.',
          ru: 'Заявление рассматривается в течение 15 рабочих дней; в обоснованных случаях срок может быть продлен до двух месяцев, о чем мы сообщим в течение 3 рабочих дней.',
          en: 'An application is considered within 15 working days; with reason the term may be extended up to two months, and we tell you within 3 working days.',
        },
      },
      {
        kind: 'request',
        name: { kk: 'Сұрау салу', ru: 'Запрос', en: 'Request for information' },
        description: {
          kk: 'Әкімдіктің қызметі туралы ақпарат алу үшін сұрау салу.',
          ru: 'Запрос на получение информации о деятельности акимата.',
          en: "A request for information about the akimat's work.",
        },
        // Kept equal to applications; the access-to-information law may set a shorter term (check).
        deadlineWorkingDays: 15,
        deadline: {
          kk: 'Сұрау салуға 15 жұмыс күні ішінде жауап береміз.',
          ru: 'На запрос мы ответим в течение 15 рабочих дней.',
          en: 'We answer a request within 15 working days.',
        },
      },
      {
        kind: 'proposal',
        name: { kk: 'Ұсыныс', ru: 'Предложение', en: 'Proposal' },
        description: {
          kk: 'Қала өмірін немесе әкімдіктің жұмысын жақсарту туралы ұсыныс.',
          ru: 'Предложение по улучшению жизни города или работы акимата.',
          en: "A proposal to improve city life or the akimat's work.",
        },
        deadlineWorkingDays: 15,
        deadline: {
          kk: 'Ұсыныс 15 жұмыс күні ішінде қаралады.',
          ru: 'Предложение рассматривается в течение 15 рабочих дней.',
          en: 'A proposal is considered within 15 working days.',
        },
      },
    ],
    categories: DEMO_CATEGORIES,
    procedure: {
      kk: 'Шағымды немесе өтінішті осы сайтта, 109 нөміріне қоңырау шалып, eOtinish жүйесінде немесе әкімдіктің қабылдау бөлмесінде беруге болады. Өтініш тіркелген сәтте сізге өтініш нөмірі мен қол жеткізу коды беріледі: олар арқылы мәртебені, жауапты бөлімшені және қарау мерзімін бақылайсыз. Шағым санатқа бөлініп, жауапты бөлімшеге жіберіледі; қажет болса жоғары тұрған маманға беріледі. Мерзім ұзартылса немесе өтініш басқа органға жіберілсе, сізге хабарлаймыз, ал өтініш нөмірі жұмыс істей береді. Нәтиже туралы таңдаған байланыс тәсілі арқылы хабарлаймыз. Байланыс орталығының жұмысына шағымды «Байланыс орталығының жұмысы» санатында беріңіз.',
      ru: 'Жалобу или обращение можно подать на этом сайте, по телефону 109, через систему eOtinish или в приемной акимата. При регистрации вы получите номер обращения и код доступа: по ним вы следите за статусом, ответственным подразделением и сроком рассмотрения. Жалоба распределяется по категории и передается ответственному подразделению, при необходимости — вышестоящему специалисту. Если срок продлевается или обращение перенаправляется в другой орган, мы сообщим об этом, а номер обращения продолжит работать. О результате сообщим выбранным вами способом. Жалобу на работу контакт-центра подайте в категории «Работа контакт-центра».',
      en: "You can file a complaint or an appeal on this site, by phone on 109, through the eOtinish system or at the akimat's reception. On registration you get a tracking number and an access code: with them you follow the status, the responsible department and the due date. A complaint is categorised and passed to the responsible department, and escalated to a senior specialist when needed. If the term is extended or the appeal is forwarded to another body, we tell you, and the tracking number keeps working. We tell you the outcome the way you chose. To complain about the contact center itself, choose the category \u201cThe contact center's work\u201d.",
    },
  },
  attachments: {
    allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
    maxBytes: 10 * 1024 * 1024,
    maxCount: 5,
    maxTotalBytes: 25 * 1024 * 1024,
  },
  privacy: {
    version: '2026-07-12',
    operatorName: AKIMAT,
    operatorBin: DEMO_BIN,
    data: {
      kk: 'ЖСН немесе БСН, тегі, аты, әкесінің аты, телефон нөмірі, электрондық пошта, өтініштің, чаттың және қоңыраудың мазмұны, тіркелген файлдар, бағалаулар.',
      ru: 'ИИН или БИН, фамилия, имя, отчество, номер телефона, электронная почта, содержание обращения, чата и звонка, приложенные файлы, оценки.',
      en: 'IIN or BIN, surname, first name, patronymic, phone number, e-mail, the content of the appeal, chat and call, attached files, ratings.',
    },
    purpose: {
      kk: 'Өтінішті тіркеу, қарау және оған жауап беру, кері қоңырау шалу, қызмет сапасын бағалау және заңда белгіленген есептілік.',
      ru: 'Регистрация, рассмотрение обращения и ответ на него, обратный звонок, оценка качества обслуживания и отчетность, предусмотренная законом.',
      en: 'To register, consider and answer the appeal, to call back, to assess service quality, and for reporting required by law.',
    },
    retention: {
      kk: 'Өтініш бойынша іс жүргізу аяқталғаннан кейін 5 жыл; чат пен қоңырау жазбалары — 1 жыл.',
      ru: '5 лет после завершения производства по обращению; записи чатов и звонков — 1 год.',
      en: '5 years after the appeal is closed; chat and call records 1 year.',
    },
    thirdParties: {
      kk: 'Өтінішті қарауға құзыретті мемлекеттік органдарға және «eOtinish» ақпараттық жүйесіне беріледі. Деректер Қазақстан аумағында сақталады және шетелге берілмейді.',
      ru: 'Передаются государственным органам, компетентным рассмотреть обращение, и в информационную систему «eOtinish». Данные хранятся на территории Казахстана и за рубеж не передаются.',
      en: 'Passed to state bodies competent to consider the appeal and to the eOtinish information system. The data is stored in Kazakhstan and never passed abroad.',
    },
    withdrawal: {
      kk: 'Келісімді кез келген уақытта 109 нөміріне қоңырау шалып немесе әкімдікке жазбаша өтініш беріп кері қайтарып алуға болады; заңда көзделген жағдайларды қоспағанда, деректер өңделмейді.',
      ru: 'Согласие можно отозвать в любое время, позвонив по номеру 109 или подав письменное заявление в акимат; после этого данные не обрабатываются, кроме случаев, предусмотренных законом.',
      en: 'You can withdraw consent at any time by calling 109 or writing to the akimat; the data is then no longer processed except where the law requires.',
    },
    text: {
      kk: 'Алтынқала қаласының әкімдігіне (БСН 990340004562) жоғарыда көрсетілген мақсатта және мерзімде дербес деректерімді жинауға және өңдеуге келісемін.',
      ru: 'Я даю согласие акимату города Алтынкала (БИН 990340004562) на сбор и обработку моих персональных данных в указанных целях и на указанный срок.',
      en: 'I consent to the Akimat of the city of Altynkala (BIN 990340004562) collecting and processing my personal data for the purposes and the period stated above.',
    },
  },
  ratings: {
    lowScoreThreshold: 3,
    lowScoreReasons: [
      { id: 'long_wait', label: { kk: 'Ұзақ күттім', ru: 'Долгое ожидание', en: 'I waited too long' } },
      { id: 'not_solved', label: { kk: 'Мәселем шешілмеді', ru: 'Вопрос не решён', en: 'My question was not solved' } },
      {
        id: 'unclear',
        label: { kk: 'Жауап түсініксіз болды', ru: 'Ответ был непонятным', en: 'The answer was unclear' },
      },
      {
        id: 'impolite',
        label: { kk: 'Оператор сыпайы болмады', ru: 'Оператор был невежлив', en: 'The operator was impolite' },
      },
    ],
    askCes: true,
    askNps: false,
  },
  callbacks: { slotMinutes: 30, horizonDays: 14, asapWhileOpen: true },
  chat: { maxMessageLength: 2000 },
  updatedAt: '2026-11-22T00:00:00Z',
};
