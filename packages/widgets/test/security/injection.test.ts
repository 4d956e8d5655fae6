// SPDX-License-Identifier: MIT
// Injection: every payload of the corpus goes through every text the widgets render — the center's configuration
// (name, notices, channels, privacy notice, department), knowledge-base titles, summaries and bodies, the operator's
// name and messages, the citizen's own chat message and question, outage messages (in <kc-outage-banner> and in the
// chat), and an appeal's timeline note, subject and department in <kc-complaint-status>. Each payload gets a fresh
// @kc/mock contact center seeded with it behind the page's msw worker. Nothing may run, open a dialog, create an
// element the widgets do not render for plain text, or link anywhere but http(s) (or tel: / mailto: for channels).
import { expect, html } from '@open-wc/testing';
import { createMockContactCenter, startMockWorker, type MockContactCenter, type MockWorker } from '@kc/mock/browser';
import { demoConfig, demoSettings, DEMO_OPERATORS } from '@kc/backend';
import type { Config, LocalizedText } from '@kc/contract';
import '../../src/kc-chat.js';
import '../../src/kc-outage-banner.js';
import '../../src/kc-complaint-status.js';
import { mount, unmountAll } from '../dom.js';
import { DANGEROUS_TAGS, TEXT_PAYLOADS, tripwire, URL_PAYLOADS } from './payloads.js';

const OPEN_AT = '2026-11-24T11:00:00+05:00'; // a Tuesday morning in Astana: the center is open
const { hits, dialogs, arm, disarm } = tripwire();

const lt = (text: string): LocalizedText => ({ kk: text, ru: text, en: text });
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

async function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every shadow root under `root`, nested ones (a rating inside the chat) included. */
function shadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(el.shadowRoot, ...shadowRoots(el.shadowRoot));
  }
  return found;
}
const deep = (host: Element, selector: string) =>
  [host.shadowRoot!, ...shadowRoots(host.shadowRoot!)].flatMap((r) => [...r.querySelectorAll<HTMLElement>(selector)]);
const textOf = (host: Element) =>
  squash([host.shadowRoot!, ...shadowRoots(host.shadowRoot!)].map((r) => r.textContent).join(' '));

/** Elements by tag name in the widgets' shadow roots and in the light DOM of the document. */
function census(): Map<string, number> {
  const counts = new Map<string, number>();
  const nodes = [
    ...document.querySelectorAll('*'),
    ...shadowRoots(document).flatMap((r) => [...r.querySelectorAll('*')]),
  ];
  for (const el of nodes) counts.set(el.localName, (counts.get(el.localName) ?? 0) + 1);
  return counts;
}

function config(text: string, url: string): Config {
  const c = structuredClone(demoConfig);
  c.name = lt(text);
  c.waiting.notice = lt(text);
  c.privacy.text = lt(text);
  c.privacy.purpose = lt(text);
  c.privacy.url = url;
  c.channels = c.channels.map((ch) => ({ ...ch, label: lt(text), hours: lt(text), href: url }));
  return c;
}

