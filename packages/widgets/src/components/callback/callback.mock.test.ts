// SPDX-License-Identifier: MIT
// <kc-callback> end to end: the real @kc/sdk against @kc/mock (the @kc/backend rules behind msw) with the mock's
// clock driven by the test. Every slot the element offers is checked with the shared calendar's isOpen.
import { expect, html } from '@open-wc/testing';
import { startMockWorker, type MockWorker } from '@kc/mock/browser';
import { createClient, isOpen, type KcClient, type WorkingSchedule } from '@kc/sdk';
import '../../kc-callback.js';
import type { KcCallback } from './callback.js';
import { mount, unmountAll } from '../../../test/dom.js';

const waitFor = async (condition: () => boolean, what: string, ms = 8000) => {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];

const hours = (open: string, close: string) => [{ open, close }];

/**
 * Late February and early March 2024 in Kazakhstan: Asia/Almaty moved from UTC+6 to UTC+5 at 00:00 on 1 March,
 * 8 March is a holiday, and (in this schedule's data) Saturday 2 March is a working day by decree, 09:00–13:00.
 */
const SCHEDULE: WorkingSchedule = {
  timeZone: 'Asia/Almaty',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, intervals: hours('09:00', '18:00') })),
  holidays: [{ date: '2024-03-08', name: { kk: 'Халықаралық әйелдер күні', ru: '8 Марта', en: 'Women’s Day' } }],
  workingDays: [
    {
      date: '2024-03-02',
      intervals: hours('09:00', '13:00'),
      note: { kk: 'Жұмыс күні', ru: 'Рабочий день', en: 'Working day' },
    },
  ],
};

