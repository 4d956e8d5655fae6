// SPDX-License-Identifier: MIT
import type { KbArticleData } from '../kb.js';

const UPDATED = '2026-10-01T04:00:00Z';

/** Eight answers to the questions a city contact center hears most (clause 10). */
export const DEMO_KNOWLEDGE_BASE: KbArticleData[] = [
  {
    id: 'kb-appeal-status',
    categoryId: null,
    title: {
      kk: 'Өтініштің мәртебесін қалай білуге болады',
      ru: 'Как узнать статус обращения',
      en: 'How to check the status of an appeal',
    },
    summary: {
      kk: 'Өтініш нөмірі мен қол жеткізу коды арқылы мәртебені, мерзімді және жауаптыны көресіз.',
      ru: 'По номеру обращения и коду доступа вы увидите статус, срок и ответственного.',
      en: 'With the tracking number and access code you see the status, due date and who is responsible.',
    },
    body: {
      kk: 'Өтініш тіркелгенде сізге өтініш нөмірі (мысалы, KC-2026-000123) және қол жеткізу коды беріледі. «Өтініштің мәртебесі» бөліміне екеуін енгізіңіз. Кодты ешкімге бермеңіз: оператор оны ешқашан сұрамайды. Кодты жоғалтсаңыз, 109 нөміріне қоңырау шалыңыз.',
      ru: 'При регистрации обращения вы получаете номер (например, KC-2026-000123) и код доступа. Введите оба в разделе «Статус обращения». Никому не сообщайте код: оператор никогда его не спрашивает. Если код утерян, позвоните по номеру 109.',
      en: 'When your appeal is registered you get a tracking number (for example KC-2026-000123) and an access code. Enter both under "Appeal status". Never share the code: an operator will never ask for it. If you lost it, call 109.',
    },
    keywords: {
      kk: ['мәртебе', 'нөмір', 'код', 'тексеру'],
      ru: ['статус', 'номер', 'код', 'проверить', 'обращение'],
      en: ['status', 'tracking', 'code', 'check', 'appeal'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-heating-season',
    categoryId: 'utilities.heating',
    title: { kk: 'Жылу беру маусымы', ru: 'Отопительный сезон', en: 'The heating season' },
    summary: {
      kk: 'Жылу беру тәулік бойы орташа температура +8 °C-тан төмен 5 күн болғанда басталады.',
      ru: 'Отопление включают, когда среднесуточная температура 5 дней ниже +8 °C.',
      en: 'Heating starts once the daily mean temperature stays below +8 °C for 5 days.',
    },
    body: {
      kk: 'Жылу беру маусымының басталуы мен аяқталуын әкімдік қаулымен белгілейді. Пәтерде салқын болса, алдымен пәтер иелері кооперативіне немесе басқарушы компанияға хабарласыңыз. Мәселе 24 сағат ішінде шешілмесе, «Жылумен жабдықтау» санатында өтініш беріңіз.',
      ru: 'Начало и окончание отопительного сезона устанавливает акимат постановлением. Если в квартире холодно, сначала обратитесь в КСК или управляющую компанию. Если вопрос не решён за 24 часа, подайте обращение в категории «Теплоснабжение».',
      en: 'The akimat sets the start and end of the heating season by resolution. If your flat is cold, first contact your building cooperative or management company. If it is not solved within 24 hours, file an appeal under "Heating".',
    },
    keywords: {
      kk: ['жылу', 'батарея', 'суық'],
      ru: ['отопление', 'батарея', 'холодно', 'тепло'],
      en: ['heating', 'radiator', 'cold'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-kindergarten-queue',
    categoryId: 'education.kindergarten',
    title: { kk: 'Балабақшаға кезекке тұру', ru: 'Очередь в детский сад', en: 'Kindergarten waiting list' },
    summary: {
      kk: 'Балабақшаға кезекке egov.kz порталында немесе ХҚКО-да тұрасыз.',
      ru: 'Встать в очередь в детский сад можно на портале egov.kz или в ЦОН.',
      en: 'You join the kindergarten waiting list on egov.kz or at a public service center.',
    },
    body: {
      kk: 'Кезекке баланың туу туралы куәлігі мен ата-ананың ЖСН-і қажет. Кезектегі орныңызды egov.kz порталындағы «Балабақшаға кезек» қызметінен көресіз. Жолдама берілгенде SMS келеді; оны 5 жұмыс күні ішінде растау керек.',
      ru: 'Для постановки в очередь нужны свидетельство о рождении ребёнка и ИИН родителя. Место в очереди видно в услуге «Очередь в детский сад» на egov.kz. О выдаче направления придёт SMS; его нужно подтвердить в течение 5 рабочих дней.',
      en: "You need the child's birth certificate and the parent's IIN. Your place in the list is shown in the kindergarten queue service on egov.kz. When a referral is issued you get an SMS; confirm it within 5 working days.",
    },
    keywords: {
      kk: ['балабақша', 'кезек', 'жолдама'],
      ru: ['садик', 'детсад', 'очередь', 'направление'],
      en: ['kindergarten', 'nursery', 'queue'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-housing-queue',
    categoryId: 'housing.queue',
    title: { kk: 'Тұрғын үй кезегі', ru: 'Очередь на жилье', en: 'The housing waiting list' },
    summary: {
      kk: 'Әлеуметтік осал топтар мемлекеттік тұрғын үй қорынан үй алу үшін кезекке тұра алады.',
      ru: 'Социально уязвимые категории могут встать в очередь на жильё из государственного фонда.',
      en: 'Socially vulnerable groups can join the list for housing from the state fund.',
    },
    body: {
      kk: 'Өтінішті egov.kz порталында «Тұрғын үйге мұқтаж азаматтарды есепке алу» қызметі арқылы беріңіз. Кезектегі нөміріңізді сол порталдан немесе Отбасы банкінің сайтынан тексересіз. Құжаттар өзгерсе, 1 ай ішінде хабарлаңыз.',
      ru: 'Заявление подаётся на egov.kz через услугу «Постановка на учёт граждан, нуждающихся в жилище». Номер в очереди проверяется там же или на сайте Отбасы банка. Об изменении документов сообщите в течение 1 месяца.',
      en: 'Apply on egov.kz through the service for registering citizens in need of housing. Check your number in the list there or on the Otbasy Bank site. Report changes to your documents within 1 month.',
    },
    keywords: {
      kk: ['пәтер', 'үй', 'кезек'],
      ru: ['квартира', 'жильё', 'жилье', 'очередь'],
      en: ['housing', 'flat', 'apartment', 'queue'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-land-plot',
    categoryId: 'land.plots',
    title: {
      kk: 'Жеке тұрғын үй құрылысына жер учаскесі',
      ru: 'Земельный участок под ИЖС',
      en: 'A land plot for building a private house',
    },
    summary: {
      kk: 'Жер учаскесін тегін алуға бір рет өтініш беруге болады.',
      ru: 'Бесплатно получить участок под ИЖС можно один раз.',
      en: 'A free plot for a private house is granted once in a lifetime.',
    },
    body: {
      kk: 'Өтінішті egov.kz порталында «Жер учаскесіне кезекке қою» қызметі арқылы беріңіз. Бос учаскелер тізімі әкімдік сайтында жарияланады. Учаске берілгеннен кейін құрылысты 3 жыл ішінде бастау керек.',
      ru: 'Заявление подаётся на egov.kz через услугу «Постановка на очередь на получение земельного участка». Список свободных участков публикуется на сайте акимата. После предоставления участка строительство нужно начать в течение 3 лет.',
      en: "Apply on egov.kz through the land plot queue service. Free plots are published on the akimat's site. Construction must start within 3 years of the grant.",
    },
    keywords: {
      kk: ['жер', 'учаске', 'құрылыс'],
      ru: ['земля', 'участок', 'ижс', 'строительство'],
      en: ['land', 'plot', 'build', 'house'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-targeted-assistance',
    categoryId: 'social.benefits',
    title: { kk: 'Атаулы әлеуметтік көмек', ru: 'Адресная социальная помощь', en: 'Targeted social assistance' },
    summary: {
      kk: 'Отбасының жан басына шаққандағы табысы кедейлік шегінен төмен болса, атаулы әлеуметтік көмек тағайындалады.',
      ru: 'Адресная социальная помощь назначается, если доход на члена семьи ниже черты бедности.',
      en: "Targeted social assistance is granted when a family's income per person is below the poverty line.",
    },
    body: {
      kk: 'Өтінішті egov.kz порталында, Enbek.kz-те немесе тұрғылықты жердегі жұмыспен қамту орталығында беруге болады. Көмек тоқсан сайын тағайындалады; жұмысқа қабілетті отбасы мүшелері жұмыспен қамту шараларына қатысуы керек.',
      ru: 'Заявление можно подать на egov.kz, на Enbek.kz или в центре занятости по месту жительства. Помощь назначается поквартально; трудоспособные члены семьи должны участвовать в мерах содействия занятости.',
      en: 'Apply on egov.kz, on Enbek.kz or at your local employment center. It is granted quarterly; family members able to work must take part in employment measures.',
    },
    keywords: {
      kk: ['көмек', 'жәрдемақы', 'аз қамтылған'],
      ru: ['асп', 'помощь', 'пособие', 'малообеспеченные'],
      en: ['assistance', 'benefit', 'low income'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-street-lighting',
    categoryId: 'roads.lighting',
    title: {
      kk: 'Көше жарығы жанбаса',
      ru: 'Не горит уличное освещение',
      en: 'A street light is out',
    },
    summary: {
      kk: 'Мекенжайды және бағанның нөмірін көрсетіп хабарлаңыз; жөндеу әдетте 3 жұмыс күні.',
      ru: 'Сообщите адрес и номер опоры; ремонт обычно занимает до 3 рабочих дней.',
      en: 'Report the address and the pole number; a repair usually takes up to 3 working days.',
    },
    body: {
      kk: '«Көше жарығы» санатында өтініш беріңіз: мекенжайды, жақын ғимаратты және мүмкін болса бағандағы нөмірді жазыңыз, фотосурет тіркеңіз. Электр сымы үзілсе, оған жақындамаңыз және 112 нөміріне қоңырау шалыңыз.',
      ru: 'Подайте обращение в категории «Уличное освещение»: укажите адрес, ближайшее здание и, если видно, номер на опоре, приложите фото. При обрыве провода не подходите к нему и звоните 112.',
      en: 'File an appeal under "Street lighting": give the address, the nearest building and, if visible, the number on the pole, and attach a photo. If a wire is down, keep away and call 112.',
    },
    keywords: {
      kk: ['жарық', 'шам', 'баған'],
      ru: ['фонарь', 'освещение', 'свет', 'опора'],
      en: ['light', 'lamp', 'streetlight'],
    },
    updatedAt: UPDATED,
  },
  {
    id: 'kb-snow-clearing',
    categoryId: 'roads.snow',
    title: { kk: 'Қар тазалау', ru: 'Уборка снега', en: 'Snow clearing' },
    summary: {
      kk: 'Негізгі көшелер қар жауғаннан кейін 6 сағат ішінде, аулалар 24 сағат ішінде тазаланады.',
      ru: 'Основные улицы убирают в течение 6 часов после снегопада, дворы — в течение 24 часов.',
      en: 'Main streets are cleared within 6 hours of a snowfall, courtyards within 24 hours.',
    },
    body: {
      kk: 'Көшелерді қала әкімдігінің мердігері тазалайды, ауланы — пәтер иелері кооперативі немесе басқарушы компания. Мерзім өтсе, мекенжайды көрсетіп «Қар тазалау» санатында өтініш беріңіз.',
      ru: 'Улицы убирает подрядчик акимата, дворы — КСК или управляющая компания. Если срок прошёл, подайте обращение в категории «Уборка снега» с адресом.',
      en: "Streets are cleared by the akimat's contractor, courtyards by the building cooperative or management company. If the time has passed, file an appeal under \u201cSnow clearing\u201d with the address.",
    },
    keywords: {
      kk: ['қар', 'мұз', 'тазалау'],
      ru: ['снег', 'гололёд', 'гололед', 'уборка'],
      en: ['snow', 'ice', 'clearing'],
    },
    updatedAt: UPDATED,
  },
];
