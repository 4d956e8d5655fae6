// SPDX-License-Identifier: MIT
// Browser-only outbox guarantees over real IndexedDB and Web Locks: reloads, several clients at once, nothing
// personal left behind, and the fallback to memory.
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { createCore, type KcCore } from '../client.js';
import { complaints, type KcStoredComplaintReceipt } from '../complaints/complaints.js';
import { baseUrl, fakeSleep } from '../../test/fake-fetch.js';
import { complaintServer, draft, personal } from '../../test/complaint-server.js';

const databaseName = `kc-test-${Math.random().toString(36).slice(2)}`;
const clients: KcCore[] = [];
function client(server: ReturnType<typeof complaintServer>, { timeout = 40 } = {}): KcCore {
  const kc = createCore({
    baseUrl,
    fetch: server.fetch,
    timeout,
    retry: { sleep: fakeSleep().sleep, random: () => 0.5 },
    outbox: { baseDelay: 60_000 },
    databaseName,
  });
  clients.push(kc);
  return kc;
}

/** Everything kc has in IndexedDB, as text. */
async function everythingStored(): Promise<string> {
  const list = await indexedDB.databases();
  if (!list.some((d) => d.name === databaseName)) return '';
  const db = await openDB(databaseName);
  const out: unknown[] = [];
  for (const store of db.objectStoreNames) out.push(await db.getAll(store));
  db.close();
  return JSON.stringify(out);
}

const until = async (condition: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 10));
};

afterEach(async () => {
  for (const kc of clients.splice(0)) await kc.clearLocalData();
  await deleteDB(databaseName);
});

