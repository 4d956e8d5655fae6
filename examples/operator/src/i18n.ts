// SPDX-License-Identifier: MIT
/**
 * The console's own words in Kazakh, Russian and English (the terms of the glossary), and the formatting of dates
 * in the center's time zone.
 *
 * @packageDocumentation
 */
import type {
  AppealKind,
  CallbackOutcome,
  CallbackStatus,
  Indicator,
  Channel,
  ChatStatus,
  ComplaintStatus,
  Locale,
  LocalizedText,
  OutageSeverity,
  Resolution,
  TextOrLocalized,
} from '@kc/contract';

/** The console's strings in one language. */
export interface Strings {
  readonly title: string;
  readonly language: string;
  readonly signIn: {
    heading: string;
    token: string;
    hint: string;
    submit: string;
    rejected: string;
    signOut: string;
  };
  readonly nav: {
    label: string;
    chats: string;
    complaints: string;
    outages: string;
    callbacks: string;
    report: string;
  };
  readonly stream: { connecting: string; open: string; retrying: string; unauthorized: string };
  readonly error: { network: string; forbidden: string; conflict: string; generic: string };
  readonly loadMore: string;
  readonly loading: string;
  readonly yes: string;
  readonly no: string;
  readonly langs: LocalizedText;
  readonly chats: {
    queue: string;
    active: string;
    emptyQueue: string;
    emptyActive: string;
    waiting: (seconds: number) => string;
    unread: (n: number) => string;
    citizen: string;
    noneSelected: string;
    join: string;
    message: string;
    send: string;
    citizenTyping: string;
    quickReplies: string;
    quick: readonly { label: string; text: Readonly<Record<Locale, (name: string | null) => string>> }[];
    transfer: string;
    toTopic: string;
    anyTopic: string;
    toOperator: string;
    note: string;
    transferSubmit: string;
    close: string;
    resolved: string;
    closed: string;
    newInQueue: string;
    status: Readonly<Record<ChatStatus, string>>;
    author: { citizen: string; operator: string; system: string; bot: string };
    read: string;
  };
  readonly complaints: {
    heading: string;
    filter: string;
    open: string;
    all: string;
    empty: string;
    number: string;
    kind: string;
    category: string;
    statusCol: string;
    applicant: string;
    registered: string;
    due: string;
    overdue: string;
    back: string;
    description: string;
    phone: string;
    email: string;
    responsible: string;
    delay: string;
    forwardedTo: string;
    resolution: string;
    externalRefs: string;
    timeline: string;
    comments: string;
    none: string;
    change: string;
    to: string;
    reason: string;
    reasonRequired: string;
    note: string;
    forwardBody: string;
    bin: string;
    outcomeLabel: string;
    answerText: string;
    externalSystem: string;
    externalRef: string;
    changeSubmit: string;
    update: string;
    newDueAt: string;
    plan: string;
    department: string;
    position: string;
    updateSubmit: string;
    noTransitions: string;
    changed: (status: string) => string;
    updated: string;
    status: Readonly<Record<ComplaintStatus, string>>;
    kinds: Readonly<Record<AppealKind, string>>;
    outcome: Readonly<Record<Resolution['outcome'], string>>;
  };
  readonly outages: {
    heading: string;
    none: string;
    publish: string;
    message: string;
    severity: string;
    channels: string;
    statusLabel: string;
    activeNow: string;
    scheduled: string;
    startsAt: string;
    expected: string;
    submit: string;
    resolve: string;
    started: string;
    published: string;
    resolved: string;
    severities: Readonly<Record<OutageSeverity, string>>;
  };
  readonly callbacks: {
    heading: string;
    none: string;
    name: string;
    phone: string;
    topic: string;
    when: string;
    asap: string;
    attempts: string;
    statusCol: string;
    outcomeLabel: string;
    retry: string;
    resolvedQ: string;
    record: string;
    recorded: string;
    status: Readonly<Record<CallbackStatus, string>>;
    outcome: Readonly<Record<CallbackOutcome, string>>;
  };
  readonly report: {
    heading: string;
    from: string;
    to: string;
    show: string;
    csv: string;
    indicators: string;
    form: string;
    row: string;
    labelKk: string;
    labelRu: string;
    unit: string;
    value: string;
    target: string;
    met: string;
    sample: string;
    noData: string;
    units: Readonly<Record<Indicator['unit'], string>>;
  };
  readonly channel: Readonly<Record<Channel, string>>;
}

