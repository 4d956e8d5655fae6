// SPDX-License-Identifier: MIT
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { complaints, config, KcNetworkError, type KcCitizenComplaint, type KcCore } from '@kc/sdk';
import type { MockWorker } from '@kc/mock/browser';
import '../../kc-complaint-status.js';
import type { KcComplaintStatus } from './complaint-status.js';
import type { WidgetClient } from '../../internal/client.js';
import { fakeConfig } from '../../../test/fake-client.js';
import {
  $,
  $$,
  clientOver,
  deepActive,
  mockCenter,
  operatorCall,
  PAYLOADS,
  settle,
  textOf,
  type,
} from '../../../test/complaints.js';

const NUMBER = 'KC-2026-000123';
const CODE = '7K3F-9QXD-M2PA-HV8E';
const t = (ru: string) => ({ kk: ru, ru, en: ru });

/** Files an appeal through the SDK and returns its receipt. */
async function registered(client: KcCore) {
  const result = await complaints(client).submit({
    kind: 'complaint',
    categoryId: 'social.pensions',
    description: 'Пенсия не назначена.',
    applicant: {
      iin: '850715401236',
      lastName: 'Сейтқали',
      firstName: 'Әйгерім',
      phone: '+77011234567',
      preferredLanguage: 'ru',
      preferredContact: 'phone',
    },
    consent: { given: true, version: '2026-07-12' },
  });
  if (result.status !== 'sent') throw new Error('[test] the appeal was not registered');
  return result.receipt;
}

function appeal(overrides: Partial<KcCitizenComplaint> = {}): KcCitizenComplaint {
  return {
    trackingNumber: NUMBER,
    kind: 'complaint',
    category: { id: 'social.pensions', name: { kk: 'Зейнетақылар', ru: 'Пенсии', en: 'Pensions' } },
    subject: 'Пенсия',
    description: 'Пенсия не назначена.',
    attachments: [],
    applicant: {
      displayName: 'Әйгерім С.',
      phoneMasked: '+7 701 *** ** 67',
      emailMasked: null,
      preferredLanguage: 'ru',
      preferredContact: 'phone',
    },
    chatSessionId: null,
    channel: 'web',
    status: 'in_review',
    registeredAt: '2026-11-23T05:05:00Z',
    dueAt: '2026-12-21T13:30:00Z',
    responsible: {
      department: { kk: 'Әлеуметтік қорғау бөлімі', ru: 'Отдел социальной защиты', en: 'Social protection department' },
      position: { kk: 'Бас маман', ru: 'Главный специалист', en: 'Chief specialist' },
    },
    delay: null,
    forwardedTo: null,
    resolution: null,
    externalRefs: [{ system: 'e-otinish', reference: 'ЖТ-2026-04512345' }],
    timeline: [
      {
        id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        at: '2026-11-23T05:05:00Z',
        type: 'registered',
        status: 'registered',
        note: { kk: 'Өтініш тіркелді.', ru: 'Обращение зарегистрировано.', en: 'The appeal was registered.' },
        actor: { kind: 'system' },
      },
      {
        id: '1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
        at: '2026-11-23T09:20:00Z',
        type: 'status_changed',
        status: 'in_review',
        note: null,
        actor: { kind: 'operator' },
      },
    ],
    comments: [],
    updatedAt: '2026-11-23T09:20:00Z',
    ...overrides,
  };
}