async function operatorCall<T>(center: MockContactCenter, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/operator/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${center.tokens.supervisor}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`[test] operator ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

interface Seen {
  census: Map<string, number>;
  chat: string;
  refused: string;
  banner: string;
  status: string;
  links: { where: string; href: string; rel: string }[];
}

/** Seeds a contact center with `text` (and `url` where the contract takes a URL) and walks every widget through it. */
async function exercise(mock: MockWorker, text: string, url: string): Promise<Seen> {
  const center = createMockContactCenter({
    seed: 3,
    clock: { start: OPEN_AT, realtime: false },
    config: config(text, url),
    settings: {
      ...demoSettings,
      operators: DEMO_OPERATORS.map((o) => ({ ...o, displayName: text, online: true })),
      knowledgeBase: [
        {
          id: 'kb-payload',
          title: lt(`Pension ${text}`),
          summary: lt(`Pension ${text}`),
          body: lt(`Pension ${text}`),
          categoryId: null,
          url,
          updatedAt: '2026-11-01T00:00:00Z',
          keywords: { kk: ['pension'], ru: ['pension'], en: ['pension'] },
        },
      ],
      responsible: { '*': { department: lt(text), position: lt(text) } },
    },
    operator: { joinAfterMs: 1000, typingMs: 100, readAfterMs: 100, script: { kk: [text], ru: [text], en: [text] } },
  });
  await center.ready();
  mock.worker.resetHandlers(...center.handlers);
  try {
    // An appeal whose subject, description and timeline note are the payload.
    const draft = {
      kind: 'complaint',
      categoryId: demoConfig.appeals.categories.find((c) => c.parentId !== null)!.id,
      subject: text,
      description: `Lights ${text}`,
      applicant: {
        iin: '850715401236',
        lastName: 'Сейтқали',
        firstName: 'Әйгерім',
        phone: '+77011234567',
        preferredLanguage: 'en',
        preferredContact: 'phone',
      },
      consent: { given: true, version: demoConfig.privacy.version },
    };
    const filed = await fetch('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(draft),
    });
    expect(filed.status, await filed.clone().text()).to.equal(201);
    const receipt = (await filed.json()) as { trackingNumber: string; accessCode: string };
    const list = await operatorCall<{ items: { id: string; trackingNumber: string }[] }>(center, 'GET', 'complaints');
    const id = list.items.find((c) => c.trackingNumber === receipt.trackingNumber)!.id;
    await operatorCall(center, 'POST', `complaints/${id}/transitions`, { to: 'in_review', note: text });
    // A reference in another system, with the payload as its number and link (the contract may refuse
    // the link: then a scheme it lets through).
    const refs = (href: string) => ({
      addExternalRefs: [{ system: 'e-otinish', reference: text.slice(0, 100), url: href }],
    });
    await operatorCall(center, 'PATCH', `complaints/${id}`, refs(url)).catch(() =>
      operatorCall(center, 'PATCH', `complaints/${id}`, refs('javascript:__kcPwned(100)')),
    );

    const chat = mount(html`<kc-chat base-url="/api/v1" lang="en"></kc-chat>`);
    await waitFor(() => deep(chat, '[part~="launcher"]').length > 0, 'the chat launcher');
    deep(chat, '[part~="launcher"]')[0]!.click();
    await waitFor(() => deep(chat, '#question').length > 0, 'the question field');
    type(deep(chat, '#question')[0] as HTMLTextAreaElement, `pension ${text}`.slice(0, 200));
    await waitFor(() => deep(chat, '.answers summary').length > 0, 'the knowledge-base answer');
    await waitFor(() => !(deep(chat, '.agent')[0] as HTMLButtonElement).disabled, 'the config');
    deep(chat, '.agent')[0]!.click();
    await waitFor(() => deep(chat, '.consent .kc-button--primary').length > 0, 'the consent');
    deep(chat, '.consent .kc-button--primary')[0]!.click();
    await waitFor(() => deep(chat, '#message').length > 0, 'the conversation');
    type(deep(chat, '#message')[0] as HTMLTextAreaElement, text);
    deep(chat, '[part~="send-button"]')[0]!.click();
    await waitFor(() => deep(chat, '[data-author="citizen"]').length > 0, 'the citizen’s message');
    await center.clock.advance(1000); // the operator joins and greets with the payload
    await center.clock.advance(500);
    await center.clock.advance(500);
    await waitFor(() => deep(chat, '[data-author="operator"]').length > 0, 'the operator’s message');

    const outage = (href: string) => ({
      status: 'active',
      severity: 'major',
      affectedChannels: ['chat', 'callback'],
      message: lt(`Outage ${text}`),
      startedAt: new Date(center.clock.now()).toISOString(),
      alternatives: [{ channel: 'phone', label: lt(text), value: '1414', href }],
    });
    // The contract refuses an alternative's href that is not a URI (a tab, a space, an entity): then the
    // widgets get a scheme the contract lets through.
    await operatorCall(center, 'POST', 'outages', outage(url)).catch(() =>
      operatorCall(center, 'POST', 'outages', outage('javascript:__kcPwned(100)')),
    );
    const banner = mount(html`<kc-outage-banner base-url="/api/v1" lang="en"></kc-outage-banner>`);
    await waitFor(() => deep(banner, '[part="message"]').length > 0, 'the outage in the banner');
    await waitFor(() => deep(chat, '[part="outage"]').length > 0, 'the outage in the chat');
    // A new chat during the outage: the start is refused and the chat shows the outage and the other channels. A
    // page has one chat (a second <kc-chat> waits hidden while the first is there), so the first leaves the page,
    // which detaches its session: only then can the tab's entry be cleared for good (a live session writes it again
    // when the outbox delivers its message, and the second chat would then resume the first conversation).
    chat.remove();
    sessionStorage.clear();
    const refused = mount(html`<kc-chat base-url="/api/v1" lang="en"></kc-chat>`);
    await waitFor(() => deep(refused, '[part~="launcher"]').length > 0, 'the second chat');
    deep(refused, '[part~="launcher"]')[0]!.click();
    await waitFor(
      () => deep(refused, '.agent').length > 0 && !(deep(refused, '.agent')[0] as HTMLButtonElement).disabled,
      'its panel',
    );
    deep(refused, '.agent')[0]!.click();
    await waitFor(() => deep(refused, '.consent .kc-button--primary').length > 0, 'its consent');
    deep(refused, '.consent .kc-button--primary')[0]!.click();
    await waitFor(() => deep(refused, '#start-outage').length > 0, 'the outage at the start');

    const status = mount(
      html`<kc-complaint-status
        base-url="/api/v1"
        lang="en"
        tracking-number=${receipt.trackingNumber}
      ></kc-complaint-status>`,
    );
    await waitFor(() => deep(status, '#accessCode').length > 0, 'the status form');
    type(deep(status, '#accessCode')[0] as HTMLInputElement, receipt.accessCode);
    deep(status, '[part~="find-button"]')[0]!.click();
    await waitFor(() => deep(status, '[part~="status"]').length > 0, 'the appeal');
    await waitFor(() => textOf(status).includes(squash(text)), 'the timeline note');

    // Give a smuggled handler (onerror, onload, ontoggle, autofocus) its chance to run.
    await new Promise((r) => setTimeout(r, 50));
    const links = [chat, refused, banner, status].flatMap((host) =>
      deep(host, 'a[href]').map((a) => ({
        where: host.localName,
        href: (a as HTMLAnchorElement).href,
        rel: a.getAttribute('rel') ?? '',
      })),
    );
    return {
      census: census(),
      chat: textOf(chat),
      refused: textOf(refused),
      banner: textOf(banner),
      status: textOf(status),
      links,
    };
  } finally {
    unmountAll();
    center.dispose();
  }
}

describe('injection: every payload stays text in every widget', function () {
  // Each test walks whole widgets through a contact center; a shared machine can be slow.
  this.timeout(60_000);
  let worker: MockWorker;
  let baseline: Seen;

  before(async () => {
    worker = await startMockWorker({ operator: false });
    arm();
    baseline = await exercise(worker, 'Plain words of the center', 'https://egov.kz/');
  });

  after(() => {
    disarm();
    worker.stop();
  });

  it('the plain-text run shows every text it seeded (the baseline is real)', () => {
    for (const where of ['chat', 'refused', 'banner', 'status'] as const)
      expect(baseline[where]).to.contain('Plain words of the center');
    // The seeded links are there when they are safe: the article's, the privacy notice's, the appeal's reference.
    for (const where of ['kc-chat', 'kc-complaint-status']) {
      expect(
        baseline.links.filter((l) => l.where === where && l.href === 'https://egov.kz/'),
        where,
      ).not.to.be.empty;
    }
  });

  it('the watch works: the same payload written to an HTML sink runs and is counted', async () => {
    const sink = document.createElement('div');
    document.body.append(sink);
    const before = census();
    try {
      sink.innerHTML = TEXT_PAYLOADS.find((p) => p.name === 'img onerror')!.text;
      await waitFor(() => hits.length > 0, 'the tripwire');
      expect(census().get('img') ?? 0).to.be.greaterThan(before.get('img') ?? 0);
    } finally {
      sink.remove();
      hits.length = 0;
    }
  });

  TEXT_PAYLOADS.forEach((payload, i) => {
    const url = URL_PAYLOADS[i % URL_PAYLOADS.length]!;
    it(`${i + 1}. ${payload.name}`, async () => {
      const seen = await exercise(worker, payload.text, url);
      expect(hits, 'the tripwire').to.deep.equal([]);
      expect(dialogs, 'dialogs').to.deep.equal([]);
      for (const tag of DANGEROUS_TAGS) {
        expect(seen.census.get(tag) ?? 0, `<${tag}> elements`).to.be.at.most(baseline.census.get(tag) ?? 0);
      }
      for (const [tag, count] of seen.census) {
        expect(count, `<${tag}> elements`).to.be.at.most(baseline.census.get(tag) ?? 0);
      }
      for (const link of seen.links) {
        expect(link.href, 'a link').to.match(/^(https?:\/\/|tel:|mailto:)/);
        if (/^https?:/.test(link.href)) expect(link.rel).to.equal('noopener noreferrer');
      }
      const visible = squash(payload.text);
      expect(seen.chat, 'the chat shows it as text').to.contain(visible);
      expect(seen.refused, 'the chat refused by the outage shows it as text').to.contain(visible);
      expect(seen.banner, 'the banner shows it as text').to.contain(visible);
      expect(seen.status, 'the status shows it as text').to.contain(visible);
      expect(document.querySelector('base'), 'no <base> in the document').to.equal(null);
    });
  });
});