const kk: Strings = {
  title: 'Оператор консолі',
  language: 'Тіл',
  signIn: {
    heading: 'Кіру',
    token: 'Оператордың токені',
    hint: 'Токен тек осы қойындыда сақталады және шыққанда жойылады.',
    submit: 'Кіру',
    rejected: 'Токен қабылданбады.',
    signOut: 'Шығу',
  },
  nav: {
    label: 'Бөлімдер',
    chats: 'Чаттар',
    complaints: 'Өтініштер',
    outages: 'Үзілістер',
    callbacks: 'Кері қоңыраулар',
    report: 'Есеп',
  },
  stream: {
    connecting: 'Қосылуда…',
    open: 'Жаңартулар тікелей келеді',
    retrying: 'Байланыс үзілді, қайта қосылуда…',
    unauthorized: 'Токен жарамсыз: қайта кіріңіз.',
  },
  error: {
    network: 'Серверге қосылу мүмкін болмады.',
    forbidden: 'Бұл әрекет супервайзерге ғана рұқсат етілген.',
    conflict: 'Әрекет орындалмады: жағдай өзгерді. Тізімді жаңартыңыз.',
    generic: 'Қате орын алды.',
  },
  loadMore: 'Тағы көрсету',
  loading: 'Жүктелуде…',
  yes: 'иә',
  no: 'жоқ',
  langs: { kk: 'қазақша', ru: 'орысша', en: 'ағылшынша' },
  chats: {
    queue: 'Кезек',
    active: 'Белсенді чаттар',
    emptyQueue: 'Кезекте ешкім жоқ.',
    emptyActive: 'Белсенді чат жоқ.',
    waiting: (s) => `күту уақыты ${Math.floor(s / 60)} мин ${s % 60} с`,
    unread: (n) => `${n} оқылмаған`,
    citizen: 'Азамат',
    noneSelected: 'Чатты таңдаңыз.',
    join: 'Чатты алу',
    message: 'Жауап',
    send: 'Жіберу',
    citizenTyping: 'Азамат жазып жатыр…',
    quickReplies: 'Дайын жауаптар',
    quick: QUICK(),
    transfer: 'Басқаға беру',
    toTopic: 'Тақырып кезегіне',
    anyTopic: '—',
    toOperator: 'Немесе оператордың ID',
    note: 'Келесі операторға ескертпе',
    transferSubmit: 'Беру',
    close: 'Чатты жабу',
    resolved: 'Мәселе шешілді',
    closed: 'Чат жабылды.',
    newInQueue: 'Кезекте жаңа чат.',
    status: { queued: 'кезекте', active: 'белсенді', closed: 'жабылды' },
    author: { citizen: 'Азамат', operator: 'Оператор', system: 'Жүйе', bot: 'Бот' },
    read: 'оқылды',
  },
  complaints: {
    heading: 'Өтініштер',
    filter: 'Мәртебе',
    open: 'Ашық (аяқталмаған)',
    all: 'Барлығы',
    empty: 'Өтініш жоқ.',
    number: 'Өтініш нөмірі',
    kind: 'Түрі',
    category: 'Санат',
    statusCol: 'Мәртебе',
    applicant: 'Өтініш беруші',
    registered: 'Тіркелді',
    due: 'Қарау мерзімі',
    overdue: 'мерзімі өтті',
    back: 'Тізімге',
    description: 'Мәтіні',
    phone: 'Телефон',
    email: 'E-mail',
    responsible: 'Жауапты бөлімше',
    delay: 'Мерзімді ұзарту',
    forwardedTo: 'Қайта жолданды',
    resolution: 'Жауап',
    externalRefs: 'Сыртқы нөмірлер',
    timeline: 'Тарихы',
    comments: 'Хабарламалар',
    none: '—',
    change: 'Мәртебені өзгерту',
    to: 'Жаңа мәртебе',
    reason: 'Себебі',
    reasonRequired: 'Себебі (міндетті)',
    note: 'Ескертпе',
    forwardBody: 'Әкімшілік орган',
    bin: 'БСН',
    outcomeLabel: 'Нәтиже',
    answerText: 'Жауап мәтіні',
    externalSystem: 'Жүйе',
    externalRef: 'Сыртқы нөмір (e-Otinish)',
    changeSubmit: 'Өзгерту',
    update: 'Мерзім, жауапты, сыртқы нөмір',
    newDueAt: 'Жаңа қарау мерзімі',
    plan: 'Жоспар',
    department: 'Жауапты бөлімше',
    position: 'Лауазымы',
    updateSubmit: 'Сақтау',
    noTransitions: 'Бұл мәртебеден өзгерту жоқ.',
    changed: (s) => `Мәртебе: ${s}.`,
    updated: 'Сақталды.',
    status: {
      registered: 'Тіркелді',
      in_review: 'Қаралуда',
      forwarded: 'Қайта жолданды',
      escalated: 'Жоғары тұрған лауазымды адамға берілді',
      awaiting_citizen: 'Қосымша мәліметтер сұратылды',
      answered: 'Жауап берілді',
      closed: 'Қарау аяқталды',
      rejected: 'Бас тартылды',
      withdrawn: 'Өтініш беруші кері қайтарып алды',
    },
    kinds: { complaint: 'Шағым', application: 'Арыз', request: 'Сұрау салу', proposal: 'Ұсыныс' },
    outcome: {
      satisfied: 'Қанағаттандырылды',
      partially_satisfied: 'Ішінара қанағаттандырылды',
      not_satisfied: 'Қанағаттандырылмады',
      explained: 'Түсіндірме берілді',
    },
  },
  outages: {
    heading: 'Қызмет көрсетудің үзілуі',
    none: 'Үзіліс жоқ.',
    publish: 'Үзіліс туралы жариялау',
    message: 'Хабарлама',
    severity: 'Деңгейі',
    channels: 'Арналар',
    statusLabel: 'Басталуы',
    activeNow: 'қазір',
    scheduled: 'жоспарланған',
    startsAt: 'Басталу уақыты',
    expected: 'Қайта жұмыс істеуі (болжам)',
    submit: 'Жариялау',
    resolve: 'Үзіліс аяқталды',
    started: 'Басталды',
    published: 'Жарияланды.',
    resolved: 'Аяқталды.',
    severities: { info: 'Ақпарат', minor: 'Ішінара үзіліс', major: 'Елеулі үзіліс', critical: 'Толық үзіліс' },
  },
  callbacks: {
    heading: 'Кері қоңыраулар',
    none: 'Кері қоңырау жоқ.',
    name: 'Аты',
    phone: 'Телефон',
    topic: 'Тақырыбы',
    when: 'Уақыты',
    asap: 'мүмкіндігінше тез',
    attempts: 'Әрекеттер',
    statusCol: 'Мәртебе',
    outcomeLabel: 'Нәтиже',
    retry: 'Қайта қоңырау шалу',
    resolvedQ: 'Мәселе шешілді',
    record: 'Жазу',
    recorded: 'Жазылды.',
    status: {
      requested: 'сұралды',
      scheduled: 'жоспарланды',
      in_progress: 'орындалуда',
      completed: 'орындалды',
      missed: 'өтіп кетті',
      cancelled: 'бас тартылды',
    },
    outcome: { reached: 'Сөйлестік', no_answer: 'Жауап бермеді', busy: 'Бос емес', wrong_number: 'Қате нөмір' },
  },
  report: {
    heading: 'Көрсеткіштер есебі',
    from: 'Кезең басы',
    to: 'Кезең соңы',
    show: 'Көрсету',
    csv: 'CSV жүктеу',
    indicators: 'Көрсеткіштер (1-қосымша)',
    form: 'ОДКЦ-01 нысаны',
    row: 'Жол',
    labelKk: 'Атауы (қаз.)',
    labelRu: 'Атауы (орыс.)',
    unit: 'Өлшем',
    value: 'Мәні',
    target: 'Мақсат',
    met: 'Орындалды',
    sample: 'Саны',
    noData: 'деректер жоқ',
    units: { seconds: 'секунд', minutes: 'минут', points: 'балл', percent: '%', count: 'дана' },
  },
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
};