/** A client whose appeal lookups and watches are driven by the test, for states the mock reaches only slowly. */
function fakeAppeals() {
  const watchers = new Set<{ cb: (c: KcCitizenComplaint) => void; fail?: (e: never) => void }>();
  const calls: { number: string; code: string }[] = [];
  const comments: { number: string; text: string }[] = [];
  let answer: KcCitizenComplaint | Error = appeal();
  const module = {
    watch(
      number: string,
      code: string,
      cb: (c: KcCitizenComplaint) => void,
      options: { signal?: AbortSignal; onError?: (e: never) => void } = {},
    ) {
      calls.push({ number, code });
      const entry = { cb, fail: options.onError };
      watchers.add(entry);
      options.signal?.addEventListener('abort', () => watchers.delete(entry));
      queueMicrotask(() => {
        if (answer instanceof Error) entry.fail?.(answer as never);
        else cb(answer);
      });
      return () => watchers.delete(entry);
    },
    async comment(number: string, input: { text: string }) {
      comments.push({ number, text: input.text });
      return {
        id: 'x',
        author: { kind: 'citizen' },
        text: input.text,
        attachments: [],
        createdAt: '2026-11-24T04:00:00Z',
      };
    },
  };
  const configModule = { get: async () => fakeConfig({ appeals: { kinds: [], categories: [], procedure: t('') } }) };
  const client = {
    locale: 'ru',
    use(key: unknown) {
      if (key === complaints) return module;
      if (key === config) return configModule;
      throw new Error('[test] not implemented');
    },
  } as unknown as WidgetClient;
  return {
    client,
    calls,
    comments,
    answer: (a: KcCitizenComplaint | Error) => (answer = a),
    emit: (c: KcCitizenComplaint) => watchers.forEach((w) => w.cb(c)),
    get watching() {
      return watchers.size;
    },
  };
}

async function statusEl(client: WidgetClient, lang = 'ru', number = '') {
  const el = await fixture<KcComplaintStatus>(
    html`<kc-complaint-status
      .client=${client}
      lang=${lang}
      theme="light"
      tracking-number=${number}
    ></kc-complaint-status>`,
  );
  await waitUntil(() => $(el, 'form') !== null, 'renders', { timeout: 5000 });
  await settle(el);
  return el;
}

async function lookUp(el: KcComplaintStatus, number = NUMBER, code = CODE) {
  type($<HTMLInputElement>(el, '#trackingNumber')!, number);
  type($<HTMLInputElement>(el, '#accessCode')!, code);
  $<HTMLButtonElement>(el, '[part="find-button"]')!.click();
  await settle(el);
}

