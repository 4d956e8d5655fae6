// SPDX-License-Identifier: MIT
// Nothing asked twice (WCAG 3.3.7) across widgets: the name and phone given in <kc-complaint-form> are offered, as
// values the citizen can change, by a <kc-callback> of the same page and by the callback form <kc-chat> offers,
// against the real @kc/sdk and @kc/mock. They
// live in the client's memory only: never in local or session storage or IndexedDB, forgotten by clearLocalData()
// and when the page is left.
import { expect, html } from '@open-wc/testing';
import type { MockWorker } from '@kc/mock/browser';
import type { KcCore } from '@kc/sdk';
import '../src/kc-provider.js';
import '../src/kc-complaint-form.js';
import '../src/kc-callback.js';
import '../src/kc-chat.js';
import { give } from '../src/internal/client.js';
import type { KcElement } from '../src/internal/kc-element.js';
import { mount, unmountAll } from './dom.js';
import { $, clientOver, field, fillAppeal, mockCenter, settle, type } from './complaints.js';

// Values no other suite uses, so that finding them in the origin's storage can only mean this one leaked them.
const LAST = 'Жұмабекұлы';
const FIRST = 'Тәңірберген';
const PHONE = '8 (702) 987-65-43';
const DIGITS = '7029876543';

const poll = async (condition: () => boolean, what: string) => {
  for (const end = Date.now() + 10_000; !condition();) {
    if (Date.now() > end) throw new Error(`[test] timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Every key and value in local and session storage and every record of every IndexedDB database of the origin. */
async function everythingStored(): Promise<string> {
  const parts: string[] = [];
  for (const area of [localStorage, sessionStorage]) {
    for (const key of Object.keys(area)) parts.push(key, area.getItem(key) ?? '');
  }
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('[test] IndexedDB request failed'));
    });
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    for (const store of db.objectStoreNames) {
      parts.push(JSON.stringify(await request(db.transaction(store).objectStore(store).getAll())));
    }
    db.close();
  }
  return parts.join('\n');
}

async function page(client: KcCore) {
  const root = mount(
    html`<kc-provider .client=${client} lang="ru">
      <kc-complaint-form></kc-complaint-form>
      <kc-callback></kc-callback>
    </kc-provider>`,
  );
  const form = root.querySelector<KcElement>('kc-complaint-form')!;
  const callback = root.querySelector<KcElement>('kc-callback')!;
  await poll(() => $(form, 'form') !== null && $(callback, '#phone') !== null, 'both forms');
  return { form, callback };
}

describe('nothing asked twice across widgets (3.3.7)', function () {
  this.timeout(30_000);
  let mock: MockWorker;
  const clients: KcCore[] = [];

  before(async () => {
    mock = await mockCenter();
  });
  after(() => mock.stop());
  afterEach(async () => {
    unmountAll();
    await mock.scenario.reset();
    for (const client of clients.splice(0)) await client.clearLocalData();
  });

  it("offers the complaint form's name and phone in the callback form, changeable, in memory only", async () => {
    const client = clientOver();
    clients.push(client);
    const { form, callback } = await page(client);
    expect(field(callback, 'phone').value, 'nothing given yet').to.equal('');
    expect(field(callback, 'name').value).to.equal('');

    await fillAppeal(form, { lastName: LAST, firstName: FIRST, phone: PHONE });
    $<HTMLButtonElement>(form, '[part~="submit-button"]')!.click();
    await poll(() => $(form, '.receipt') !== null, 'the receipt');
    await settle(callback);

    // Offered as the fields' values, which keep their labels and the citizen can change.
    const phone = field(callback, 'phone');
    const name = field(callback, 'name');
    expect(phone.value).to.equal(PHONE);
    expect(name.value).to.equal(`${LAST} ${FIRST}`);
    expect(phone.labels?.[0]?.textContent?.trim()).to.not.equal('');
    type(name, FIRST);
    await settle(callback);
    expect(field(callback, 'name').value).to.equal(FIRST);
    expect(field(callback, 'phone').value).to.equal(PHONE);
    await expect(callback).to.be.accessible();

    // Never in storage: the appeal's draft and outbox item are gone once it was delivered, and what was given
    // lives only in the client's memory.
    expect(client.given).to.deep.equal({ name: `${LAST} ${FIRST}`, phone: PHONE });
    const stored = await everythingStored();
    for (const value of [LAST, FIRST, PHONE, DIGITS]) expect(stored, `«${value}» in storage`).to.not.include(value);

    // "Forget me on this device" forgets it too: an untouched field is empty again.
    await client.clearLocalData();
    expect(client.given).to.deep.equal({});
    callback.requestUpdate();
    await settle(callback);
    expect(field(callback, 'phone').value).to.equal('');
    expect(field(callback, 'name').value, 'what the citizen typed here stays').to.equal(FIRST);
  });

  it("offers them in the callback form the chat offers, which leaves the help to the chat's panel", async () => {
    await mock.scenario.set({ centerClosed: true });
    const client = clientOver();
    clients.push(client);
    const root = mount(
      html`<kc-provider .client=${client} lang="ru">
        <kc-complaint-form></kc-complaint-form>
        <kc-chat></kc-chat>
      </kc-provider>`,
    );
    const form = root.querySelector<KcElement>('kc-complaint-form')!;
    const chat = root.querySelector<KcElement & { show(): void }>('kc-chat')!;
    await poll(() => $(form, 'form') !== null, 'the form');
    await fillAppeal(form, { lastName: LAST, firstName: FIRST, phone: PHONE });
    $<HTMLButtonElement>(form, '[part~="submit-button"]')!.click();
    await poll(() => $(form, '.receipt') !== null, 'the receipt');

    // The center is closed: the chat offers a callback before queueing.
    chat.show();
    await poll(() => $(chat, '.offer .kc-button--primary') !== null, 'the callback offer');
    $<HTMLButtonElement>(chat, '.offer .kc-button--primary')!.click();
    await poll(() => {
      const inline = $(chat, 'kc-callback');
      return inline !== null && $(inline, '#phone') !== null;
    }, 'the callback form in the chat');
    const inline = $<KcElement>(chat, 'kc-callback')!;
    expect(field(inline, 'phone').value).to.equal(PHONE);
    expect(field(inline, 'name').value).to.equal(`${LAST} ${FIRST}`);
    expect($(inline, '[part="help"]'), 'no second help inside the chat').to.equal(null);
    expect($(chat, '[part="panel"] [part="help"]'), "the chat panel's help").to.not.equal(null);
  });

  it('forgets what was given when the page is left', async () => {
    const client = clientOver();
    clients.push(client);
    const { callback } = await page(client);
    give(client, { name: `${LAST} ${FIRST}`, phone: PHONE });
    await settle(callback);
    expect(field(callback, 'phone').value, 'offered at once').to.equal(PHONE);
    expect(field(callback, 'name').value).to.equal(`${LAST} ${FIRST}`);

    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    callback.requestUpdate();
    await settle(callback);
    expect(client.given).to.deep.equal({});
    expect(field(callback, 'phone').value).to.equal('');
    expect(field(callback, 'name').value).to.equal('');
  });
});