const ru: Strings = {
  title: 'Консоль оператора',
  language: 'Язык',
  signIn: {
    heading: 'Вход',
    token: 'Токен оператора',
    hint: 'Токен хранится только в этой вкладке и удаляется при выходе.',
    submit: 'Войти',
    rejected: 'Токен не принят.',
    signOut: 'Выйти',
  },
  nav: {
    label: 'Разделы',
    chats: 'Чаты',
    complaints: 'Обращения',
    outages: 'Прерывания',
    callbacks: 'Обратные звонки',
    report: 'Отчёт',
  },
  stream: {
    connecting: 'Подключение…',
    open: 'Обновления приходят в реальном времени',
    retrying: 'Связь прервалась, переподключение…',
    unauthorized: 'Токен недействителен: войдите снова.',
  },
  error: {
    network: 'Не удалось связаться с сервером.',
    forbidden: 'Это действие доступно только супервайзеру.',
    conflict: 'Действие не выполнено: состояние изменилось. Обновите список.',
    generic: 'Произошла ошибка.',
  },
  loadMore: 'Показать ещё',
  loading: 'Загрузка…',
  yes: 'да',
  no: 'нет',
  langs: { kk: 'на казахском', ru: 'на русском', en: 'на английском' },
  chats: {
    queue: 'Очередь',
    active: 'Активные чаты',
    emptyQueue: 'В очереди никого нет.',
    emptyActive: 'Активных чатов нет.',
    waiting: (s) => `время ожидания ${Math.floor(s / 60)} мин ${s % 60} с`,
    unread: (n) => `непрочитанных: ${n}`,
    citizen: 'Гражданин',
    noneSelected: 'Выберите чат.',
    join: 'Взять чат',
    message: 'Ответ',
    send: 'Отправить',
    citizenTyping: 'Гражданин печатает…',
    quickReplies: 'Быстрые ответы',
    quick: QUICK(),
    transfer: 'Передать',
    toTopic: 'В очередь по теме',
    anyTopic: '—',
    toOperator: 'Или ID оператора',
    note: 'Заметка для следующего оператора',
    transferSubmit: 'Передать',
    close: 'Закрыть чат',
    resolved: 'Вопрос решён',
    closed: 'Чат закрыт.',
    newInQueue: 'Новый чат в очереди.',
    status: { queued: 'в очереди', active: 'активен', closed: 'закрыт' },
    author: { citizen: 'Гражданин', operator: 'Оператор', system: 'Система', bot: 'Бот' },
    read: 'прочитано',
  },
  complaints: {
    heading: 'Обращения',
    filter: 'Статус',
    open: 'Открытые (не завершённые)',
    all: 'Все',
    empty: 'Обращений нет.',
    number: 'Номер обращения',
    kind: 'Вид',
    category: 'Категория',
    statusCol: 'Статус',
    applicant: 'Заявитель',
    registered: 'Зарегистрировано',
    due: 'Срок рассмотрения',
    overdue: 'просрочено',
    back: 'К списку',
    description: 'Текст',
    phone: 'Телефон',
    email: 'E-mail',
    responsible: 'Ответственное подразделение',
    delay: 'Продление срока',
    forwardedTo: 'Перенаправлено',
    resolution: 'Ответ',
    externalRefs: 'Внешние номера',
    timeline: 'История',
    comments: 'Сообщения',
    none: '—',
    change: 'Изменить статус',
    to: 'Новый статус',
    reason: 'Причина',
    reasonRequired: 'Причина (обязательно)',
    note: 'Примечание',
    forwardBody: 'Административный орган',
    bin: 'БИН',
    outcomeLabel: 'Результат',
    answerText: 'Текст ответа',
    externalSystem: 'Система',
    externalRef: 'Внешний номер (e-Otinish)',
    changeSubmit: 'Изменить',
    update: 'Срок, ответственный, внешний номер',
    newDueAt: 'Новый срок рассмотрения',
    plan: 'План',
    department: 'Ответственное подразделение',
    position: 'Должность',
    updateSubmit: 'Сохранить',
    noTransitions: 'Из этого статуса переходов нет.',
    changed: (s) => `Статус: ${s}.`,
    updated: 'Сохранено.',
    status: {
      registered: 'Зарегистрировано',
      in_review: 'На рассмотрении',
      forwarded: 'Перенаправлено',
      escalated: 'Передано вышестоящему должностному лицу',
      awaiting_citizen: 'Запрошены дополнительные сведения',
      answered: 'Дан ответ',
      closed: 'Рассмотрение завершено',
      rejected: 'Отказано',
      withdrawn: 'Отозвано заявителем',
    },
    kinds: { complaint: 'Жалоба', application: 'Заявление', request: 'Запрос', proposal: 'Предложение' },
    outcome: {
      satisfied: 'Удовлетворено',
      partially_satisfied: 'Удовлетворено частично',
      not_satisfied: 'Не удовлетворено',
      explained: 'Дано разъяснение',
    },
  },
  outages: {
    heading: 'Прерывания обслуживания',
    none: 'Прерываний нет.',
    publish: 'Опубликовать прерывание',
    message: 'Сообщение',
    severity: 'Уровень',
    channels: 'Каналы',
    statusLabel: 'Начало',
    activeNow: 'сейчас',
    scheduled: 'запланировано',
    startsAt: 'Время начала',
    expected: 'Ожидаемое возобновление',
    submit: 'Опубликовать',
    resolve: 'Прерывание завершено',
    started: 'Начало',
    published: 'Опубликовано.',
    resolved: 'Завершено.',
    severities: { info: 'Информация', minor: 'Частичный сбой', major: 'Серьёзный сбой', critical: 'Полная остановка' },
  },
  callbacks: {
    heading: 'Обратные звонки',
    none: 'Заявок на обратный звонок нет.',
    name: 'Имя',
    phone: 'Телефон',
    topic: 'Тема',
    when: 'Когда',
    asap: 'как можно скорее',
    attempts: 'Попытки',
    statusCol: 'Статус',
    outcomeLabel: 'Результат',
    retry: 'Перезвонить ещё раз',
    resolvedQ: 'Вопрос решён',
    record: 'Записать',
    recorded: 'Записано.',
    status: {
      requested: 'заявка',
      scheduled: 'запланирован',
      in_progress: 'выполняется',
      completed: 'выполнен',
      missed: 'не дозвонились',
      cancelled: 'отменён',
    },
    outcome: { reached: 'Дозвонились', no_answer: 'Не отвечает', busy: 'Занято', wrong_number: 'Неверный номер' },
  },
  report: {
    heading: 'Отчёт по показателям',
    from: 'Начало периода',
    to: 'Конец периода',
    show: 'Показать',
    csv: 'Скачать CSV',
    indicators: 'Показатели (приложение 1)',
    form: 'Форма ОДКЦ-01',
    row: 'Строка',
    labelKk: 'Наименование (каз.)',
    labelRu: 'Наименование (рус.)',
    unit: 'Единица',
    value: 'Значение',
    target: 'Цель',
    met: 'Выполнено',
    sample: 'Выборка',
    noData: 'нет данных',
    units: { seconds: 'секунд', minutes: 'минут', points: 'баллов', percent: '%', count: 'штук' },
  },
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
};

