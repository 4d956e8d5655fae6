// SPDX-License-Identifier: MIT
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../kc-outage-banner.js';
import type { KcOutageBanner } from './outage-banner.js';
import { fakeClient, fakeConfig, fakeOutage, networkError } from '../../../test/fake-client.js';
import { settle, until } from '../../../test/dom.js';
import type { KcErrorEvent } from '../../events/kc-error.js';
import type { Outage } from '../../internal/client.js';

const STORAGE_KEY = 'kc-outage-banner:dismissed';

async function banner(outages: Outage[], attrs: { lang?: string; theme?: string } = {}) {
  const fake = fakeClient({ initial: outages });
  const el = await fixture<KcOutageBanner>(
    html`<kc-outage-banner
      .client=${fake.client}
      lang=${attrs.lang ?? 'ru'}
      theme=${attrs.theme ?? 'light'}
    ></kc-outage-banner>`,
  );
  await until(el, () => fake.feed.running > 0, 'the watch');
  await settle(el);
  return { el, fake };
}

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

describe('<kc-outage-banner>', () => {
  beforeEach(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    localStorage.removeItem(STORAGE_KEY);
  });

  it('is accessible', async () => {
    const { el } = await banner([fakeOutage()]);
    await expect(el).to.be.accessible();
  });

  it('renders nothing and takes no space when there is no outage', async () => {
    const { el } = await banner([]);
    expect($(el, 'section')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows an active outage as a region labelled by its heading, with severity, channels, alternatives and resumption', async () => {
    const { el } = await banner([fakeOutage()]);
    const region = $(el, 'section[part="base"]')!;
    const heading = $(el, '#heading')!;
    expect(heading.tagName).to.equal('H2');
    expect(region.getAttribute('aria-labelledby')).to.equal('heading');
    expect(heading.textContent).to.equal('Прерывание обслуживания');
    expect($(el, '[part="severity"]')!.textContent).to.equal('Серьёзное прерывание');
    expect($(el, '[part="message"]')!.textContent).to.equal(
      'Онлайн-чат временно не работает. Позвоните по номеру 1414.',
    );
    const all = text(el);
    expect(all).to.contain('Затронутые каналы');
    expect(all).to.contain('онлайн-чат');
    expect(all).to.contain('Альтернативные каналы связи');
    // 04:40 and 07:00 UTC are 09:40 and 12:00 in Asia/Almaty (UTC+5).
    expect(all).to.match(/Действует с 23 ноября.*09:40/);
    expect(all).to.match(/Ожидаемое время восстановления: 23 ноября.*12:00/);
    const phone = $(el, '[part="alternatives"] a') as HTMLAnchorElement;
    expect(phone.getAttribute('href')).to.equal('tel:1414');
    expect(phone.textContent).to.equal('Телефон 1414 (бесплатно)');
  });

  it('shows a scheduled outage and when it starts', async () => {
    const { el } = await banner([fakeOutage({ status: 'scheduled', severity: 'minor', expectedResumeAt: null })]);
    expect(text(el)).to.match(/Запланировано на 23 ноября.*09:40/);
    expect(text(el)).to.contain('Время восстановления пока неизвестно.');
    expect($(el, '[part="outage"]')!.getAttribute('data-status')).to.equal('scheduled');
    await expect(el).to.be.accessible();
  });

  it('lists several outages, active before scheduled and the most severe first, with a plural heading', async () => {
    const { el } = await banner([
      fakeOutage({ status: 'scheduled', severity: 'critical' }),
      fakeOutage({ severity: 'info' }),
      fakeOutage({ severity: 'critical' }),
      fakeOutage({ status: 'resolved' }),
      fakeOutage({ severity: 'minor' }),
    ]);
    const items = $$(el, '[part="outage"]');
    expect(items.map((i) => `${i.getAttribute('data-status')}/${i.getAttribute('data-severity')}`)).to.deep.equal([
      'active/critical',
      'active/minor',
      'active/info',
      'scheduled/critical',
    ]);
    expect($(el, '#heading')!.textContent).to.equal('Прерывание обслуживания: 4 уведомления');
    await expect(el).to.be.accessible();
  });

  it('speaks every language, and follows a change of language at run time', async () => {
    const { el } = await banner([fakeOutage()], { lang: 'kk' });
    expect($(el, '#heading')!.textContent).to.equal('Қызмет көрсетудің үзілуі');
    expect($(el, '[part="message"]')!.textContent).to.contain('Онлайн-чат уақытша жұмыс істемейді');
    expect($(el, 'section')!.getAttribute('lang')).to.equal('kk');
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'en-GB');
    await settle(el);
    expect($(el, '#heading')!.textContent).to.equal('Service interruption');
    expect($(el, '[part="message"]')!.textContent).to.equal(
      'The online chat is temporarily unavailable. Please call 1414.',
    );
    expect($(el, 'section')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();

    el.setAttribute('lang', 'ru-RU');
    await settle(el);
    expect($(el, '#heading')!.textContent).to.equal('Прерывание обслуживания');
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const { el } = await banner([fakeOutage(), fakeOutage({ status: 'scheduled', severity: 'info' })], {
      theme: 'dark',
    });
    await expect(el).to.be.accessible();
  });

  it('has targets of at least 24 by 24 px, and fits 320 px without scrolling sideways', async () => {
    const wrap = document.createElement('div');
    wrap.style.width = '320px';
    document.body.append(wrap);
    try {
      const fake = fakeClient({
        initial: [
          fakeOutage({
            affectedChannels: ['chat', 'callback', 'email', 'messenger', 'e_otinish'],
            alternatives: [
              { channel: 'phone', label: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' }, value: '1414' },
              {
                channel: 'web',
                label: { kk: 'eGov', ru: 'eGov', en: 'eGov' },
                href: 'https://egov.kz/cms/ru/services/very/long/path',
              },
            ],
          }),
        ],
      });
      const el = await fixture<KcOutageBanner>(
        html`<kc-outage-banner .client=${fake.client} lang="kk"></kc-outage-banner>`,
        {
          parentNode: wrap,
        },
      );
      await settle(el);
      for (const target of $$(el, 'button, a')) {
        const { width, height } = target.getBoundingClientRect();
        expect(width, target.textContent).to.be.at.least(24);
        expect(height, target.textContent).to.be.at.least(24);
      }
      const base = $(el, '[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    } finally {
      fixtureCleanup();
      wrap.remove();
    }
  });

  it('takes the heading level from heading-level', async () => {
    const fake = fakeClient({ initial: [fakeOutage()] });
    const el = await fixture<KcOutageBanner>(
      html`<kc-outage-banner .client=${fake.client} lang="en" heading-level="3"></kc-outage-banner>`,
    );
    await settle(el);
    expect($(el, '#heading')!.tagName).to.equal('H3');
  });

  it('follows the outages live and announces a new one politely', async () => {
    const first = fakeOutage();
    const { el, fake } = await banner([first]);
    expect($$(el, '[part="outage"]')).to.have.length(1);
    fake.feed.emit([first, fakeOutage({ severity: 'critical' })]);
    await settle(el);
    expect($$(el, '[part="outage"]')).to.have.length(2);
    expect($(el, '[role="status"]')!.textContent).to.equal('Новое уведомление о прерывании обслуживания.');
    fake.feed.emit([]);
    await settle(el);
    expect($(el, 'section')).to.equal(null);
  });

  it('dismisses a notice by keyboard, remembers only its id after the dismissal, and moves focus on', async () => {
    const [a, b] = [fakeOutage({ severity: 'critical' }), fakeOutage({ severity: 'minor' })];
    const { el } = await banner([a, b]);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);

    const button = $(el, '[part="dismiss-button"]') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).to.equal('Скрыть уведомление «Критическое прерывание»');
    button.focus();
    const dismissed = oneEvent(el, 'kc-outage-dismiss');
    await sendKeys({ press: 'Enter' });
    expect((await dismissed).detail).to.deep.equal({ outageId: a.id, status: 'active' });
    await settle(el);

    expect($$(el, '[part="outage"]')).to.have.length(1);
    expect(JSON.parse(sessionStorage.getItem(STORAGE_KEY)!)).to.deep.equal([`${a.id}:active`]);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="dismiss-button"]'));
    expect($(el, '[role="status"]')!.textContent).to.equal('Уведомление скрыто.');
    await expect(el).to.be.accessible();

    await sendKeys({ press: ' ' });
    await settle(el);
    expect($(el, 'section')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps a dismissed notice hidden on the next page, and shows it again when a scheduled outage starts', async () => {
    const outage = fakeOutage({ status: 'scheduled' });
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([`${outage.id}:scheduled`]));
    const { el, fake } = await banner([outage]);
    expect($(el, 'section')).to.equal(null);
    fake.feed.emit([{ ...outage, status: 'active' }]);
    await settle(el);
    expect($$(el, '[part="outage"]')).to.have.length(1);
  });

  it('keeps the notice when the page cancels kc-outage-dismiss', async () => {
    const { el } = await banner([fakeOutage()]);
    el.addEventListener('kc-outage-dismiss', (event) => event.preventDefault());
    ($(el, '[part="dismiss-button"]') as HTMLButtonElement).click();
    await settle(el);
    expect($$(el, '[part="outage"]')).to.have.length(1);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
  });

  it('remembers in localStorage with dismiss-storage="local"', async () => {
    const outage = fakeOutage();
    const fake = fakeClient({ initial: [outage] });
    const el = await fixture<KcOutageBanner>(
      html`<kc-outage-banner .client=${fake.client} lang="en" dismiss-storage="local"></kc-outage-banner>`,
    );
    await settle(el);
    ($(el, '[part="dismiss-button"]') as HTMLButtonElement).click();
    await settle(el);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).to.deep.equal([`${outage.id}:active`]);
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
  });

  it('renders server texts as text: markup in messages and labels creates no element', async () => {
    const payloads = ['<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '"><script>alert(1)</script>'];
    const outage = fakeOutage({
      message: { kk: payloads[0]!, ru: payloads[0]!, en: payloads[0]! },
      alternatives: [
        {
          channel: 'messenger',
          label: { kk: payloads[1]!, ru: payloads[1]!, en: payloads[1]! },
          href: 'https://t.me/kc',
        },
        { channel: 'email', label: { kk: payloads[2]!, ru: payloads[2]!, en: payloads[2]! }, value: payloads[0]! },
      ],
    });
    const { el } = await banner([outage]);
    expect($$(el, 'img, svg, script, iframe')).to.have.length(0);
    expect($(el, '[part="message"]')!.textContent).to.equal(payloads[0]);
    expect(text(el)).to.contain(payloads[1]!);
    expect(text(el)).to.contain(payloads[2]!);
  });

  it('never turns a javascript: or data: link into an href, and gives web links rel="noopener noreferrer"', async () => {
    const label = { kk: 'Сілтеме', ru: 'Ссылка', en: 'Link' };
    const outage = fakeOutage({
      alternatives: [
        { channel: 'web', label, href: 'javascript:alert(1)' },
        { channel: 'web', label, href: ' JaVaScRiPt:alert(1)' },
        { channel: 'web', label, href: 'java\tscript:alert(1)' },
        { channel: 'web', label, href: 'data:text/html,<script>alert(1)</script>' },
        { channel: 'web', label, href: 'vbscript:msgbox(1)' },
        { channel: 'messenger', label, href: 'https://t.me/kc_gov_kz_bot' },
        { channel: 'phone', label: { kk: 'Call', ru: 'Звонок', en: 'Call' }, value: '8 (7172) 55-44-33' },
      ],
    });
    const { el } = await banner([outage]);
    const links = $$(el, '[part="alternatives"] a') as HTMLAnchorElement[];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://t.me/kc_gov_kz_bot', 'tel:87172554433']);
    expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
    expect($$(el, '[part="alternatives"] li')).to.have.length(7);
    for (const a of $$(el, 'a')) expect((a as HTMLAnchorElement).protocol).to.be.oneOf(['https:', 'tel:']);
  });

  it('shows an accessible error with a retry, fires kc-error and calls onError, and throws nothing into the page', async () => {
    const fake = fakeClient();
    const errors: unknown[] = [];
    const pageErrors: unknown[] = [];
    const onPageError = (e: ErrorEvent | PromiseRejectionEvent) => pageErrors.push(e);
    window.addEventListener('error', onPageError);
    window.addEventListener('unhandledrejection', onPageError);
    try {
      const el = await fixture<KcOutageBanner>(html`<kc-outage-banner lang="en"></kc-outage-banner>`);
      el.onError = (error) => errors.push(error);
      const fired = oneEvent(el, 'kc-error');
      el.client = fake.client;
      await until(el, () => fake.feed.running > 0);
      fake.feed.fail(networkError());
      const event = (await fired) as KcErrorEvent;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.operation).to.equal('outages.watch');
      expect((event.detail.error as Error).name).to.equal('KcNetworkError');
      await settle(el);
      expect(errors).to.have.length(1);
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('There is no connection to the contact center.');
      await expect(el).to.be.accessible();

      ($(el, '[part="retry-button"]') as HTMLButtonElement).click();
      await until(el, () => fake.feed.running > 0);
      fake.feed.emit([fakeOutage()]);
      await settle(el);
      expect($(el, '[role="alert"]')).to.equal(null);
      expect($$(el, '[part="outage"]')).to.have.length(1);
    } finally {
      window.removeEventListener('error', onPageError);
      window.removeEventListener('unhandledrejection', onPageError);
    }
    expect(pageErrors).to.deep.equal([]);
  });

  it('keeps the last list on screen when the live feed fails later, reporting once', async () => {
    const { el, fake } = await banner([fakeOutage()]);
    let reports = 0;
    el.addEventListener('kc-error', () => (reports += 1));
    fake.feed.fail(networkError());
    fake.feed.fail(networkError());
    await settle(el);
    expect(reports).to.equal(1);
    expect($$(el, '[part="outage"]')).to.have.length(1);
  });

  it('without any client, shows the error in place and fires kc-error', async () => {
    const el = document.createElement('kc-outage-banner');
    el.lang = 'kk';
    const fired = oneEvent(el, 'kc-error');
    document.body.append(el);
    try {
      expect((await fired).detail.error).to.have.property('name', 'KcNoClientError');
      await settle(el);
      expect($(el, '[role="alert"]')!.textContent).to.contain('Қызмет уақытша қолжетімсіз.');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('stops watching when removed from the page and starts again when put back', async () => {
    const { el, fake } = await banner([fakeOutage()]);
    expect(fake.feed.running).to.equal(1);
    const parent = el.parentElement!;
    el.remove();
    expect(fake.feed.running).to.equal(0);
    parent.append(el);
    await until(el, () => fake.feed.running === 1);
  });

  it('uses the time zone of the configuration', async () => {
    const fake = fakeClient({
      initial: [fakeOutage()],
      config: fakeConfig({ schedule: { timeZone: 'UTC', weekly: [], holidays: [], workingDays: [] } }),
    });
    const el = await fixture<KcOutageBanner>(
      html`<kc-outage-banner .client=${fake.client} lang="en"></kc-outage-banner>`,
    );
    await settle(el);
    expect(text(el)).to.match(/Expected to resume: .*07:00/);
  });
});