describe('<kc-callback> with @kc/sdk and @kc/mock', () => {
  let mock: MockWorker;
  let kc: KcClient;

  before(async () => {
    mock = await startMockWorker({
      seed: 21,
      baseUrl: '/api/v1',
      operator: false,
      clock: { realtime: false, start: '2024-02-27T10:00:00+06:00' },
      settings: { callbackSlotCapacity: 1 },
    });
    Object.assign(mock.backend.config.schedule, structuredClone(SCHEDULE));
  });

  beforeEach(() => {
    kc = createClient({ baseUrl: `${location.origin}/api/v1`, storage: 'memory', outbox: { baseDelay: 60_000 } });
  });

  afterEach(() => {
    unmountAll();
    kc.close();
  });

  after(() => mock.stop());

  async function show(lang = 'en'): Promise<KcCallback> {
    const el = mount<KcCallback>(
      html`<kc-callback .client=${kc} lang=${lang} .userTimeZone=${'Asia/Almaty'}></kc-callback>`,
    );
    await waitFor(() => $(el, 'form') !== null, 'the form');
    return el;
  }

  async function pickSlots(el: KcCallback): Promise<void> {
    const slot = $<HTMLInputElement>(el, 'input[name="when"][value="slot"]');
    if (slot) {
      slot.click();
      await el.updateComplete;
    }
  }

  /** Every slot the element offers, day by day: [label of the day, value of each radio, text of each radio]. */
  async function offered(el: KcCallback): Promise<{ day: string; starts: string[]; labels: string[] }[]> {
    await pickSlots(el);
    const days = [];
    for (let i = 0; i < $$(el, '[part~="day"]').length; i++) {
      const button = $$(el, '[part~="day"]')[i]!;
      button.click();
      await el.updateComplete;
      const radios = $$<HTMLInputElement>(el, 'input[name="slot"]');
      days.push({
        day: button.textContent.trim(),
        starts: radios.map((r) => r.value),
        labels: radios.map((r) => r.closest('label')!.textContent.replace(/\s+/g, ' ').trim()),
      });
    }
    return days;
  }

  it('offers no slot outside working hours across the time-zone change, a transferred Saturday and a holiday', async function () {
    this.timeout(60_000);
    await mock.clock.set('2024-02-27T10:00:00+06:00');
    const el = await show();
    const days = await offered(el);
    const all = days.flatMap((d) => d.starts);
    expect(all.length).to.be.greaterThan(100);
    for (const start of all) {
      const end = new Date(Date.parse(start) + 30 * 60_000 - 1);
      expect(isOpen(SCHEDULE, new Date(start)), start).to.equal(true);
      expect(isOpen(SCHEDULE, end), start).to.equal(true);
    }
    const names = days.map((d) => d.day);
    // Weekends and the holiday are not offered; the transferred Saturday is.
    expect(names).to.include('Saturday, March 2');
    expect(names.some((n) => n.includes('March 3'))).to.equal(false);
    expect(names.some((n) => n.includes('March 8'))).to.equal(false);
    expect(names.some((n) => n.includes('March 9') || n.includes('March 10'))).to.equal(false);
    // 09:00 in Almaty is 03:00 UTC on 29 February (UTC+6) and 04:00 UTC from 1 March (UTC+5).
    const day = (name: string) => days.find((d) => d.day === name)!;
    expect(day('Thursday, February 29').starts[0]).to.equal('2024-02-29T03:00:00.000Z');
    expect(day('Thursday, February 29').labels[0]).to.equal('09:00–09:30');
    expect(day('Friday, March 1').starts[0]).to.equal('2024-03-01T04:00:00.000Z');
    expect(day('Friday, March 1').labels[0]).to.equal('09:00–09:30');
    expect(day('Friday, March 1').labels.at(-1)).to.equal('17:30–18:00');
    const saturday = day('Saturday, March 2');
    expect(saturday.labels).to.have.length(8);
    expect(saturday.labels.at(-1)).to.equal('12:30–13:00');
    // Today's slots start after the server's now (10:00).
    expect(day('Tuesday, February 27').labels[0]).to.equal('10:30–11:00');
    await expect(el).to.be.accessible();
  });

  it('offers "as soon as possible" only while the center is open', async function () {
    this.timeout(60_000);
    await mock.clock.set('2024-02-27T10:00:00+06:00');
    let el = await show('ru');
    expect($(el, 'input[name="when"][value="asap"]')).to.not.equal(null);
    expect($(el, '[part="availability"]')!.textContent).to.contain('Контакт-центр сейчас работает.');
    unmountAll();

    await mock.clock.set('2024-02-27T19:00:00+06:00');
    el = await show('ru');
    expect($(el, 'input[name="when"]')).to.equal(null);
    expect($(el, '[part="availability"]')!.textContent).to.match(/Начнёт работу 28 февраля.*09:00/);
    await expect(el).to.be.accessible();
    unmountAll();

    // The transferred Saturday is open; the Sunday after it is not.
    await mock.clock.set('2024-03-02T11:00:00+05:00');
    el = await show('ru');
    expect($(el, 'input[name="when"][value="asap"]')).to.not.equal(null);
    unmountAll();
    await mock.clock.set('2024-03-03T11:00:00+05:00');
    el = await show('ru');
    expect($(el, 'input[name="when"]')).to.equal(null);
    unmountAll();

    // On the holiday, during what would be working hours.
    await mock.clock.set('2024-03-08T11:00:00+05:00');
    el = await show('ru');
    expect($(el, 'input[name="when"]')).to.equal(null);
    expect($(el, '[part="availability"]')!.textContent).to.match(/Начнёт работу 11 марта.*09:00/);
  });

  it('does not offer a slot that is full', async function () {
    this.timeout(60_000);
    await mock.clock.set('2024-03-04T08:00:00+05:00');
    const config = await kc.config.get();
    const { slots } = await kc.callbacks.slots({ from: '2024-03-04', to: '2024-03-04' });
    const taken = slots[0]!.start;
    const booked = await kc.callbacks.request({
      phone: '+77011234567',
      topic: 'Бос емес',
      language: 'kk',
      when: { slotStart: taken },
      consent: { given: true, version: config.privacy.version },
    });
    expect(booked.status).to.equal('sent');
    const el = await show();
    const all = (await offered(el)).flatMap((d) => d.starts);
    expect(all).to.not.include(taken);
    expect(all).to.include(slots[1]!.start);
  });

  it('a request sent offline is delivered exactly once when the network returns', async function () {
    this.timeout(60_000);
    await mock.clock.set('2024-03-04T10:00:00+05:00');
    const el = await show('ru');
    const type = (selector: string, value: string) => {
      const input = $<HTMLInputElement>(el, selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('#topic', 'Жәрдемақы');
    type('#phone', '8 701 123 45 67');
    $<HTMLInputElement>(el, '#consent')!.click();
    await el.updateComplete;
    mock.stats.reset();
    await mock.scenario.set({ networkFailure: { operations: ['requestCallback'] } });
    const events: string[] = [];
    el.addEventListener('kc-callback-requested', (e) => events.push(e.detail.status));
    $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
    await waitFor(() => $(el, '[part="queued"]') !== null, 'the queued notice');
    expect($(el, '[part="queued"]')!.textContent).to.contain('Заявка сохранена на этом устройстве');
    await expect(el).to.be.accessible();
    expect(mock.stats.committed.requestCallback ?? 0).to.equal(0);

    await mock.scenario.reset();
    $<HTMLButtonElement>(el, '[part="queued"] button')!.click();
    await waitFor(() => $(el, '[part="confirmation"]') !== null, 'the confirmation');
    await kc.outbox.flush();
    expect(mock.stats.committed.requestCallback).to.equal(1);
    expect(await kc.outbox.pending()).to.deep.equal([]);
    expect(events).to.deep.equal(['queued', 'sent']);
    expect($(el, '[part="confirmation"]')!.textContent).to.contain('+7 701 *** ** 67');
    await expect(el).to.be.accessible();

    // Cancel it: the backend agrees.
    $$<HTMLButtonElement>(el, '[part="confirmation"] button')
      .find((b) => b.textContent.includes('Отменить'))!
      .click();
    await waitFor(() => $(el, '#cancelled-heading') !== null, 'the cancellation');
    expect(mock.stats.committed.cancelCallback).to.equal(1);
  });

  it('after a reload: a waiting request shows as queued, is delivered once, and is confirmed', async function () {
    this.timeout(60_000);
    await mock.clock.set('2024-03-04T10:00:00+05:00');
    const databaseName = `kc-reload-${Date.now()}`;
    const durable = () =>
      createClient({ baseUrl: `${location.origin}/api/v1`, databaseName, outbox: { baseDelay: 60_000 } });
    const config = await kc.config.get();
    const { slots } = await kc.callbacks.slots({ from: '2024-03-05', to: '2024-03-05' });
    mock.stats.reset();
    await mock.scenario.set({ networkFailure: { operations: ['requestCallback'] } });
    const before = durable();
    const queued = await before.callbacks.request({
      phone: '+77011234567',
      topic: 'Жәрдемақы',
      language: 'kk',
      when: { slotStart: slots[0]!.start },
      consent: { given: true, version: config.privacy.version },
    });
    expect(queued.status).to.equal('queued');
    before.close();

    // The page comes back while the network is still down.
    const after = durable();
    const el = mount<KcCallback>(html`<kc-callback .client=${after} lang="kk"></kc-callback>`);
    await waitFor(() => $(el, '[part="queued"]') !== null, 'the queued notice');
    expect($(el, '[part="queued"]')!.textContent).to.contain('Өтінім осы құрылғыда сақталды');
    await mock.scenario.reset();
    await after.outbox.flush();
    await waitFor(() => $(el, '[part="confirmation"]') !== null, 'the confirmation');
    expect(mock.stats.committed.requestCallback).to.equal(1);
    expect(mock.stats.committedWithKey('requestCallback', queued.id)).to.equal(1);
    await after.clearLocalData();
    after.close();
  });
});
