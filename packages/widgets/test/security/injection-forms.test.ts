// SPDX-License-Identifier: MIT
// Injection in the forms: every payload of the corpus as the center's texts (kinds, categories, procedure, privacy
// notice) and as what the citizen types and sees echoed back — the appeal's subject and description on the review,
// the callback's topic on its confirmation. Each payload gets a fresh @kc/mock contact center seeded with it behind
// the page's msw worker. Nothing may run, open a dialog or create an element the form does not render for plain text.
import { expect, html } from '@open-wc/testing';
import { createMockContactCenter, startMockWorker, type MockWorker } from '@kc/mock/browser';
import { demoConfig } from '@kc/backend';
import type { Config, LocalizedText } from '@kc/contract';
import { createClient } from '@kc/sdk';
import '../../src/kc-complaint-form.js';
import '../../src/kc-callback.js';
import type { KcCallback } from '../../src/components/callback/callback.js';
import { mount, unmountAll } from '../dom.js';
import { clientOver, type } from '../complaints.js';
import { DANGEROUS_TAGS, TEXT_PAYLOADS, tripwire, URL_PAYLOADS } from './payloads.js';

const OPEN_AT = '2026-11-24T11:00:00+05:00';
const { hits, dialogs, arm, disarm } = tripwire();

const lt = (text: string): LocalizedText => ({ kk: text, ru: text, en: text });
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

async function waitFor(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const $ = <E extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<E>(selector);
const textOf = (host: Element) => squash(host.shadowRoot!.textContent);
function census(host: Element): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of host.shadowRoot!.querySelectorAll('*'))
    counts.set(el.localName, (counts.get(el.localName) ?? 0) + 1);
  return counts;
}

function config(text: string, url: string): Config {
  const c = structuredClone(demoConfig);
  c.appeals.kinds = c.appeals.kinds.map((k) => ({ ...k, name: lt(text), description: lt(text), deadline: lt(text) }));
  c.appeals.categories = [
    { id: 'xss', parentId: null, name: lt(text) },
    { id: 'xss.child', parentId: 'xss', name: lt(text) },
  ];
  c.appeals.procedure = lt(text);
  c.privacy.text = lt(text);
  c.privacy.data = lt(text);
  c.privacy.purpose = lt(text);
  c.privacy.url = url;
  return c;
}

interface Seen {
  review: Map<string, number>;
  reviewText: string;
  callback: Map<string, number>;
  callbackText: string;
  links: { href: string; rel: string }[];
}