describe('<kc-complaint-status>', function () {
  // The machine running the suites is shared: the first axe run and the mock's start can be slow.
  this.timeout(20_000);

  afterEach(() => fixtureCleanup());

  it('is accessible', async () => {
    const el = await statusEl(fakeAppeals().client);
    await expect(el).to.be.accessible();
  });

  it('shows a status, an entry type and an author this version does not know in words, never as a code', async () => {
    // The contract lets a newer server add enum values ("Versioning"): the SDK passes them, the view names them
    // generically, in the citizen's language, and announces a change to one like any other.
    const fake = fakeAppeals();
    const newer = 'suspended_by_court' as KcCitizenComplaint['status'];
    fake.answer(
      appeal({
        status: newer,
        timeline: [
          {
            id: '2c3d4e5f-6a7b-4c8d-8e9f-0a1b2c3d4e5f',
            at: '2026-11-24T04:00:00Z',
            type: 'court_hold' as KcCitizenComplaint['timeline'][number]['type'],
            status: newer,
            note: null,
            actor: { kind: 'court' as KcCitizenComplaint['timeline'][number]['actor']['kind'] },
          },
        ],
      }),
    );
    for (const [lang, status, entry, author] of [
      ['ru', 'Обновлено', 'Новая запись', 'Контакт-центр'],
      ['kk', 'Жаңартылды', 'Жаңа жазба', 'Байланыс орталығы'],
      ['en', 'Updated', 'New entry', 'Contact center'],
    ] as const) {
      const el = await statusEl(fake.client, lang);
      await lookUp(el);
      await waitUntil(() => $(el, '[part="status"]') !== null, 'the appeal is shown', { timeout: 5000 });
      expect($(el, '[part="status"]')!.textContent.trim()).to.equal(status);
      const timeline = $(el, '[part="timeline"]')!.textContent;
      expect(timeline).to.contain(entry).and.contain(author).and.contain(status);
      const shown = el.shadowRoot!.textContent;
      for (const code of ['suspended_by_court', 'court_hold', 'court']) expect(shown).not.to.contain(code);
      await expect(el).to.be.accessible();
      fixtureCleanup();
    }
  });

  it('pre-fills the tracking number, lets paste and autofill work, and never puts the code in a URL', async () => {
    const fake = fakeAppeals();
    const url = location.href;
    const el = await statusEl(fake.client, 'ru', NUMBER);
    const number = $<HTMLInputElement>(el, '#trackingNumber')!;
    const code = $<HTMLInputElement>(el, '#accessCode')!;
    expect(number.value).to.equal(NUMBER);
    expect(code.getAttribute('autocomplete')).to.equal('current-password');
    expect(code.getAttribute('autocomplete')).not.to.equal('off');
    expect(code.type).to.equal('text');
    expect(code.hasAttribute('name')).to.equal(false);
    expect(code.hasAttribute('maxlength')).to.equal(false);
    type(code, CODE);
    $<HTMLButtonElement>(el, '[part="find-button"]')!.click();
    await settle(el);
    expect(fake.calls).to.deep.equal([{ number: NUMBER, code: CODE }]);
    expect(location.href).to.equal(url);
    expect(location.href).not.to.contain(CODE.slice(0, 4));
  });

  it('asks for both fields before looking up', async () => {
    const fake = fakeAppeals();
    const el = await statusEl(fake.client);
    $<HTMLButtonElement>(el, '[part="find-button"]')!.click();
    await settle(el);
    expect(fake.calls.length).to.equal(0);
    expect($(el, '#trackingNumber-error')!.textContent).to.equal('Введите номер обращения');
    expect($(el, '#accessCode-error')!.textContent).to.equal('Введите код доступа');
    expect(deepActive()).to.equal($(el, '#trackingNumber'));
    expect($(el, '#trackingNumber')!.getAttribute('aria-describedby')).to.contain('trackingNumber-error');
    await expect(el).to.be.accessible();
  });

  it('shows the status in words, the due date in Asia/Almaty, the department and position, the timeline and e-Otinish number', async () => {
    const fake = fakeAppeals();
    const el = await statusEl(fake.client);
    await lookUp(el);
    expect(deepActive()).to.equal($(el, '.heading'));
    expect($(el, '[part="status"]')!.textContent).to.equal('На рассмотрении');
    const all = textOf(el);
    expect(all).to.contain('Обращение KC-2026-000123');
    expect(all).to.match(/Срок рассмотрения 21 декабря.*18:30/);
    expect(all).to.contain('Отдел социальной защиты');
    expect(all).to.contain('Главный специалист');
    expect(all).to.contain('eOtinish: ЖТ-2026-04512345');
    const entries = $$(el, '.entry');
    expect(entries.length).to.equal(2);
    expect(entries[1]!.textContent).to.contain('Обращение зарегистрировано');
    expect(el.matches(':state(found)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  const views: [string, Partial<KcCitizenComplaint>, string[]][] = [
    ['registered', { status: 'registered' }, ['Зарегистрировано']],
    [
      'delayed and forwarded',
      {
        status: 'forwarded',
        delay: {
          reason: 'Запрошены сведения в другом органе.',
          newDueAt: '2026-12-30T13:30:00Z',
          plan: t('Ответим в течение 5 рабочих дней после получения сведений.'),
          at: '2026-12-10T06:00:00Z',
        },
        forwardedTo: { bodyName: t('Министерство труда'), at: '2026-11-24T05:00:00Z' },
      },
      [
        'Перенаправлено',
        'Срок рассмотрения продлён',
        'Запрошены сведения',
        '30 декабря',
        'Ответим в течение 5',
        'Министерство труда',
      ],
    ],
    [
      'escalated',
      { status: 'escalated' },
      ['Передано вышестоящему должностному лицу', 'вышестоящему должностному лицу.'],
    ],
    ['awaiting the citizen', { status: 'awaiting_citizen' }, ['Запрошены дополнительные сведения', 'Ваш ответ']],
    [
      'answered with its outcome',
      {
        status: 'answered',
        resolution: { outcome: 'satisfied', text: 'Пособие назначено.', at: '2026-12-05T10:00:00Z' },
      },
      ['Дан ответ', 'Результат рассмотрения', 'Удовлетворено', 'Пособие назначено.'],
    ],
    ['rejected', { status: 'rejected' }, ['Отказано']],
    ['withdrawn', { status: 'withdrawn' }, ['Отозвано заявителем']],
    ['closed', { status: 'closed' }, ['Рассмотрение завершено']],
  ];
  for (const [name, overrides, texts] of views) {
    it(`shows an appeal ${name}, accessibly`, async () => {
      const fake = fakeAppeals();
      fake.answer(appeal(overrides));
      const el = await statusEl(fake.client);
      await lookUp(el);
      const all = textOf(el);
      for (const text of texts) expect(all).to.contain(text);
      await expect(el).to.be.accessible();
    });
  }

  it('is accessible while searching', async () => {
    const fake = fakeAppeals();
    const el = await statusEl(fake.client);
    // A watch that never answers keeps the element searching.
    (fake.client.use(complaints, () => undefined) as unknown as { watch: unknown }).watch = () => () => undefined;
    await lookUp(el);
    expect(el.matches(':state(searching)')).to.equal(true);
    expect($(el, '[part="find-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('follows the appeal live and announces a change politely without moving focus', async () => {
    const fake = fakeAppeals();
    const el = await statusEl(fake.client);
    await lookUp(el);
    const code = $<HTMLInputElement>(el, '#accessCode')!;
    code.focus();
    fake.emit(appeal({ status: 'answered' }));
    await settle(el);
    expect($(el, '[part="status"]')!.textContent).to.equal('Дан ответ');
    expect($(el, '[role="status"]')!.textContent).to.equal('Статус обращения обновлён: Дан ответ.');
    expect(deepActive()).to.equal(code);
    const later = appeal({ status: 'answered' });
    later.timeline = [
      ...later.timeline,
      { ...later.timeline[0]!, id: '2b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', type: 'comment' },
    ];
    fake.emit(later);
    await settle(el);
    expect($(el, '[role="status"]')!.textContent).to.equal('В ходе рассмотрения обращения появилась новая запись.');
    fixtureCleanup();
    expect(fake.watching).to.equal(0);
  });

  it('takes a reply when the center waits for the citizen', async () => {
    const fake = fakeAppeals();
    fake.answer(appeal({ status: 'awaiting_citizen' }));
    const el = await statusEl(fake.client);
    await lookUp(el);
    $<HTMLButtonElement>(el, '[part="comment-button"]')!.click();
    await settle(el);
    expect($(el, '#comment-error')!.textContent).to.equal('Напишите ответ');
    expect(deepActive()).to.equal($(el, '#comment'));
    type($<HTMLTextAreaElement>(el, '#comment')!, 'Құжаттарды жібердім.');
    $<HTMLButtonElement>(el, '[part="comment-button"]')!.click();
    await settle(el);
    expect(fake.comments).to.deep.equal([{ number: NUMBER, text: 'Құжаттарды жібердім.' }]);
    expect($(el, '[role="status"]')!.textContent).to.equal('Ответ отправлен.');
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('');
  });

  it('renders every server text as text', async () => {
    const payload = PAYLOADS.join(' ');
    const fake = fakeAppeals();
    const bad = appeal({
      status: 'forwarded',
      category: { id: 'x', name: t(payload) },
      responsible: { department: t(payload), position: t(payload) },
      delay: { reason: payload, newDueAt: '2026-12-30T13:30:00Z', plan: t(payload), at: '2026-12-10T06:00:00Z' },
      forwardedTo: { bodyName: t(payload), at: '2026-11-24T05:00:00Z' },
      resolution: { outcome: 'explained', text: payload, at: '2026-12-05T10:00:00Z' },
      externalRefs: [{ system: 'e-otinish', reference: payload, url: 'javascript:alert(1)' }],
      comments: [
        {
          id: 'c',
          author: { kind: 'operator', label: t(payload) },
          text: payload,
          attachments: [],
          createdAt: '2026-11-24T04:00:00Z',
        },
      ],
    });
    bad.timeline = bad.timeline.map((e) => ({ ...e, note: payload, actor: { kind: 'operator', label: t(payload) } }));
    fake.answer(bad);
    const el = await statusEl(fake.client);
    await lookUp(el, payload, payload);
    expect(textOf(el)).to.contain(PAYLOADS[0]!);
    expect($$(el, 'img, script, svg, iframe').length).to.equal(0);
    expect($$(el, 'a').length).to.equal(0);
  });

  it('switches language without losing what was typed', async () => {
    const el = await statusEl(fakeAppeals().client);
    type($<HTMLInputElement>(el, '#trackingNumber')!, NUMBER);
    type($<HTMLInputElement>(el, '#accessCode')!, CODE);
    el.setAttribute('lang', 'kk');
    await waitUntil(() => textOf(el).includes('Өтініш нөмірі'), 'Kazakh', { timeout: 3000 });
    expect($<HTMLInputElement>(el, '#trackingNumber')!.value).to.equal(NUMBER);
    expect($<HTMLInputElement>(el, '#accessCode')!.value).to.equal(CODE);
    $<HTMLButtonElement>(el, '[part="find-button"]')!.click();
    await settle(el);
    expect($(el, '[part="status"]')!.textContent).to.equal('Қаралуда');
  });

  it('can be used by keyboard alone', async () => {
    const el = await statusEl(fakeAppeals().client);
    $<HTMLInputElement>(el, '#trackingNumber')!.focus();
    await sendKeys({ type: NUMBER });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#accessCode'));
    await sendKeys({ type: CODE });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part="status"]') !== null, 'found', { timeout: 3000 });
    expect(deepActive()).to.equal($(el, '.heading'));
  });

  it('follow() looks up what the form’s receipt gives', async () => {
    const fake = fakeAppeals();
    const el = await statusEl(fake.client);
    el.follow(NUMBER, CODE);
    await settle(el);
    expect(fake.calls).to.deep.equal([{ number: NUMBER, code: CODE }]);
    expect($<HTMLInputElement>(el, '#trackingNumber')!.value).to.equal(NUMBER);
  });

  it('shows a network failure in place with a retry', async () => {
    const fake = fakeAppeals();
    fake.answer(new KcNetworkError('down'));
    const el = await statusEl(fake.client);
    let reported = 0;
    el.addEventListener('kc-error', () => (reported += 1));
    await lookUp(el);
    expect($(el, '[part="error"]')).to.exist;
    expect(reported).to.equal(1);
    await expect(el).to.be.accessible();
  });

  describe('against the mock contact center', () => {
    let mock: MockWorker;
    before(async () => {
      mock = await mockCenter();
    });
    after(() => mock.stop());
    afterEach(async () => {
      await mock.scenario.reset();
    });

    it('gives one message for an unknown number, a wrong code and a malformed code', async () => {
      const el = await statusEl(clientOver());
      await lookUp(el, 'KC-2026-999999', 'AAAA-AAAA-AAAA-AAAA');
      await waitUntil(() => $(el, '[part="message"]') !== null, 'answered', { timeout: 3000 });
      const message = $(el, '[part="message"]')!;
      expect(message.textContent).to.equal(
        'Обращение с таким номером и кодом доступа не найдено. Проверьте номер и код и повторите попытку.',
      );
      expect(deepActive()).to.equal(message);
      expect(el.matches(':state(not-found)')).to.equal(true);
      await expect(el).to.be.accessible();
      const first = message.textContent;
      const { trackingNumber } = await registered(clientOver());
      await lookUp(el, trackingNumber, 'AAAA-AAAA-AAAA-AAAA');
      await waitUntil(() => $(el, '[part="message"]')?.textContent === first, 'a wrong code', { timeout: 3000 });
      await lookUp(el, 'KC-2026-999999', 'x');
      await waitUntil(() => $(el, '[part="message"]') !== null, 'answered', { timeout: 3000 });
      expect($(el, '[part="message"]')!.textContent).to.equal(first);
    });

    it('finds a registered appeal, follows it live as the operator moves it, and takes the reply it waits for', async () => {
      const { trackingNumber, accessCode } = await registered(clientOver());
      const el = await statusEl(clientOver());
      await lookUp(el, trackingNumber.toLowerCase(), accessCode);
      await waitUntil(() => $(el, '[part="status"]') !== null, 'found', { timeout: 5000 });
      expect($(el, '[part="status"]')!.textContent).to.equal('Зарегистрировано');
      expect(textOf(el)).to.contain(`Обращение ${trackingNumber}`);
      await expect(el).to.be.accessible();

      const page = await operatorCall<{ items: { id: string; trackingNumber: string }[] }>(
        mock,
        'GET',
        'complaints?limit=100',
      );
      const id = page.items.find((c) => c.trackingNumber === trackingNumber)!.id;
      await operatorCall(mock, 'POST', `complaints/${id}/transitions`, { to: 'in_review' });
      await waitUntil(() => $(el, '[part="status"]')!.textContent === 'На рассмотрении', 'live', { timeout: 5000 });
      expect($(el, '[role="status"]')!.textContent).to.equal('Статус обращения обновлён: На рассмотрении.');

      await operatorCall(mock, 'POST', `complaints/${id}/transitions`, {
        to: 'awaiting_citizen',
        reason: '<img src=x onerror=alert(1)> Приложите справку.',
      });
      await waitUntil(() => $(el, '[part="comment-form"]') !== null, 'awaiting', { timeout: 5000 });
      expect($$(el, 'img').length).to.equal(0);
      type($<HTMLTextAreaElement>(el, '#comment')!, 'Справку приложу завтра.');
      $<HTMLButtonElement>(el, '[part="comment-button"]')!.click();
      await waitUntil(() => textOf(el).includes('Справку приложу завтра.'), 'the reply in the messages', {
        timeout: 5000,
      });
      await waitUntil(() => $(el, '[part="status"]')!.textContent === 'На рассмотрении', 'back in review', {
        timeout: 5000,
      });
    });

    it('when rate-limited, says in words when to try again, and counts down', async () => {
      await mock.scenario.set({ rateLimit: { operations: ['lookupComplaint'], retryAfterSeconds: 65 } });
      const el = await statusEl(clientOver());
      await lookUp(el, 'KC-2026-999999', 'AAAA-AAAA-AAAA-AAAA');
      await waitUntil(() => $(el, '[part="message"]') !== null, 'limited', { timeout: 3000 });
      expect($(el, '[part="message"]')!.textContent).to.match(
        /^Слишком много попыток\. Повторить можно через 1 минуту \d+ секунд/,
      );
      expect($(el, '[role="status"]')!.textContent).to.contain('Слишком много попыток');
      expect(el.matches(':state(rate-limited)')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  it('counts the wait in Russian and Kazakh words', async () => {
    const ru = (await import('./strings/ru.js')).default;
    const kk = (await import('./strings/kk.js')).default;
    const en = (await import('./strings/en.js')).default;
    expect(ru.duration(1, 5)).to.equal('1 минуту 5 секунд');
    expect(ru.duration(2, 1)).to.equal('2 минуты 1 секунду');
    expect(ru.duration(5, 22)).to.equal('5 минут 22 секунды');
    expect(ru.duration(0, 30)).to.equal('30 секунд');
    expect(ru.duration(21, 0)).to.equal('21 минуту');
    expect(kk.duration(2, 5)).to.equal('2 минут 5 секунд');
    expect(en.duration(1, 1)).to.equal('1 minute 1 second');
  });
});