const en: Strings = {
  title: 'Operator console',
  language: 'Language',
  signIn: {
    heading: 'Sign in',
    token: 'Operator token',
    hint: 'The token is kept in this tab only and removed when you sign out.',
    submit: 'Sign in',
    rejected: 'The token was not accepted.',
    signOut: 'Sign out',
  },
  nav: {
    label: 'Sections',
    chats: 'Chats',
    complaints: 'Appeals',
    outages: 'Outages',
    callbacks: 'Callbacks',
    report: 'Report',
  },
  stream: {
    connecting: 'Connecting…',
    open: 'Live updates',
    retrying: 'Connection lost, reconnecting…',
    unauthorized: 'The token is no longer valid: sign in again.',
  },
  error: {
    network: 'Could not reach the server.',
    forbidden: 'Only a supervisor may do this.',
    conflict: 'Not done: the state has changed. Reload the list.',
    generic: 'Something went wrong.',
  },
  loadMore: 'Show more',
  loading: 'Loading…',
  yes: 'yes',
  no: 'no',
  langs: { kk: 'Kazakh', ru: 'Russian', en: 'English' },
  chats: {
    queue: 'Queue',
    active: 'Active chats',
    emptyQueue: 'Nobody is waiting.',
    emptyActive: 'No active chats.',
    waiting: (s) => `waiting ${Math.floor(s / 60)} min ${s % 60} s`,
    unread: (n) => `${n} unread`,
    citizen: 'Citizen',
    noneSelected: 'Choose a chat.',
    join: 'Take the chat',
    message: 'Reply',
    send: 'Send',
    citizenTyping: 'The citizen is typing…',
    quickReplies: 'Quick replies',
    quick: QUICK(),
    transfer: 'Transfer',
    toTopic: 'To the queue of a topic',
    anyTopic: '—',
    toOperator: 'Or an operator ID',
    note: 'Note for the next operator',
    transferSubmit: 'Transfer',
    close: 'Close the chat',
    resolved: 'Question solved',
    closed: 'The chat is closed.',
    newInQueue: 'A new chat in the queue.',
    status: { queued: 'queued', active: 'active', closed: 'closed' },
    author: { citizen: 'Citizen', operator: 'Operator', system: 'System', bot: 'Bot' },
    read: 'read',
  },
  complaints: {
    heading: 'Appeals',
    filter: 'Status',
    open: 'Open (all not finished)',
    all: 'All',
    empty: 'No appeals.',
    number: 'Tracking number',
    kind: 'Kind',
    category: 'Category',
    statusCol: 'Status',
    applicant: 'Applicant',
    registered: 'Registered',
    due: 'Due date',
    overdue: 'overdue',
    back: 'Back to the list',
    description: 'Text',
    phone: 'Phone',
    email: 'E-mail',
    responsible: 'Responsible department',
    delay: 'Extension',
    forwardedTo: 'Forwarded to',
    resolution: 'Answer',
    externalRefs: 'External references',
    timeline: 'Timeline',
    comments: 'Messages',
    none: '—',
    change: 'Change the status',
    to: 'New status',
    reason: 'Reason',
    reasonRequired: 'Reason (required)',
    note: 'Note',
    forwardBody: 'Administrative body',
    bin: 'BIN',
    outcomeLabel: 'Outcome',
    answerText: 'Answer text',
    externalSystem: 'System',
    externalRef: 'External reference (e-Otinish)',
    changeSubmit: 'Change',
    update: 'Due date, responsible, external reference',
    newDueAt: 'New due date',
    plan: 'Plan',
    department: 'Responsible department',
    position: 'Position',
    updateSubmit: 'Save',
    noTransitions: 'No further status from this one.',
    changed: (s) => `Status: ${s}.`,
    updated: 'Saved.',
    status: {
      registered: 'Registered',
      in_review: 'In review',
      forwarded: 'Forwarded',
      escalated: 'Escalated to a senior official',
      awaiting_citizen: 'More information requested',
      answered: 'Answered',
      closed: 'Closed',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn by the applicant',
    },
    kinds: { complaint: 'Complaint', application: 'Application', request: 'Request', proposal: 'Proposal' },
    outcome: {
      satisfied: 'Satisfied',
      partially_satisfied: 'Partially satisfied',
      not_satisfied: 'Not satisfied',
      explained: 'Explanation given',
    },
  },
  outages: {
    heading: 'Outages',
    none: 'No outages.',
    publish: 'Publish an outage',
    message: 'Message',
    severity: 'Severity',
    channels: 'Channels',
    statusLabel: 'Starts',
    activeNow: 'now',
    scheduled: 'scheduled',
    startsAt: 'Start time',
    expected: 'Expected resumption',
    submit: 'Publish',
    resolve: 'Resolve',
    started: 'Started',
    published: 'Published.',
    resolved: 'Resolved.',
    severities: { info: 'Information', minor: 'Partial outage', major: 'Major outage', critical: 'Full outage' },
  },
  callbacks: {
    heading: 'Callbacks',
    none: 'No callbacks waiting.',
    name: 'Name',
    phone: 'Phone',
    topic: 'Topic',
    when: 'When',
    asap: 'as soon as possible',
    attempts: 'Attempts',
    statusCol: 'Status',
    outcomeLabel: 'Outcome',
    retry: 'Call again later',
    resolvedQ: 'Question solved',
    record: 'Record',
    recorded: 'Recorded.',
    status: {
      requested: 'requested',
      scheduled: 'scheduled',
      in_progress: 'in progress',
      completed: 'done',
      missed: 'missed',
      cancelled: 'cancelled',
    },
    outcome: { reached: 'Reached', no_answer: 'No answer', busy: 'Busy', wrong_number: 'Wrong number' },
  },
  report: {
    heading: 'Indicator report',
    from: 'From',
    to: 'To',
    show: 'Show',
    csv: 'Download CSV',
    indicators: 'Indicators (Appendix 1)',
    form: 'Form ОДКЦ-01',
    row: 'Row',
    labelKk: 'Label (kk)',
    labelRu: 'Label (ru)',
    unit: 'Unit',
    value: 'Value',
    target: 'Target',
    met: 'Met',
    sample: 'Sample',
    noData: 'no data',
    units: { seconds: 'seconds', minutes: 'minutes', points: 'points', percent: '%', count: 'count' },
  },
  channel: {
    web: 'web site',
    chat: 'online chat',
    phone: 'phone',
    callback: 'callback',
    email: 'e-mail',
    messenger: 'messengers',
    visit: 'visit in person',
    e_otinish: 'eOtinish',
  },
};