describe('outbox in the browser', () => {
  it('creates no database until something is stored: not at start, not for complaints(kc) nor for reading', async () => {
    const kc = client(complaintServer());
    complaints(kc);
    await kc.outbox.flush();
    expect(await kc.outbox.pending()).to.deep.equal([]);
    expect(await kc.outbox.results()).to.deep.equal([]);
    expect(await kc.outbox.withdraw('00000000-0000-4000-8000-000000000000')).to.equal('unknown');
    expect(await kc.drafts.load('complaint-form')).to.equal(undefined);
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    expect(await names()).not.to.include(databaseName);
    await kc.drafts.save('complaint-form', { step: 'kind' });
    expect(await names()).to.include(databaseName);
  });

  it('uses IndexedDB, with the item on disk before the first attempt', async () => {
    const server = complaintServer();
    let storedBeforeSending = '';
    const original = server.fetch;
    const probe = createCore({
      baseUrl,
      databaseName,
      fetch: async (input, init) => {
        storedBeforeSending = await everythingStored();
        return original(input, init);
      },
    });
    clients.push(probe);
    await complaints(probe).submit(draft);
    expect(probe.outbox.storage).to.equal('indexeddb');
    expect(storedBeforeSending).to.contain('"kind":"complaint"');
    expect(storedBeforeSending).to.contain(personal.lastName);
    expect(await everythingStored()).not.to.contain(personal.lastName);
  });

  it('sends what a closed page left queued once the next page starts: exactly once, receipt to whoever listens', async () => {
    const server = complaintServer();
    server.faults.push('network-after', 'network-before');
    const first = client(server);
    const queued = await complaints(first).submit(draft);
    expect(queued.status).to.equal('queued');
    first.close(); // the page is closed

    const second = client(server); // the page is opened again
    const receipts: unknown[] = [];
    second.outbox.on('sent', ({ receipt }) => receipts.push(receipt));
    complaints(second); // a widget that files appeals is on this page
    await until(async () => (await second.outbox.pending()).length === 0 && receipts.length === 1);
    expect(server.registered).to.equal(1);
    expect(receipts).to.have.length(1);
    const [result] = await second.outbox.results();
    expect(result!.id).to.equal(queued.id);
    // The whole receipt the server returned, department and next steps included, in the event and in the result.
    const receipt: KcStoredComplaintReceipt = result!.receipt as KcStoredComplaintReceipt;
    expect(receipt).to.deep.equal(receipts[0]);
    expect(receipt).to.include({ trackingNumber: 'KC-2026-000001', accessCode: '7K3F-9QXD-M2PA-HV8E' });
    expect(receipt.responsible?.department.kk).to.equal('Отдел');
    expect(receipt.nextSteps).to.have.keys('kk', 'ru', 'en');

    // A widget opened later still finds the receipt, until it acknowledges it.
    const third = client(server);
    expect((await third.outbox.results()).map((r) => r.id)).to.deep.equal([queued.id]);
    await third.outbox.acknowledge(queued.id);
    expect(await third.outbox.results()).to.deep.equal([]);

    const stored = await everythingStored();
    for (const value of Object.values(personal)) expect(stored).not.to.contain(value);
    expect(stored).not.to.contain('7K3F-9QXD-M2PA-HV8E');
  });

  it('lets go of what a closed page was sending, so that the next page sends it at once, exactly once', async () => {
    const server = complaintServer();
    server.faults.push('network-before', 'network-before');
    // A client that waits a minute for an answer: closing it must not leave its item locked that long.
    const first = client(server, { timeout: 60_000 });
    const queued = await complaints(first).submit(draft);
    expect(queued.status).to.equal('queued');
    server.faults.push('timeout-after'); // the server registers it; its answer never comes
    const calls = server.calls.length;
    const flushing = first.outbox.flush();
    await until(() => server.calls.length > calls);
    expect(server.registered).to.equal(1);
    first.close(); // the page is closed while its request hangs
    await flushing;

    const second = client(server);
    const sent: string[] = [];
    second.outbox.on('sent', ({ id }) => sent.push(id));
    complaints(second);
    await until(async () => sent.length === 1);
    expect(sent).to.deep.equal([queued.id]);
    expect(await second.outbox.pending()).to.deep.equal([]);
    expect(server.registered).to.equal(1);
    const keys = server.calls.map((c) => c.headers.get('idempotency-key'));
    expect(new Set(keys)).to.deep.equal(new Set([queued.id]));
  });

  it('registers every appeal exactly once when two clients flush at once, and leaves nothing personal behind', async () => {
    const server = complaintServer();
    const a = client(server);
    const b = client(server);
    complaints(b);
    complaints(a);
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      server.faults.push('network-after', 'network-before');
      ids.push((await complaints(a).submit({ ...draft, description: `${personal.description} #${i}` })).id);
    }
    expect(server.registered).to.equal(5);
    expect((await b.outbox.pending()).map((p) => p.id)).to.have.members(ids);
    await Promise.all([a.outbox.flush(), b.outbox.flush(), a.outbox.flush(), b.outbox.flush()]);
    await until(async () => (await a.outbox.pending()).length === 0);
    expect(server.registered).to.equal(5);
    expect(await a.outbox.pending()).to.deep.equal([]);
    expect(await b.outbox.pending()).to.deep.equal([]);
    for (const r of await a.outbox.results()) await a.outbox.acknowledge(r.id);
    const stored = await everythingStored();
    for (const value of Object.values(personal)) expect(stored).not.to.contain(value);
  });

  it('lets one client flush at a time through Web Locks', async () => {
    if (!navigator.locks) return expect(navigator.locks).to.equal(undefined);
    const server = complaintServer();
    const a = client(server);
    const b = client(server);
    complaints(b);
    complaints(a);
    await Promise.all([a.outbox.flush(), b.outbox.flush()]);
    server.faults.push('network-before', 'network-before');
    await complaints(a).submit(draft);
    let granted!: () => void;
    const grant = new Promise<void>((r) => (granted = r));
    const held = navigator.locks.request(
      `${databaseName} outbox ${a.transport.baseUrl}`,
      () => (granted(), new Promise((r) => setTimeout(r, 100))),
    );
    await grant;
    await b.outbox.flush(); // another tab holds the lock: b leaves the item to it
    expect(server.calls).to.have.length(2);
    await held;
    await a.outbox.flush();
    expect(server.registered).to.equal(1);
  });

  it('falls back to memory and says so when IndexedDB refuses to open', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!;
    IDBFactory.prototype.open = function () {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    try {
      const server = complaintServer();
      const kc = client(server);
      const reasons: string[] = [];
      kc.outbox.on('storage-fallback', ({ reason }) => reasons.push(reason));
      server.faults.push('network-before', 'network-before');
      const result = await complaints(kc).submit(draft);
      expect(result.status).to.equal('queued');
      expect(reasons).to.deep.equal(['SecurityError']);
      expect(kc.outbox.storage).to.equal('memory');
      await kc.outbox.flush();
      expect(server.registered).to.equal(1);
    } finally {
      Object.defineProperty(IDBFactory.prototype, 'open', descriptor);
    }
  });

  it('stores nothing before first use, and clearLocalData() deletes the database', async () => {
    const server = complaintServer();
    const kc = client(server);
    await new Promise((r) => setTimeout(r, 20));
    expect((await indexedDB.databases()).some((d) => d.name === databaseName)).to.equal(false);
    await kc.drafts.save('form', { text: personal.description });
    expect((await indexedDB.databases()).some((d) => d.name === databaseName)).to.equal(true);
    localStorage.setItem('kc-rating:rated', '["chat:1"]');
    localStorage.setItem('kc-outage-banner:dismissed', '["o-1"]');
    sessionStorage.setItem('kc-outage-banner:dismissed', '["o-2"]');
    localStorage.setItem('portal-theme', 'dark');
    sessionStorage.setItem('kcx', "the page's own");
    await kc.clearLocalData();
    expect((await indexedDB.databases()).some((d) => d.name === databaseName)).to.equal(false);
    // Every key of kc's is gone from web storage; the page's own keys stay.
    expect(Object.keys(localStorage)).to.deep.equal(['portal-theme']);
    expect(Object.keys(sessionStorage)).to.deep.equal(['kcx']);
    localStorage.clear();
    sessionStorage.clear();
  });
});