async function exercise(mock: MockWorker, text: string, url: string): Promise<Seen> {
  const center = createMockContactCenter({
    seed: 5,
    clock: { start: OPEN_AT, realtime: false },
    config: config(text, url),
    operator: false,
  });
  await center.ready();
  mock.worker.resetHandlers(...center.handlers);
  const kc = createClient({ baseUrl: `${location.origin}/api/v1`, storage: 'memory' });
  try {
    const form = mount(html`<kc-complaint-form .client=${clientOver()} lang="en"></kc-complaint-form>`);
    await waitFor(() => $(form, 'input[name="kind"]') !== null, 'the form');
    const next = async () => {
      $<HTMLButtonElement>(form, '[part~="continue-button"]')!.click();
      await new Promise((r) => setTimeout(r, 20));
    };
    $<HTMLInputElement>(form, 'input[name="kind"][value="complaint"]')!.click();
    const select = $<HTMLSelectElement>(form, '#categoryId')!;
    await waitFor(() => [...select.options].some((o) => o.value === 'xss.child'), 'the categories');
    select.value = 'xss.child';
    select.dispatchEvent(new Event('change'));
    await next();
    await waitFor(() => $(form, '#description') !== null, 'the description step');
    type($<HTMLInputElement>(form, '#subject')!, text.slice(0, 100));
    type($<HTMLTextAreaElement>(form, '#description')!, `Lights ${text}`);
    await next();
    await waitFor(() => $(form, '#iin') !== null, 'the applicant step');
    type($<HTMLInputElement>(form, '#iin')!, '850715401236');
    type($<HTMLInputElement>(form, '#lastName')!, 'Сейтқали');
    type($<HTMLInputElement>(form, '#firstName')!, 'Әйгерім');
    type($<HTMLInputElement>(form, '#phone')!, '+7 701 123 45 67');
    await next();
    await waitFor(() => $(form, '#consent') !== null, 'the consent step');
    $<HTMLInputElement>(form, '#consent')!.click();
    await next();
    await waitFor(() => $(form, '[part~="review"]') !== null, 'the review');

    const callback = mount<KcCallback>(
      html`<kc-callback .client=${kc} lang="en" .userTimeZone=${'Asia/Almaty'}></kc-callback>`,
    );
    await waitFor(() => $(callback, 'form') !== null, 'the callback form');
    const asap = $<HTMLInputElement>(callback, 'input[name="when"][value="asap"]');
    if (asap) asap.click();
    else {
      $<HTMLInputElement>(callback, 'input[name="when"][value="slot"]')?.click();
      await waitFor(() => $(callback, 'input[name="slot"]') !== null, 'a slot');
      $<HTMLInputElement>(callback, 'input[name="slot"]')!.click();
    }
    type($<HTMLInputElement>(callback, '#topic')!, text);
    type($<HTMLInputElement>(callback, '#phone')!, '+7 701 123 45 67');
    $<HTMLInputElement>(callback, 'input[name="consent"]')!.click();
    await callback.updateComplete;
    $<HTMLButtonElement>(callback, '[part~="submit-button"]')!.click();
    await waitFor(() => $(callback, '[part="confirmation"]') !== null, 'the callback’s confirmation');
    await new Promise((r) => setTimeout(r, 50));
    return {
      review: census(form),
      reviewText: textOf(form),
      callback: census(callback),
      callbackText: textOf(callback),
      links: [form, callback].flatMap((host) =>
        [...host.shadowRoot!.querySelectorAll('a[href]')].map((a) => ({
          href: (a as HTMLAnchorElement).href,
          rel: a.getAttribute('rel') ?? '',
        })),
      ),
    };
  } finally {
    unmountAll();
    kc.close();
    center.dispose();
  }
}

describe('injection: every payload stays text in the forms', function () {
  // Each test walks whole widgets through a contact center; a shared machine can be slow.
  this.timeout(60_000);
  let mock: MockWorker;
  let baseline: Seen;

  before(async () => {
    mock = await startMockWorker({ operator: false });
    arm();
    baseline = await exercise(mock, 'Plain words of the center', 'https://egov.kz/');
  });

  after(() => {
    disarm();
    mock.stop();
  });

  it('the plain-text run shows what it seeded and typed (the baseline is real)', () => {
    expect(baseline.reviewText).to.contain('Lights Plain words of the center');
    expect(baseline.callbackText).to.contain('Plain words of the center');
  });

  TEXT_PAYLOADS.forEach((payload, i) => {
    const url = URL_PAYLOADS[i % URL_PAYLOADS.length]!;
    it(`${i + 1}. ${payload.name}`, async () => {
      const seen = await exercise(mock, payload.text, url);
      expect(hits, 'the tripwire').to.deep.equal([]);
      expect(dialogs, 'dialogs').to.deep.equal([]);
      for (const [which, counts, base] of [
        ['the complaint form', seen.review, baseline.review],
        ['the callback form', seen.callback, baseline.callback],
      ] as const) {
        for (const tag of DANGEROUS_TAGS) {
          expect(counts.get(tag) ?? 0, `<${tag}> in ${which}`).to.be.at.most(base.get(tag) ?? 0);
        }
        for (const [tag, count] of counts) expect(count, `<${tag}> in ${which}`).to.be.at.most(base.get(tag) ?? 0);
      }
      for (const link of seen.links) {
        expect(link.href, 'a link').to.match(/^(https?:\/\/|tel:|mailto:|#)/);
        if (/^https?:/.test(link.href) && !link.href.startsWith(location.origin)) {
          expect(link.rel).to.equal('noopener noreferrer');
        }
      }
      expect(seen.reviewText, 'the review echoes the description as text').to.contain(squash(`Lights ${payload.text}`));
      expect(seen.callbackText, 'the confirmation echoes the topic as text').to.contain(squash(payload.text));
    });
  });
});
