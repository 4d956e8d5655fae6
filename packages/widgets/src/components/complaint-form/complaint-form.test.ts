// SPDX-License-Identifier: MIT
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MockWorker } from '@kc/mock/browser';
import type { KcCore } from '@kc/sdk';
import '../../kc-complaint-form.js';
import type { KcComplaintForm } from './complaint-form.js';
import {
  $,
  $$,
  clientOver,
  databaseExists,
  deepActive,
  field,
  fillAppeal,
  freshDatabase,
  mockCenter,
  nextStep as next,
  PAYLOADS,
  settle,
  textOf,
  type,
} from '../../../test/complaints.js';

const IIN = '850715401236';
const BIN = '990140004654';

let mock: MockWorker;

async function form(options: { lang?: string; client?: KcCore; database?: string } = {}) {
  const database = options.database ?? freshDatabase();
  const client = options.client ?? clientOver(database);
  const el = await fixture<KcComplaintForm>(
    html`<kc-complaint-form .client=${client} lang=${options.lang ?? 'ru'} theme="light"></kc-complaint-form>`,
  );
  await waitUntil(() => $(el, 'form, .receipt, .kc-error') !== null, 'the form renders', { timeout: 5000 });
  await settle(el);
  return { el, client, database };
}

const button = (el: KcComplaintForm, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`)!;

/** Fills every step with valid answers and stops on the review. */
const fillAll = (el: KcComplaintForm, options: { consent?: boolean } = {}) => fillAppeal(el, { ...options, iin: IIN });

describe('<kc-complaint-form>', function () {
  // The machine running the suites is shared: the first axe run and the mock's start can be slow.
  this.timeout(20_000);

  before(async () => {
    mock = await mockCenter();
  });

  after(() => mock.stop());

  afterEach(async () => {
    fixtureCleanup();
    mock.worker.resetHandlers();
    await mock.scenario.reset();
  });

  it('is accessible', async () => {
    const { el } = await form();
    await expect(el).to.be.accessible();
  });

  it('starts with the kinds and categories of the configuration, the procedure and the deadline of the kind', async () => {
    const { el } = await form();
    const kinds = $$<HTMLInputElement>(el, 'input[name="kind"]');
    expect(kinds.map((k) => k.value)).to.deep.equal(['complaint', 'application', 'request', 'proposal']);
    expect(textOf(el)).to.contain('Жалоба на административный акт');
    expect($$(el, '#categoryId optgroup').length).to.be.greaterThan(3);
    expect(textOf(el)).to.contain('Шаг 1 из 5');
    expect(textOf(el)).to.contain('по телефону 109');
    kinds[0]!.click();
    await settle(el, 1);
    expect(textOf(el)).to.contain('Жалоба рассматривается в течение 20 рабочих дней');
  });

  it('on a failed step shows an error summary that takes focus and links to each field', async () => {
    const { el } = await form();
    await next(el);
    const summary = $(el, '[part="error-summary"]')!;
    expect(summary).to.exist;
    expect(deepActive()).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent.trim())).to.deep.equal(['Выберите вид обращения', 'Выберите категорию']);
    const category = field<HTMLSelectElement>(el, 'categoryId');
    expect(category.getAttribute('aria-invalid')).to.equal('true');
    expect(category.getAttribute('aria-describedby')).to.contain('categoryId-error');
    expect($(el, '#categoryId-error')!.textContent).to.equal('Выберите категорию');
    links[1]!.click();
    expect(deepActive()).to.equal(category);
    await expect(el).to.be.accessible();
  });

  it('counts characters as GOV.UK does: no maxlength, a hidden counter and a polite status when typing pauses, in Russian plurals', async () => {
    const { el } = await form();
    await fillAll(el);
    $$<HTMLButtonElement>(el, '[part="change-button"]')[3]!.click();
    await settle(el);
    const area = field<HTMLTextAreaElement>(el, 'description');
    expect(deepActive()).to.equal(area);
    expect(area.hasAttribute('maxlength')).to.equal(false);
    const counter = $(el, '[part="counter"]')!;
    expect(counter.getAttribute('aria-hidden')).to.equal('true');
    type(area, 'а'.repeat(9999));
    await settle(el, 1);
    expect(counter.textContent).to.equal('Остался 1 символ');
    type(area, 'а'.repeat(9998));
    await settle(el, 1);
    expect(counter.textContent).to.equal('Осталось 2 символа');
    type(area, 'а'.repeat(9995));
    await settle(el, 1);
    expect(counter.textContent).to.equal('Осталось 5 символов');
    const status = $(el, '.field [role="status"]')!;
    await waitUntil(() => status.textContent === 'Осталось 5 символов', 'announced after the pause', { timeout: 3000 });
    type(area, 'а'.repeat(10_002));
    await settle(el, 1);
    expect(counter.textContent).to.equal('Превышено на 2 символа');
    expect(counter.classList.contains('counter--over')).to.equal(true);
    await next(el);
    expect(textOf(el)).to.contain('Описание должно быть не длиннее 10');
  });

  it('counts in Kazakh too', async () => {
    const { el } = await form({ lang: 'kk' });
    field(el, 'kind').click();
    const select = field<HTMLSelectElement>(el, 'categoryId');
    select.value = 'roads.repair';
    select.dispatchEvent(new Event('change'));
    await next(el);
    type(field(el, 'description'), 'а'.repeat(9979));
    await settle(el, 1);
    expect($(el, '[part="counter"]')!.textContent).to.equal('21 таңба қалды');
  });

  it('checks the type and size of attachments before uploading, uploads with progress, and removes them', async () => {
    const { el } = await form();
    field(el, 'kind').click();
    const select = field<HTMLSelectElement>(el, 'categoryId');
    select.value = 'roads.repair';
    select.dispatchEvent(new Event('change'));
    await next(el);
    const input = field(el, 'files');
    expect(input.getAttribute('accept')).to.equal('application/pdf,image/jpeg,image/png');
    const pick = (...files: File[]) => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(f);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    };
    const before = mock.stats.requests.uploadAttachment ?? 0;
    pick(new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }));
    pick(new File([new Uint8Array(11 * 1024 * 1024)], 'big.pdf', { type: 'application/pdf' }));
    await settle(el, 1);
    expect($(el, '#files-error')!.textContent).to.contain('«big.pdf» слишком большой');
    pick(new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }));
    await settle(el, 1);
    expect($(el, '#files-error')!.textContent).to.contain('можно приложить только PDF, JPEG, PNG');
    expect(mock.stats.requests.uploadAttachment ?? 0).to.equal(before);

    pick(new File(['%PDF-1.7\n%%EOF\n'], 'анықтама.pdf', { type: 'application/pdf' }));
    await settle(el, 1);
    expect($(el, '#files-error')).to.equal(null);
    await waitUntil(() => textOf(el).includes('Удалить файл «анықтама.pdf»'), 'uploaded', { timeout: 5000 });
    expect(mock.stats.requests.uploadAttachment).to.equal(before + 1);
    expect($(el, '[role="status"]')!.textContent).to.equal('Файл «анықтама.pdf» добавлен.');
    $$<HTMLButtonElement>(el, '.file button')[0]!.click();
    await settle(el, 1);
    expect(textOf(el)).not.to.contain('Удалить файл');
    expect(deepActive()).to.equal(input);
  });

  it('shows an upload in progress with a cancel button that stops it', async () => {
    const { el } = await form();
    await mock.scenario.set({ latency: 1500 });
    field(el, 'kind').click();
    const select = field<HTMLSelectElement>(el, 'categoryId');
    select.value = 'roads.repair';
    select.dispatchEvent(new Event('change'));
    await next(el);
    const input = field(el, 'files');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.7\n'], 'a.pdf', { type: 'application/pdf' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await settle(el, 1);
    expect($(el, 'progress')).to.exist;
    await expect(el).to.be.accessible();
    type(field(el, 'description'), 'Яма.');
    await next(el);
    expect($(el, '#files-error')!.textContent).to.equal('Дождитесь окончания загрузки файлов или отмените её');
    $$<HTMLButtonElement>(el, '.file button')[0]!.click();
    await waitUntil(() => $(el, 'progress') === null, 'cancelled', { timeout: 3000 });
    expect($(el, '[role="status"]')!.textContent).to.equal('Загрузка файла «a.pdf» отменена.');
  });

  it('checks the IIN and BIN with the contract’s rules, accepts Kazakh letters (NFC) and normalises the phone', async () => {
    const { el } = await form();
    await fillAll(el);
    $$<HTMLButtonElement>(el, '[part="change-button"]')[6]!.click();
    await settle(el);
    expect(field(el, 'lastName').getAttribute('autocomplete')).to.equal('family-name');
    expect(field(el, 'firstName').getAttribute('autocomplete')).to.equal('given-name');
    expect(field(el, 'phone').getAttribute('autocomplete')).to.equal('tel');
    expect(field(el, 'email').getAttribute('autocomplete')).to.equal('email');
    type(field(el, 'iin'), '850715401235');
    type(field(el, 'firstName'), 'Ai<gerim>');
    type(field(el, 'phone'), '+7 916 123-45-67');
    await next(el);
    const summary = $(el, '[part="error-summary"]')!.textContent;
    expect(summary).to.contain('ИИН должен состоять из 12 цифр');
    expect(summary).to.contain('может содержать только буквы');
    expect(summary).to.contain('казахстанский номер телефона');
    await expect(el).to.be.accessible();

    // «Ә» typed as A + combining diaeresis… is stored composed.
    type(field(el, 'iin'), IIN);
    type(field(el, 'firstName'), 'Ә\u0301йгерім'.normalize('NFD'));
    type(field(el, 'firstName'), 'ӘЙГЕРІМ ҒҚҢӨҰҮҺ'.normalize('NFD'));
    type(field(el, 'phone'), '+7 701 123 45 67');
    await settle(el, 1);
    await next(el);
    expect($(el, '[part="error-summary"]')).to.equal(null);
    expect(textOf(el)).to.contain('ӘЙГЕРІМ ҒҚҢӨҰҮҺ');
    expect(textOf(el)).to.contain('+77011234567');

    $$<HTMLButtonElement>(el, '[part="change-button"]')[5]!.click();
    await settle(el);
    ($(el, '#applicantType-organisation') as HTMLInputElement).click();
    await settle(el, 1);
    type(field(el, 'bin'), '990140004655');
    await next(el);
    expect(textOf(el)).to.contain('БИН должен состоять из 12 цифр');
    expect(textOf(el)).to.contain('Введите название организации');
    type(field(el, 'bin'), BIN);
    type(field(el, 'organisationName'), 'ТОО «Қала»');
    await next(el);
    expect(textOf(el)).to.contain('Проверьте ответы');
    expect(textOf(el)).to.contain(BIN);
  });

  it('pre-fills the applicant from the portal’s identity, leaving what the citizen typed', async () => {
    const { el } = await form();
    el.identity = {
      iin: IIN,
      lastName: 'Сейтқали',
      firstName: 'Әйгерім',
      phone: '+77011234567',
      email: 'a@example.kz',
    };
    await fillAll(el);
    const review = textOf(el);
    expect(review).to.contain('a@example.kz');
    expect(review).to.contain('Русский');
    $$<HTMLButtonElement>(el, '[part="change-button"]')[5]!.click();
    await settle(el);
    expect(field(el, 'firstName').value).to.equal('Әйгерім');
    el.identity = { firstName: 'Другое' };
    await settle(el, 1);
    expect(field(el, 'firstName').value).to.equal('Әйгерім');
  });

  it('asks for consent under the notice of law 94-V art. 8, never pre-ticked, and cannot submit without it', async () => {
    const { el } = await form();
    await fillAll(el, { consent: false });
    expect(textOf(el)).to.contain('Согласие на сбор и обработку персональных данных');
    const consent = field(el, 'consent');
    expect(consent.checked).to.equal(false);
    const all = textOf(el);
    for (const part of [
      'Кто обрабатывает',
      'БИН',
      'Какие данные',
      'Для чего',
      'Как долго хранятся',
      'Кому передаются',
      'Как отозвать согласие',
    ])
      expect(all).to.contain(part);
    expect($(el, '#consent-error')!.textContent).to.contain('Без согласия');
    expect(consent.getAttribute('aria-describedby')).to.contain('consent-error');
    expect($(el, '[part="submit-button"]')).to.equal(null);
  });

  it('reviews every answer with a change button back to its step, then returns to the review', async () => {
    const { el } = await form();
    await fillAll(el);
    const review = textOf(el);
    expect(review).to.contain('Жалоба');
    expect(review).to.contain('Пенсии');
    expect(review).to.contain('Пенсия не назначена уже два месяца.');
    expect(review).to.contain(IIN);
    const change = $$<HTMLButtonElement>(el, '[part="change-button"]');
    expect(change[1]!.getAttribute('aria-label')).to.equal('Изменить: Категория');
    change[1]!.click();
    await settle(el);
    expect(deepActive()).to.equal(field(el, 'categoryId'));
    await next(el);
    expect(textOf(el)).to.contain('Проверьте ответы');
    await expect(el).to.be.accessible();
  });

  it('submits: kc-submit, then the receipt takes focus with number, code, times in Asia/Almaty, department and next steps', async () => {
    const { el, client } = await form();
    await fillAll(el);
    const submitting = oneEvent(el, 'kc-submit');
    const submitted = oneEvent(el, 'kc-submitted');
    button(el, 'submit-button').click();
    const { detail } = await submitting;
    expect(detail.draft.applicant).to.include({ iin: IIN, phone: '+77011234567', preferredLanguage: 'ru' });
    const done = await submitted;
    expect(done.detail.trackingNumber).to.match(/^[A-Z]{2,6}-\d{4}-\d{6}$/);
    expect(done.detail).not.to.have.property('accessCode');
    await settle(el);
    const heading = $(el, '.heading')!;
    expect(heading.textContent.trim()).to.equal('Обращение зарегистрировано');
    expect(deepActive()).to.equal(heading);
    expect($(el, '[part~="tracking-number"]')!.textContent).to.equal(done.detail.trackingNumber);
    expect($(el, '[part~="access-code"]')!.textContent).to.match(/^[0-9A-Z]{4}(-?[0-9A-Z]{4}){3}$/);
    const all = textOf(el);
    expect(all).to.contain('Ответственное подразделение');
    expect(all).to.contain('Что дальше');
    expect(all).to.match(/GMT\+5|UTC\+5|\+05/);
    expect(all).to.contain('Срок рассмотрения');
    expect(await client.drafts.load('kc-complaint-form')).to.equal(undefined);
    await expect(el).to.be.accessible();

    const follow = oneEvent(el, 'kc-follow-status');
    button(el, 'follow-button').click();
    expect((await follow).detail.trackingNumber).to.equal(done.detail.trackingNumber);
  });

  it('does nothing when kc-submit is cancelled', async () => {
    const { el } = await form();
    await fillAll(el);
    const before = mock.stats.requests.submitComplaint ?? 0;
    el.addEventListener('kc-submit', (e) => e.preventDefault(), { once: true });
    button(el, 'submit-button').click();
    await settle(el);
    expect(mock.stats.requests.submitComplaint ?? 0).to.equal(before);
    expect(textOf(el)).to.contain('Проверьте ответы');
  });

  it('is accessible while submitting', async () => {
    const { el } = await form();
    await fillAll(el);
    await mock.scenario.set({ latency: 800 });
    button(el, 'submit-button').click();
    await settle(el, 2);
    expect(button(el, 'submit-button').getAttribute('aria-disabled')).to.equal('true');
    expect(el.matches(':state(submitting)')).to.equal(true);
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '.receipt') !== null, 'registered', { timeout: 5000 });
  });

  it('offline: keeps the appeal in the outbox, says so politely without moving focus, and shows the receipt when it lands', async () => {
    const { el } = await form();
    await fillAll(el);
    await mock.scenario.set({ networkFailure: { operations: ['submitComplaint'] } });
    const queued = oneEvent(el, 'kc-submit-error');
    const submit = button(el, 'submit-button');
    submit.focus();
    submit.click();
    expect((await queued).detail.queued).to.equal(true);
    await settle(el);
    expect($(el, '[part="queued"]')).to.exist;
    expect($(el, ':host > [role="status"], [role="status"]')!.textContent).to.contain('Обращение сохранено');
    expect(deepActive()).to.equal(button(el, 'submit-button'));
    expect(button(el, 'submit-button').textContent.trim()).to.equal('Попробовать отправить сейчас');
    expect(el.matches(':state(queued)')).to.equal(true);
    await expect(el).to.be.accessible();

    await mock.scenario.reset();
    const landed = oneEvent(el, 'kc-submitted');
    button(el, 'submit-button').click();
    expect((await landed).detail.fromOutbox).to.equal(true);
    await settle(el);
    expect($(el, '.receipt')).to.exist;
  });

  it('registers an appeal submitted offline exactly once after the network returns and the page reloads', async () => {
    const database = freshDatabase();
    const first = await form({ database });
    await fillAll(first.el);
    await mock.scenario.set({ networkFailure: { operations: ['submitComplaint'] } });
    button(first.el, 'submit-button').click();
    await oneEvent(first.el, 'kc-submit-error');
    const keysBefore = new Set(mock.stats.complaintsByKey.keys());
    // The page goes away: its client stops, its element leaves.
    first.client.close();
    fixtureCleanup();
    await mock.scenario.reset();

    const second = await form({ database });
    // The outbox of the closed page may still hold its Web Lock for a moment; the new one then tries again after 5 s.
    await waitUntil(() => $(second.el, '.receipt') !== null, 'the receipt after the reload', { timeout: 15_000 });
    expect($(second.el, '[part~="tracking-number"]')!.textContent).to.match(/^[A-Z]{2,6}-\d{4}-\d{6}$/);
    await expect(second.el).to.be.accessible();
    const fresh = [...mock.stats.complaintsByKey].filter(([key]) => !keysBefore.has(key));
    expect(fresh.length).to.equal(1);
    expect(fresh[0]![1]).to.equal(1);
    await waitUntil(async () => (await second.client.outbox.pending()).length === 0);
    expect(await second.client.outbox.results()).to.deep.equal([]);
  });

  it('a refusal from the server shows the summary with the field, on its step', async () => {
    const { el } = await form();
    await fillAll(el);
    const { http, HttpResponse } = await import('msw');
    mock.worker.use(
      http.post('/api/v1/complaints', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Unprocessable',
            status: 422,
            code: 'validation_failed',
            errors: [{ field: '/applicant/email', code: 'format', message: 'bad' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const failed = oneEvent(el, 'kc-submit-error');
    button(el, 'submit-button').click();
    expect((await failed).detail.queued).to.equal(false);
    await settle(el);
    expect(textOf(el)).to.contain('Шаг 3 из 5');
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()).to.equal($(el, '[part="error-summary"]'));
  });

  it('saves nothing before the citizen types, then autosaves the draft and brings it back after a reload', async () => {
    const database = freshDatabase();
    const first = await form({ database });
    await settle(first.el);
    expect(await databaseExists(database)).to.equal(false);
    field(first.el, 'kind').click();
    const select = field<HTMLSelectElement>(first.el, 'categoryId');
    select.value = 'roads.repair';
    select.dispatchEvent(new Event('change'));
    await next(first.el);
    type(field(first.el, 'description'), 'Яма на дороге у дома 5.');
    type Saved = { values: { description: string } } | undefined;
    await waitUntil(
      async () =>
        (await first.client.drafts.load<Saved>('kc-complaint-form'))?.values.description === 'Яма на дороге у дома 5.',
      'saved',
      { timeout: 3000 },
    );
    first.client.close();
    fixtureCleanup();

    const second = await form({ database });
    await waitUntil(() => $(second.el, '#description') !== null, 'restored', { timeout: 3000 });
    expect(field<HTMLTextAreaElement>(second.el, 'description').value).to.equal('Яма на дороге у дома 5.');
    expect($(second.el, '[role="status"]')!.textContent).to.equal('Восстановлен черновик вашего обращения.');
  });

  it('switches language mid-form without losing what was typed', async () => {
    const { el } = await form();
    await fillAll(el);
    $$<HTMLButtonElement>(el, '[part="change-button"]')[3]!.click();
    await settle(el);
    type(field(el, 'description'), 'Мәтін текст text');
    el.setAttribute('lang', 'kk');
    await waitUntil(() => textOf(el).includes('Өтініштің мәнін сипаттаңыз'), 'Kazakh', { timeout: 3000 });
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.equal('Мәтін текст text');
    el.setAttribute('lang', 'en');
    await waitUntil(() => textOf(el).includes('Describe your appeal'), 'English', { timeout: 3000 });
    await next(el);
    expect(textOf(el)).to.contain('Check your answers');
    expect(textOf(el)).to.contain('Сейтқали');
    expect(textOf(el)).to.contain('Мәтін текст text');
  });

  it('shows in place, accessibly, when the configuration cannot be loaded, and retries', async () => {
    await mock.scenario.set({ networkFailure: { operations: ['getConfig'], times: 1 } });
    let reported = 0;
    const client = clientOver();
    const el = await fixture<KcComplaintForm>(
      html`<kc-complaint-form .client=${client} lang="ru" @kc-error=${() => (reported += 1)}></kc-complaint-form>`,
    );
    await waitUntil(() => $(el, '[part="error"]') !== null, 'the error state', { timeout: 5000 });
    expect(reported).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitUntil(() => $(el, 'form') !== null, 'the form after the retry', { timeout: 5000 });
  });

  it('takes mandated wording per instance through strings.complaintForm', async () => {
    const { el } = await form();
    el.strings = { complaintForm: { continue: 'Далее' }, common: { retry: 'Ещё раз' } };
    await settle(el, 1);
    expect(button(el, 'continue-button').textContent.trim()).to.equal('Далее');
    expect(textOf(el)).to.contain('Вид обращения');
  });

  it('renders server texts and the citizen’s input as text', async () => {
    const config = await (await fetch('/api/v1/config')).json();
    const payload = PAYLOADS.join(' ');
    config.appeals.categories = [
      { id: 'xss', parentId: null, name: { kk: payload, ru: payload, en: payload } },
      { id: 'xss.child', parentId: 'xss', name: { kk: payload, ru: payload, en: payload } },
    ];
    config.appeals.procedure = { kk: payload, ru: payload, en: payload };
    config.privacy.data = { kk: payload, ru: payload, en: payload };
    config.privacy.text = { kk: payload, ru: payload, en: payload };
    config.privacy.url = 'javascript:alert(1)';
    const { http, HttpResponse } = await import('msw');
    mock.worker.use(http.get('/api/v1/config', () => HttpResponse.json(config)));
    let alerted = false;
    const original = window.alert.bind(window);
    window.alert = () => {
      alerted = true;
    };
    try {
      const { el } = await form();
      field(el, 'kind').click();
      const select = field<HTMLSelectElement>(el, 'categoryId');
      select.value = 'xss.child';
      select.dispatchEvent(new Event('change'));
      await next(el);
      type(field(el, 'subject'), payload);
      type(field(el, 'description'), payload);
      await next(el);
      type(field(el, 'iin'), IIN);
      type(field(el, 'lastName'), 'Сейтқали');
      type(field(el, 'firstName'), 'Әйгерім');
      type(field(el, 'phone'), '87011234567');
      await next(el);
      expect(textOf(el)).to.contain(PAYLOADS[0]!);
      expect($$(el, 'a').some((a) => a.getAttribute('href')?.startsWith('javascript'))).to.equal(false);
      field(el, 'consent').click();
      await next(el);
      expect(textOf(el)).to.contain(PAYLOADS[0]!);
      await new Promise((r) => setTimeout(r, 50));
      expect($$(el, 'img, script, svg, iframe').length).to.equal(0);
      expect(alerted).to.equal(false);
    } finally {
      window.alert = original;
    }
  });

  it('can be completed by keyboard alone', async () => {
    const { el } = await form();
    const tab = () => sendKeys({ press: 'Tab' });
    field(el, 'kind').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await tab();
    expect(deepActive()).to.equal(field(el, 'categoryId'));
    // Choosing in a closed select with the arrow keys works in both engines.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(el, 1);
    await tab();
    expect(deepActive()).to.equal(button(el, 'continue-button'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(deepActive()).to.equal($(el, '.heading'));
    await tab();
    await tab();
    expect(deepActive()).to.equal(field(el, 'description'));
    await sendKeys({ type: 'Жарық жоқ.' });
    await tab();
    await tab();
    expect(deepActive()).to.equal(button(el, 'continue-button'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tab();
    await tab();
    expect(deepActive()).to.equal(field(el, 'iin'));
    await sendKeys({ type: IIN });
    await tab();
    await sendKeys({ type: 'Сейтқали' });
    await tab();
    await sendKeys({ type: 'Әйгерім' });
    await tab();
    await tab();
    await sendKeys({ type: '87011234567' });
    await settle(el, 1);
    button(el, 'continue-button').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    field(el, 'consent').focus();
    await sendKeys({ type: ' ' });
    await tab();
    expect(deepActive()).to.equal(button(el, 'continue-button'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    button(el, 'submit-button').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.receipt') !== null, 'registered', { timeout: 5000 });
    expect($(el, '[part~="tracking-number"]')!.textContent).to.match(/^[A-Z]{2,6}-\d{4}-\d{6}$/);
  });
});
