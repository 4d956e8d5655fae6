// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { isOpen, KcNetworkError } from '@kc/sdk';
import type { KcErrorEvent } from '../../events/kc-error.js';
import '../../kc-callback.js';
import type { KcCallback } from './callback.js';
import { fakeConfig } from '../../../test/fake-client.js';
import { almatySlots, fakeCallbackClient, httpError, type FakeCallbackOptions } from '../../../test/fake-callbacks.js';
import { settle, until } from '../../../test/dom.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

const SCHEDULE = {
  timeZone: 'Asia/Almaty',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, intervals: [{ open: '09:00', close: '18:30' }] })),
  holidays: [],
  workingDays: [],
};

async function callback(options: FakeCallbackOptions & { lang?: string; userTimeZone?: string } = {}) {
  const fake = fakeCallbackClient({ config: fakeConfig({ schedule: SCHEDULE }), ...options });
  const el = await fixture<KcCallback>(
    html`<kc-callback
      .client=${fake.client}
      .userTimeZone=${options.userTimeZone ?? 'Asia/Almaty'}
      lang=${options.lang ?? 'ru'}
      theme="light"
    ></kc-callback>`,
  );
  await until(el, () => $(el, 'form') !== null, 'the form');
  await settle(el);
  return { el, fake };
}

