// SPDX-License-Identifier: MIT
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../kc-rating.js';
import type { KcRating } from './rating.js';
import { RATED_KEY } from './rated.js';
import { fakeConfig } from '../../../test/fake-client.js';
import { fakeCallbackClient, httpError } from '../../../test/fake-callbacks.js';
import { settle, until } from '../../../test/dom.js';

const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<E>(selector),
];
const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

const REASONS = [
  { id: 'long_wait', label: { kk: 'Ұзақ күттім', ru: 'Долгое ожидание', en: 'I waited too long' } },
  { id: 'not_solved', label: { kk: 'Мәселем шешілмеді', ru: 'Вопрос не решён', en: 'My question was not solved' } },
];

let ids = 0;

async function rating(
  attrs: {
    lang?: string;
    ces?: boolean;
    nps?: boolean;
    kind?: KcRating['subjectKind'];
    id?: string;
    reasons?: typeof REASONS;
  } = {},
) {
  const config = fakeConfig({
    ratings: { lowScoreThreshold: 3, lowScoreReasons: attrs.reasons ?? REASONS, askCes: false, askNps: false },
  });
  const fake = fakeCallbackClient({ config });
  const id = attrs.id ?? `3d2c1b0a-9f8e-4d7c-8b6a-${String(++ids).padStart(12, '0')}`;
  const el = await fixture<KcRating>(
    html`<kc-rating
      .client=${fake.client}
      .auth=${{ chatToken: 'chat-token-0123456789' }}
      subject-kind=${attrs.kind ?? 'chat'}
      subject-id=${id}
      lang=${attrs.lang ?? 'ru'}
      ?ces=${attrs.ces}
      ?nps=${attrs.nps}
      theme="light"
    ></kc-rating>`,
  );
  await until(el, () => $(el, 'form') !== null, 'the form');
  await settle(el);
  return { el, fake, id };
}