/**
 * Quick replies, written in the chat's language (not the console's), with the citizen's name when it is known.
 */
function QUICK(): Strings['chats']['quick'] {
  return [
    {
      label: 'Сәлемдесу · Приветствие · Greeting',
      text: {
        kk: (n) =>
          n ? `Сәлеметсіз бе, ${n}! Сізге қалай көмектесе аламын?` : 'Сәлеметсіз бе! Сізге қалай көмектесе аламын?',
        ru: (n) => (n ? `Здравствуйте, ${n}! Чем я могу вам помочь?` : 'Здравствуйте! Чем я могу вам помочь?'),
        en: (n) => (n ? `Hello, ${n}! How can I help you?` : 'Hello! How can I help you?'),
      },
    },
    {
      label: 'Күте тұрыңыз · Минуту · One moment',
      text: {
        kk: (n) =>
          n ? `${n}, бір минут күте тұрыңызшы, тексеріп жатырмын.` : 'Бір минут күте тұрыңызшы, тексеріп жатырмын.',
        ru: (n) =>
          n ? `${n}, подождите, пожалуйста, минуту: я проверяю.` : 'Подождите, пожалуйста, минуту: я проверяю.',
        en: (n) => (n ? `${n}, one moment please, I am checking.` : 'One moment please, I am checking.'),
      },
    },
    {
      label: 'Тағы сұрақ? · Ещё вопросы? · Anything else?',
      text: {
        kk: (n) => (n ? `${n}, тағы сұрағыңыз бар ма?` : 'Тағы сұрағыңыз бар ма?'),
        ru: (n) => (n ? `${n}, остались ли у вас вопросы?` : 'Остались ли у вас вопросы?'),
        en: (n) => (n ? `${n}, is there anything else I can help with?` : 'Is there anything else I can help with?'),
      },
    },
    {
      label: 'Қоштасу · Прощание · Goodbye',
      text: {
        kk: (n) => (n ? `Хабарласқаныңызға рахмет, ${n}! Сау болыңыз.` : 'Хабарласқаныңызға рахмет! Сау болыңыз.'),
        ru: (n) => (n ? `Спасибо за обращение, ${n}! До свидания.` : 'Спасибо за обращение! До свидания.'),
        en: (n) => (n ? `Thank you for contacting us, ${n}! Goodbye.` : 'Thank you for contacting us! Goodbye.'),
      },
    },
  ];
}