async function type(el: KcCallback, selector: string, value: string) {
  const input = $<HTMLInputElement>(el, selector)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function fill(el: KcCallback, { phone = '8 701 123 45 67', topic = 'Пенсия', name = 'Әйгерім' } = {}) {
  await type(el, '#topic', topic);
  await type(el, '#phone', phone);
  await type(el, '#name', name);
  const consent = $<HTMLInputElement>(el, '#consent')!;
  if (!consent.checked) consent.click();
  await el.updateComplete;
}

const submit = async (el: KcCallback) => {
  $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
  await settle(el);
};

describe('<kc-callback>', () => {
  it('is accessible', async () => {
    const { el } = await callback();
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, closed, with the slot picker and errors', async () => {
    const fake = fakeCallbackClient({ config: fakeConfig({ schedule: SCHEDULE }), open: false });
    const el = await fixture<KcCallback>(
      html`<kc-callback .client=${fake.client} lang="kk" theme="dark"></kc-callback>`,
    );
    await until(el, () => $(el, 'form') !== null, 'the form');
    await submit(el);
    expect($(el, '[part="error-summary"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says it is open and the wait, and offers "as soon as possible" while open', async () => {
    const { el } = await callback({ waitSeconds: 430 });
    expect($(el, '[part="availability"]')!.textContent).to.contain('Контакт-центр сейчас работает.');
    expect($(el, '[part="availability"]')!.textContent).to.contain('около 8 минут');
    const asap = $<HTMLInputElement>(el, 'input[name="when"][value="asap"]')!;
    expect(asap).to.not.equal(null);
    expect(asap.checked).to.equal(true);
    expect($(el, '[part="days"]')).to.equal(null);
  });

  it('closed: no "as soon as possible", says when it opens, and shows the slot picker', async () => {
    const { el } = await callback({ open: false, nextOpeningAt: '2026-11-24T04:00:00.000Z' });
    expect($(el, 'input[name="when"]')).to.equal(null);
    expect($(el, '[part="availability"]')!.textContent).to.match(
      /Контакт-центр сейчас не работает\. Начнёт работу 24 ноября.*09:00/,
    );
    expect($(el, '[part="days"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers only the free slots the server gives, grouped by day in the center’s time zone', async () => {
    const { el } = await callback({ open: false });
    const days = $$(el, '[part~="day"]');
    expect(days.map((d) => d.textContent.trim())).to.deep.equal(['понедельник, 23 ноября', 'вторник, 24 ноября']);
    expect(days[0]!.getAttribute('aria-pressed')).to.equal('true');
    const times = $$(el, 'input[name="slot"]').map((r) => r.closest('label')!.textContent.replace(/\s+/g, ' ').trim());
    // 16:30 is full: not offered.
    expect(times).to.deep.equal(['15:00–15:30', '15:30–16:00', '16:00–16:30']);
    days[1]!.click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, 'input[name="slot"]').map((r) => r.value)).to.deep.equal([
      '2026-11-24T04:00:00.000Z',
      '2026-11-24T04:30:00.000Z',
    ]);
    expect($(el, '[part="slots"] legend')!.textContent).to.equal('Время, вторник, 24 ноября');
    await expect(el).to.be.accessible();
  });

  it('drops a slot the server offers outside working hours by the shared calendar', async () => {
    const { el } = await callback({
      open: false,
      slots: [
        ...almatySlots('2026-11-24', ['08:30', '09:00', '18:00', '18:30']),
        // A Saturday with no working hours in the schedule.
        ...almatySlots('2026-11-28', ['10:00']),
      ],
    });
    const offered = $$<HTMLInputElement>(el, 'input[name="slot"]').map((r) => r.value);
    expect(offered).to.deep.equal(['2026-11-24T04:00:00.000Z', '2026-11-24T13:00:00.000Z']);
    expect($$(el, '[part~="day"]')).to.have.length(1);
    for (const start of offered) expect(isOpen(SCHEDULE, new Date(start))).to.equal(true);
  });

  it('shows the citizen’s own time beside each slot when their time zone differs', async () => {
    const { el } = await callback({ open: false, userTimeZone: 'Europe/Moscow' });
    const first = $$(el, 'input[name="slot"]')[0]!.closest('label')!.textContent.replace(/\s+/g, ' ');
    expect(first).to.match(/15:00–15:30 \(у вас 13:00/);
    expect(text(el)).to.contain('Время указано по часовому поясу контакт-центра (GMT+5).');
  });

  it('does not show a second time when the citizen is in the center’s zone', async () => {
    const { el } = await callback({ open: false, userTimeZone: 'Asia/Qostanay' });
    expect($(el, '.own-time')).to.equal(null);
  });

  it('refuses an incomplete form with an error summary that takes focus and links to each field', async () => {
    const { el, fake } = await callback({ open: false });
    await type(el, '#phone', '+7 916 123 45 67');
    await type(el, '#name', '<img src=x>');
    await submit(el);
    const summary = $(el, '[part="error-summary"]')!;
    expect(active(el)).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent.trim());
    expect(links).to.deep.equal([
      'Выберите время звонка',
      'Напишите тему звонка',
      'Введите казахстанский номер телефона, например +7 701 123 45 67',
      'Имя может содержать только буквы, пробел, дефис и апостроф',
      'Чтобы оператор мог позвонить, дайте согласие на сбор и обработку персональных данных',
    ]);
    expect($(el, '#phone')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#phone')!.getAttribute('aria-describedby')).to.equal('phone-hint phone-error');
    expect(fake.requests).to.have.length(0);
    await expect(el).to.be.accessible();
    (summary.querySelectorAll('a')[2] as HTMLAnchorElement).click();
    expect(active(el)).to.equal($(el, '#phone'));
  });

  it('accepts Kazakh letters in the name and books "as soon as possible", normalised, and confirms with focus', async () => {
    const { el, fake } = await callback();
    await fill(el, { name: 'Әйгерім Қасымқызы' });
    const requested = oneEvent(el, 'kc-callback-requested');
    await submit(el);
    const event = await requested;
    expect(event.detail.status).to.equal('sent');
    expect(fake.requests[0]).to.deep.include({
      phone: '+77011234567',
      topic: 'Пенсия',
      name: 'Әйгерім Қасымқызы',
      language: 'ru',
      when: { asap: true },
      consent: { given: true, version: '1' },
    });
    const heading = $(el, '#done-heading')!;
    expect(active(el)).to.equal(heading);
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(text(el)).to.contain('Заявка на обратный звонок принята');
    expect(text(el)).to.contain('Оператор позвонит вам как можно скорее, примерно 23 ноября');
    expect(el.matches(':state(confirmed)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('books a chosen slot, then reschedules and cancels it while pending', async () => {
    const { el, fake } = await callback();
    $<HTMLInputElement>(el, 'input[name="when"][value="slot"]')!.click();
    await el.updateComplete;
    $$<HTMLInputElement>(el, 'input[name="slot"]')[1]!.click();
    await fill(el);
    await submit(el);
    expect(fake.requests[0]!.when).to.deep.equal({ slotStart: '2026-11-23T10:30:00.000Z' });
    expect(text(el)).to.match(/Оператор позвонит вам понедельник, 23 ноября.*15:30/);
    await expect(el).to.be.accessible();

    [...$$(el, '[part="confirmation"] button')].find((b) => b.textContent.includes('Изменить время'))!.click();
    await settle(el);
    expect(active(el)?.id).to.equal('reschedule');
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name="when"][value="slot"]')!.click();
    await el.updateComplete;
    $$(el, '[part~="day"]')[1]!.click();
    await el.updateComplete;
    $$<HTMLInputElement>(el, 'input[name="slot"]')[0]!.click();
    await el.updateComplete;
    [...$$(el, '[part="confirmation"] button')].find((b) => b.textContent.includes('Сохранить'))!.click();
    await settle(el);
    expect(fake.rescheduled[0]!.when).to.deep.equal({ slotStart: '2026-11-24T04:00:00.000Z' });
    expect($(el, '[role="status"]')!.textContent).to.equal('Время звонка изменено.');
    expect(text(el)).to.match(/вторник, 24 ноября.*09:00/);

    const cancelled = oneEvent(el, 'kc-callback-cancelled');
    [...$$(el, '[part="confirmation"] button')].find((b) => b.textContent.includes('Отменить'))!.click();
    expect((await cancelled).detail.callback.status).to.equal('cancelled');
    await settle(el);
    expect(active(el)?.id).to.equal('cancelled-heading');
    expect(text(el)).to.contain('Обратный звонок отменён');
    await expect(el).to.be.accessible();
  });

  it('offline: says the request is saved on the device, then confirms it when the outbox delivers it', async () => {
    const { el, fake } = await callback();
    fake.callbackOutcome = 'queued';
    await fill(el);
    const queued = oneEvent(el, 'kc-callback-requested');
    await submit(el);
    const { detail } = await queued;
    expect(detail.status).to.equal('queued');
    expect(active(el)?.id).to.equal('queued-heading');
    expect(text(el)).to.contain('Заявка сохранена на этом устройстве');
    expect(text(el)).to.contain('Заявка уйдёт автоматически, когда связь восстановится');
    expect(el.matches(':state(queued)')).to.equal(true);
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'kc-callback-requested');
    const receipt = {
      callback: { ...(await import('../../../test/fake-callbacks.js')).fakeCallback(fake.requests[0]!) },
      callbackToken: 'cb_fake_token_0123456789',
    };
    fake.emit('sent', { id: detail.id, kind: 'callback', receipt });
    expect((await sent).detail.status).to.equal('sent');
    await settle(el);
    expect(text(el)).to.contain('Заявка на обратный звонок принята');
    expect($(el, '[role="status"]')!.textContent).to.equal('Связь восстановилась: заявка на обратный звонок принята.');
    expect(fake.acknowledged).to.deep.equal([detail.id]);
  });

  it('a slot taken meanwhile: says so on the time field and loads the slots again', async () => {
    const { el, fake } = await callback({ open: false });
    $$<HTMLInputElement>(el, 'input[name="slot"]')[0]!.click();
    await fill(el);
    fake.callbackOutcome = { error: httpError(409, 'slot_unavailable') };
    const queries = fake.slotQueries.length;
    await submit(el);
    expect(text(el)).to.contain('Это время только что заняли. Выберите другое время');
    expect(fake.slotQueries.length).to.be.greaterThan(queries);
    await expect(el).to.be.accessible();
  });

  it('a server fault it cannot place: shows it in place and reports kc-error', async () => {
    const { el, fake } = await callback();
    await fill(el);
    fake.callbackOutcome = { error: httpError(403, 'forbidden') };
    const error = oneEvent(el, 'kc-error');
    await submit(el);
    expect((await error).detail.operation).to.equal('callbacks.request');
    expect($(el, '[part="error"]')!.textContent).to.contain('Контакт-центр не принял заявку');
    await expect(el).to.be.accessible();
  });

  it('a failed load: an alert in place with a retry button, and kc-error; retry loads again', async () => {
    const fake = fakeCallbackClient({
      config: fakeConfig({ schedule: SCHEDULE }),
      loadError: new KcNetworkError('offline'),
    });
    const errors: string[] = [];
    const el = await fixture<KcCallback>(
      html`<kc-callback
        .client=${fake.client}
        lang="ru"
        @kc-error=${(e: KcErrorEvent) => errors.push(e.detail.operation)}
      ></kc-callback>`,
    );
    await until(el, () => $(el, '[part="error"]') !== null, 'the error');
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part="error"]')!.textContent).to.contain('Нет связи с сервером контакт-центра');
    expect(errors).to.deep.equal(['callbacks.slots']);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await until(el, () => $(el, 'form') !== null, 'the form');
  });

  it('asks the server’s days from the server’s today through the horizon', async () => {
    const { fake } = await callback({ now: '2026-11-23T23:30:00+05:00' });
    expect(fake.slotQueries[0]).to.deep.equal({ from: '2026-11-23', to: '2026-12-06' });
  });

  it('keeps everything typed when the language changes, in kk, ru and en', async () => {
    const { el } = await callback({ lang: 'kk' });
    expect($(el, '[part="heading"]')!.textContent.trim()).to.equal('Кері қоңырау');
    await type(el, '#topic', 'Жәрдемақы');
    await type(el, '#phone', '+7 701 123 45 67');
    await type(el, '#name', 'Ұлан');
    $<HTMLInputElement>(el, '#consent')!.click();
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await settle(el);
    expect($(el, '[part="heading"]')!.textContent.trim()).to.equal('Callback');
    expect($(el, 'label[for="phone"]')!.textContent).to.equal('Phone number');
    expect($<HTMLTextAreaElement>(el, '#topic')!.value).to.equal('Жәрдемақы');
    expect($<HTMLInputElement>(el, '#phone')!.value).to.equal('+7 701 123 45 67');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Ұлан');
    expect($<HTMLInputElement>(el, '#consent')!.checked).to.equal(true);
    expect($(el, '.base')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'ru');
    await settle(el);
    expect($(el, '[part="heading"]')!.textContent.trim()).to.equal('Обратный звонок');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Ұлан');
  });

  it('renders server texts as text: a consent notice and a topic with markup create no element', async () => {
    const payload = '<img src=x onerror="window.__kcXss=1">';
    const config = fakeConfig({ schedule: SCHEDULE });
    config.privacy.text = { kk: payload, ru: payload, en: payload };
    config.privacy.purpose = { kk: payload, ru: payload, en: payload };
    const { el } = await callback({ config });
    await fill(el, { topic: payload });
    await submit(el);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el)).to.contain(payload);
    expect((window as { __kcXss?: number }).__kcXss).to.equal(undefined);
  });

  it('takes the topic from the topic attribute and sends the chat session id', async () => {
    const fake = fakeCallbackClient({ config: fakeConfig({ schedule: SCHEDULE }) });
    const el = await fixture<KcCallback>(
      html`<kc-callback
        .client=${fake.client}
        lang="en"
        topic="Pension"
        chat-session-id="3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a"
      ></kc-callback>`,
    );
    await until(el, () => $(el, 'form') !== null, 'the form');
    expect($<HTMLTextAreaElement>(el, '#topic')!.value).to.equal('Pension');
    // A host may pass no topic at all (`.topic=${undefined}`): the field is then empty.
    el.topic = undefined;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#topic')!.value).to.equal('');
    el.topic = 'Pension';
    await el.updateComplete;
    await type(el, '#phone', '87011234567');
    $<HTMLInputElement>(el, '#consent')!.click();
    await submit(el);
    expect(fake.requests[0]).to.deep.include({
      topic: 'Pension',
      chatSessionId: '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
    });
  });

  it('can be completed by keyboard alone', async () => {
    const { el, fake } = await callback({ open: false });
    // Into the first day button, then Tab to the times of that day.
    $<HTMLButtonElement>(el, '[part~="day"]')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('name')).to.equal('slot');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const chosen = $$<HTMLInputElement>(el, 'input[name="slot"]').find((r) => r.checked)!;
    expect(chosen.value).to.equal('2026-11-23T10:30:00.000Z');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('topic');
    await sendKeys({ type: 'Пенсия' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '87011234567' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Әйгерім' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('language');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('consent');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('submit-button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(fake.requests).to.have.length(1);
    expect(fake.requests[0]).to.deep.include({ phone: '+77011234567', topic: 'Пенсия', name: 'Әйгерім' });
    expect(active(el)?.id).to.equal('done-heading');
  });
});