const pick = async (el: KcRating, name: string, value: string) => {
  $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`)!.click();
  await el.updateComplete;
};

const submit = async (el: KcRating) => {
  $<HTMLButtonElement>(el, '[part="submit-button"]')!.click();
  await settle(el);
};

describe('<kc-rating>', () => {
  beforeEach(() => localStorage.removeItem(RATED_KEY));

  it('is accessible', async () => {
    const { el } = await rating();
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, after a low score', async () => {
    const fake = fakeCallbackClient({
      config: fakeConfig({
        ratings: { lowScoreThreshold: 3, lowScoreReasons: REASONS, askCes: true, askNps: true },
      }),
    });
    const el = await fixture<KcRating>(
      html`<kc-rating
        .client=${fake.client}
        subject-kind="complaint"
        subject-id="AK-2026-000001"
        lang="kk"
        theme="dark"
      ></kc-rating>`,
    );
    await until(el, () => $(el, 'form') !== null, 'the form');
    await pick(el, 'csat', '1');
    $<HTMLInputElement>(el, '#follow-up')!.click();
    await el.updateComplete;
    expect($(el, '[part="follow-up"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks whether the question was solved and satisfaction 1–5 with a word for each score', async () => {
    const { el } = await rating();
    expect($(el, '[part="heading"]')!.textContent.trim()).to.equal('Оцените онлайн-чат');
    expect($(el, '#resolved legend')!.textContent).to.equal('Ваш вопрос решён?');
    const options = $$(el, '[data-scale="csat"] [part="option"]').map((o) => o.textContent.replace(/\s+/g, ' ').trim());
    expect(options).to.deep.equal(['1 Очень плохо', '2 Плохо', '3 Удовлетворительно', '4 Хорошо', '5 Отлично']);
    for (const option of $$(el, '[part="option"]')) {
      const box = option.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
    expect($(el, '[data-scale="ces"]')).to.equal(null);
    expect($(el, '[part="follow-up"]')).to.equal(null);
  });

  it('satisfaction by keyboard: arrows move and choose, Home and End jump, each change fires change', async () => {
    const { el } = await rating();
    const changes: (number | undefined)[] = [];
    el.addEventListener('change', () => changes.push(el.value));
    $<HTMLInputElement>(el, '#csat-1')!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal(2);
    await sendKeys({ press: 'End' });
    await settle(el);
    expect(el.value).to.equal(5);
    expect(active(el)?.id).to.equal('csat-5');
    await sendKeys({ press: 'Home' });
    await settle(el);
    expect(el.value).to.equal(1);
    expect(active(el)?.id).to.equal('csat-1');
    expect(changes).to.deep.equal([1, 2, 5, 1]);
  });

  it('records a good rating, shows a thank-you that takes focus, and remembers only a hash of the subject', async () => {
    const { el, fake, id } = await rating();
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '5');
    const rated = oneEvent(el, 'kc-rated');
    await submit(el);
    const { detail } = await rated;
    expect(detail).to.deep.equal({ subject: { kind: 'chat', id }, csat: 5, resolved: true, status: 'sent' });
    expect(fake.ratings[0]!.input).to.deep.equal({
      subject: { kind: 'chat', id },
      csat: 5,
      resolved: true,
      language: 'ru',
    });
    expect(fake.ratings[0]!.auth).to.deep.equal({ chatToken: 'chat-token-0123456789' });
    await until(el, () => active(el)?.id === 'thanks-heading', 'focus on the thank-you');
    expect(text(el)).to.contain('Спасибо за оценку');
    expect(el.matches(':state(rated)')).to.equal(true);
    await expect(el).to.be.accessible();
    await until(el, () => localStorage.getItem(RATED_KEY) !== null, 'the hash');
    const stored = localStorage.getItem(RATED_KEY)!;
    expect(stored).to.not.contain(id);
    expect(JSON.parse(stored)).to.have.length(1);
  });

  it('asks once per subject: a second element for the same subject shows the thank-you without a request', async () => {
    const first = await rating({ id: 'c0ffee00-0000-4000-8000-000000000001' });
    await pick(first.el, 'resolved', 'true');
    await pick(first.el, 'csat', '4');
    await submit(first.el);
    await until(first.el, () => localStorage.getItem(RATED_KEY) !== null, 'the hash');
    const fake = fakeCallbackClient();
    const el = await fixture<KcRating>(
      html`<kc-rating
        .client=${fake.client}
        subject-kind="chat"
        subject-id="c0ffee00-0000-4000-8000-000000000001"
        lang="ru"
      ></kc-rating>`,
    );
    await until(el, () => $(el, '[part="thanks"]') !== null, 'the thank-you');
    expect(text(el)).to.contain('Оценка уже получена');
    expect(fake.ratings).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keeps the thank-you when the host re-renders with an equal subject, and starts over for another', async () => {
    const fake = fakeCallbackClient();
    const el = await fixture<KcRating>(
      html`<kc-rating .client=${fake.client} .subject=${{ kind: 'chat' as const, id: 'a1' }} lang="en"></kc-rating>`,
    );
    await until(el, () => $(el, 'form') !== null, 'the form');
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '5');
    await submit(el);
    expect($(el, '[part="thanks"]')).to.not.equal(null);
    el.subject = { kind: 'chat', id: 'a1' };
    await settle(el);
    expect($(el, '[part="thanks"]')).to.not.equal(null);
    el.subject = { kind: 'chat', id: 'b2' };
    await until(el, () => $(el, 'form') !== null, 'a new form');
    expect($<HTMLInputElement>(el, '#csat-5')!.checked).to.equal(false);
  });

  it('the server refuses a second rating: shows the already-rated thanks', async () => {
    const { el, fake } = await rating();
    fake.ratingOutcome = { error: httpError(409, 'already_rated') };
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '5');
    const rated = oneEvent(el, 'kc-rated');
    await submit(el);
    expect((await rated).detail.status).to.equal('already-rated');
    expect(text(el)).to.contain('Каждый контакт можно оценить один раз');
    await expect(el).to.be.accessible();
  });

  it('after a low score: reasons from config, consent to be contacted with a phone, and a complaint offer', async () => {
    const { el, fake, id } = await rating();
    await pick(el, 'resolved', 'false');
    await pick(el, 'csat', '2');
    expect(el.matches(':state(low)')).to.equal(true);
    const reasons = $$(el, 'input[name="reason"]').map((r) => r.closest('label')!.textContent.trim());
    expect(reasons).to.deep.equal(['Долгое ожидание', 'Вопрос не решён']);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, 'input[name="reason"][value="long_wait"]')!.click();
    $<HTMLInputElement>(el, '#follow-up')!.click();
    await el.updateComplete;
    const phone = $<HTMLInputElement>(el, '#phone')!;
    expect(phone.getAttribute('autocomplete')).to.equal('tel');
    phone.value = '8 (701) 123-45-67';
    phone.dispatchEvent(new Event('input'));
    const comment = $<HTMLTextAreaElement>(el, '#comment')!;
    comment.value = 'Ұзақ күттім.';
    comment.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await expect(el).to.be.accessible();

    const complaint = oneEvent(el, 'kc-complaint-requested');
    $<HTMLButtonElement>(el, '[part="complaint-button"]')!.click();
    expect((await complaint).detail).to.deep.equal({
      subject: { kind: 'chat', id },
      reasonIds: ['long_wait'],
      comment: 'Ұзақ күттім.',
      phone: '+77011234567',
    });

    await submit(el);
    expect(fake.ratings[0]!.input).to.deep.equal({
      subject: { kind: 'chat', id },
      csat: 2,
      resolved: false,
      language: 'ru',
      comment: 'Ұзақ күттім.',
      lowScoreReasonIds: ['long_wait'],
      followUp: { consent: true, phone: '+77011234567' },
    });
    expect(text(el)).to.contain('Специалист свяжется с вами, чтобы разобраться.');
    await expect(el).to.be.accessible();
  });

  it('"not solved" alone opens the follow-up; a good score with "solved" closes it', async () => {
    const { el } = await rating();
    await pick(el, 'resolved', 'false');
    await pick(el, 'csat', '5');
    expect($(el, '[part="follow-up"]')).to.not.equal(null);
    await pick(el, 'resolved', 'true');
    expect($(el, '[part="follow-up"]')).to.equal(null);
  });

  it('refuses a rating without answers: an error summary takes focus and links to each question', async () => {
    const { el, fake } = await rating();
    await pick(el, 'resolved', 'false');
    $<HTMLInputElement>(el, '#follow-up')!.click();
    await el.updateComplete;
    await submit(el);
    const summary = $(el, '[part="error-summary"]')!;
    expect(active(el)).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((a) => a.textContent.trim())).to.deep.equal([
      'Выберите оценку от 1 до 5',
      'Введите номер телефона, чтобы мы могли связаться с вами',
    ]);
    expect(fake.ratings).to.have.length(0);
    await expect(el).to.be.accessible();
    (summary.querySelector('a') as HTMLAnchorElement).click();
    expect(active(el)?.getAttribute('name')).to.equal('csat');
  });

  it('counts the comment’s characters, over the limit too, without a hard limit', async () => {
    const { el } = await rating();
    const comment = $<HTMLTextAreaElement>(el, '#comment')!;
    expect(comment.hasAttribute('maxlength')).to.equal(false);
    expect($(el, '[part="counter"]')!.textContent.trim()).to.equal('Осталось 2000 символов');
    expect($(el, '[part="counter"]')!.getAttribute('aria-hidden')).to.equal('true');
    comment.value = 'а'.repeat(2003);
    comment.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '[part="counter"]')!.textContent.trim()).to.equal('Превышено на 3 символа');
    await until(el, () => $(el, '[aria-live="polite"]')!.textContent === 'Превышено на 3 символа', 'the status');
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '4');
    await submit(el);
    expect(text(el)).to.contain('Комментарий должен быть не длиннее 2000 символов');
  });

  it('asks effort (CES 1–7) and recommendation (NPS 0–10) when asked to', async () => {
    const { el, fake } = await rating({ ces: true, nps: true, lang: 'en' });
    expect($$(el, '[data-scale="ces"] input')).to.have.length(7);
    expect($$(el, '[data-scale="nps"] input')).to.have.length(11);
    expect($(el, '[data-scale="ces"] [part="option"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
      '1 Very difficult',
    );
    await expect(el).to.be.accessible();
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '4');
    await pick(el, 'ces', '6');
    await pick(el, 'nps', '9');
    await submit(el);
    expect(fake.ratings[0]!.input).to.deep.include({ ces: 6, nps: 9, language: 'en' });
  });

  it('offline: thanks, says the rating is saved on the device, then that it was sent', async () => {
    const { el, fake } = await rating();
    fake.ratingOutcome = 'queued';
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '5');
    const rated = oneEvent(el, 'kc-rated');
    await submit(el);
    expect((await rated).detail.status).to.equal('queued');
    expect(text(el)).to.contain('оценка сохранена на этом устройстве');
    expect(el.matches(':state(queued)')).to.equal(true);
    await expect(el).to.be.accessible();
    const queuedId = (el as unknown as { queuedId: string }).queuedId;
    fake.emit('sent', { id: queuedId, kind: 'rating', receipt: {} });
    await settle(el);
    expect($(el, '[role="status"]')!.textContent).to.equal('Оценка отправлена.');
    expect(fake.acknowledged).to.deep.equal([queuedId]);
  });

  it('a call without a reference asks for it', async () => {
    const fake = fakeCallbackClient();
    const el = await fixture<KcRating>(
      html`<kc-rating .client=${fake.client} subject-kind="call" lang="kk"></kc-rating>`,
    );
    await until(el, () => $(el, 'form') !== null, 'the form');
    expect($(el, 'label[for="ref"]')!.textContent).to.equal('Қоңырау нөмірі');
    await pick(el, 'resolved', 'true');
    await pick(el, 'csat', '5');
    await submit(el);
    expect(text(el)).to.contain('SMS-тағы қоңырау нөмірін енгізіңіз');
    const ref = $<HTMLInputElement>(el, '#ref')!;
    ref.value = 'CALL-2026-000123';
    ref.dispatchEvent(new Event('input'));
    await submit(el);
    expect(fake.ratings[0]!.input.subject).to.deep.equal({ kind: 'call', id: 'CALL-2026-000123' });
  });

  it('keeps every answer when the language changes, in kk, ru and en', async () => {
    const { el } = await rating({ lang: 'kk' });
    expect($(el, '[part="heading"]')!.textContent.trim()).to.equal('Онлайн-чатты бағалаңыз');
    await pick(el, 'resolved', 'false');
    await pick(el, 'csat', '3');
    const comment = $<HTMLTextAreaElement>(el, '#comment')!;
    comment.value = 'Әлі шешілмеді';
    comment.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await settle(el);
    expect($(el, '#resolved legend')!.textContent).to.equal('Was your question solved?');
    expect($<HTMLInputElement>(el, '#csat-3')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, 'input[name="resolved"][value="false"]')!.checked).to.equal(true);
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Әлі шешілмеді');
    expect(text(el)).to.contain('I waited too long');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'ru');
    await settle(el);
    expect(text(el)).to.contain('Долгое ожидание');
    expect($<HTMLTextAreaElement>(el, '#comment')!.value).to.equal('Әлі шешілмеді');
  });

  it('renders reasons from the server as text', async () => {
    const payload = '<img src=x onerror="window.__kcXss=1">';
    const { el } = await rating({ reasons: [{ id: 'x', label: { kk: payload, ru: payload, en: payload } }] });
    await pick(el, 'csat', '1');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el)).to.contain(payload);
    expect((window as { __kcXss?: number }).__kcXss).to.equal(undefined);
  });

  it('can be completed by keyboard alone', async () => {
    const { el, fake } = await rating();
    $<HTMLInputElement>(el, 'input[name="resolved"]')!.focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('name')).to.equal('csat');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.value).to.equal(4);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('comment');
    await sendKeys({ type: 'Рақмет!' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('submit-button');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(fake.ratings[0]!.input).to.deep.include({ csat: 4, resolved: true, comment: 'Рақмет!' });
    await until(el, () => active(el)?.id === 'thanks-heading', 'focus on the thank-you');
  });
});
