// SPDX-License-Identifier: MIT
// Storage faults (docs/reliability.md): the browser refuses to keep anything — IndexedDB missing or refusing to open,
// a write over the quota, the database held by another connection. <kc-complaint-form> still registers the appeal
// (the SDK's outbox falls back to memory) and says, in the citizen's language, what it cannot keep.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { MockWorker } from '@kc/mock/browser';
import '../src/kc-complaint-form.js';
import type { KcComplaintForm } from '../src/components/complaint-form/complaint-form.js';
import { $, clientOver, fillAppeal, freshDatabase, mockCenter, textOf } from './complaints.js';

const NOT_KEPT = {
  ru: 'Этот браузер не позволяет сохранить ваши ответы на этом устройстве',
  kk: 'Бұл браузер жауаптарыңызды осы құрылғыда сақтауға мүмкіндік бермейді',
  en: 'This browser does not let your answers be saved on this device',
};

let mock: MockWorker;
const pageErrors: unknown[] = [];
const onPageError = (e: Event) => pageErrors.push((e as PromiseRejectionEvent).reason ?? e);

before(async () => {
  mock = await mockCenter();
  window.addEventListener('unhandledrejection', onPageError);
});
after(() => {
  window.removeEventListener('unhandledrejection', onPageError);
  mock.stop();
});
afterEach(async () => {
  fixtureCleanup();
  await mock.scenario.reset();
  expect(pageErrors).to.deep.equal([]);
});

/** Fills the form as a citizen would, pausing after the description long enough for a draft to be saved. */
async function fillAndSubmit(el: KcComplaintForm, lang: keyof typeof NOT_KEPT): Promise<void> {
  await fillAppeal(el, {
    // The draft is saved when typing pauses: this is when the browser's refusal shows.
    afterDescription: async () => {
      await waitUntil(() => $(el, '[part="storage-notice"]') !== null, 'the notice', { timeout: 10_000 });
      expect($(el, '[part="storage-notice"]')!.textContent).to.contain(NOT_KEPT[lang]);
    },
  });
  $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
}

async function form(lang: keyof typeof NOT_KEPT, database = freshDatabase()) {
  const client = clientOver(database);
  const el = await fixture<KcComplaintForm>(
    html`<kc-complaint-form .client=${client} lang=${lang}></kc-complaint-form>`,
  );
  await waitUntil(() => $(el, 'form') !== null, 'the form renders', { timeout: 5000 });
  return { el, client };
}

async function registersAndSays(lang: keyof typeof NOT_KEPT, database?: string) {
  const before = mock.stats.committed.submitComplaint ?? 0;
  const { el, client } = await form(lang, database);
  await fillAndSubmit(el, lang);
  await waitUntil(() => $(el, '.receipt') !== null, 'registered', { timeout: 10_000 });
  expect(mock.stats.committed.submitComplaint).to.equal(before + 1);
  expect(client.outbox.storage).to.equal('memory');
  return el;
}

function patch<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
  Object.defineProperty(target, key, { ...descriptor, value });
  return () => Object.defineProperty(target, key, descriptor);
}

describe('storage faults in <kc-complaint-form>', () => {
  it('IndexedDB refuses to open (private mode, policy): registers the appeal and says the answers are not kept', async () => {
    const restore = patch(IDBFactory.prototype, 'open', () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    try {
      await registersAndSays('ru');
    } finally {
      restore();
    }
  });

  it('a write goes over the quota: registers the appeal and says so in Kazakh', async () => {
    const restore = patch(IDBObjectStore.prototype, 'put', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      await registersAndSays('kk');
    } finally {
      restore();
    }
  });

  it('no IndexedDB at all: registers the appeal and says so in English', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, get: () => undefined });
    const restore = () => Object.defineProperty(globalThis, 'indexedDB', descriptor);
    try {
      await registersAndSays('en');
    } finally {
      restore();
    }
  });

  it('another connection holds the database while it is being deleted (a blocked upgrade): registers the appeal', async () => {
    const database = freshDatabase();
    // An old page keeps the database open and ignores requests to close it; another page deletes it meanwhile.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database, 1);
      request.onupgradeneeded = () => {
        for (const store of ['outbox', 'results', 'drafts']) request.result.createObjectStore(store, { keyPath: 'id' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error!);
    });
    holder.onversionchange = () => undefined;
    const deletion = indexedDB.deleteDatabase(database);
    await new Promise((resolve) => (deletion.onblocked = resolve));
    try {
      const el = await registersAndSays('ru', database);
      expect(textOf(el)).to.contain('Обращение зарегистрировано');
    } finally {
      holder.close();
    }
  });

  it('queued with nothing kept: asks the citizen to keep the page open instead of promising to send after a reload', async () => {
    const restore = patch(IDBFactory.prototype, 'open', () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    try {
      await mock.scenario.set({ networkFailure: { operations: ['submitComplaint'] } });
      const { el } = await form('ru');
      await fillAndSubmit(el, 'ru');
      await waitUntil(() => $(el, '[part="queued"]') !== null, 'queued', { timeout: 10_000 });
      const text = textOf(el);
      expect(text).to.contain('не закрывайте страницу');
      expect(text).not.to.contain('даже если вы закроете страницу');
      await mock.scenario.reset();
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => $(el, '.receipt') !== null, 'registered once back online', { timeout: 10_000 });
    } finally {
      restore();
    }
  });
});