/** The console's catalogs. */
export const STRINGS: Readonly<Record<Locale, Strings>> = { kk, ru, en };

/** The center's time zone, until the configuration says otherwise. */
export const TIME_ZONE = 'Asia/Almaty';

/** A server text in the console's language (a plain string is shown as typed). */
export function pick(text: TextOrLocalized | null | undefined, locale: Locale): string {
  if (text == null) return '';
  return typeof text === 'string' ? text : text[locale] || text.ru || text.kk || text.en;
}

/** A date and time in the center's time zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone = TIME_ZONE): string {
  if (!iso) return '';
  const tag = locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-KZ' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The UTC offset (`+05:00`) of a time zone at an instant. */
function offsetOf(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(part ?? '');
  return m?.[1] ?? '+00:00';
}

/**
 * A `datetime-local` value (wall time in the center's zone) as an RFC 3339 date-time with the zone's offset.
 *
 * @example
 * ```ts
 * zonedDateTime('2026-12-30T18:30'); // '2026-12-30T18:30:00+05:00'
 * ```
 */
export function zonedDateTime(local: string, timeZone = TIME_ZONE): string {
  const approx = new Date(`${local}:00Z`);
  return `${local}:00${offsetOf(timeZone, approx)}`;
}

/** Today's date (`YYYY-MM-DD`) in the center's time zone, optionally shifted by whole days. */
export function localDate(shiftDays = 0, timeZone = TIME_ZONE): string {
  const d = new Date(Date.now() + shiftDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** A `datetime-local` value for now (wall time in the center's zone). */
export function localNow(timeZone = TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}
