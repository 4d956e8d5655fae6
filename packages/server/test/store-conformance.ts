// SPDX-License-Identifier: MIT
/**
 * Behavioural tests of the backend's `Store` interface, run against `MemoryStore` (the reference) and `SqlStore`
 * (PGlite, and a real PostgreSQL when `KC_TEST_DATABASE_URL` is set): whatever passes here behaves alike.
 *
 * @packageDocumentation
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  CallbackRecord,
  ChatMessageRecord,
  ChatSessionRecord,
  ComplaintRecord,
  IdempotencyRecord,
  RatingRecord,
  Store,
  StreamEvent,
} from '@kc/backend';

type Outage = Parameters<Store['outages']['insert']>[0];

/** Opens a fresh, empty store for one test. */
export type OpenStore = () => Promise<Store>;

let n = 0;
const id = (prefix: string): string => `${prefix}-${String(++n).padStart(6, '0')}`;
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 22, 5, minute)).toISOString();
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 30));

// Records carry only the fields a store reads; the rest of a real record travels through untouched.
function complaint(over: Partial<ComplaintRecord> = {}): ComplaintRecord {
  const i = id('c');
  return {
    id: i,
    trackingNumber: `KC-2026-${i.slice(2)}`,
    status: 'registered',
    registeredAt: at(0),
    dueAt: at(59),
    kind: 'complaint',
    category: { id: 'utilities' },
    channel: 'web',
    subjectId: null,
    chatSessionId: null,
    accessCodeHash: 'hash',
    statusChangedAt: at(0),
    answeredAt: null,
    description: 'Жарық жоқ — нет света — no light',
    ...over,
  } as unknown as ComplaintRecord;
}

function chat(over: Partial<ChatSessionRecord> = {}): ChatSessionRecord {
  return {
    id: id('s'),
    tokenHash: 'h',
    status: 'queued',
    locale: 'kk',
    topic: null,
    citizenName: null,
    subjectId: null,
    origin: null,
    createdAt: at(0),
    queuedAt: at(0),
    firstAssignedAt: null,
    assignedAt: null,
    operatorId: null,
    operatorIds: [],
    transfers: [],
    closedAt: null,
    closedBy: null,
    closeReason: null,
    lastCitizenActivityAt: at(0),
    inactivityWarnedAt: null,
    lastSeq: 0,
    resolved: null,
    ...over,
  } as ChatSessionRecord;
}

function message(sessionId: string, seq: number, clientMessageId: string | null): ChatMessageRecord {
  return {
    id: id('m'),
    sessionId,
    seq,
    clientMessageId,
    author: { kind: 'citizen' },
    text: `message ${seq}`,
    attachmentIds: [],
    createdAt: at(seq),
    deliveredAt: null,
    readAt: null,
    systemCode: null,
  } as unknown as ChatMessageRecord;
}

function callback(over: Partial<CallbackRecord> = {}): CallbackRecord {
  return {
    id: id('cb'),
    tokenHash: 'h',
    status: 'scheduled',
    phone: '+77011234567',
    name: null,
    topic: 'utilities',
    locale: 'ru',
    slotStart: at(30),
    slotEnd: at(60),
    chatSessionId: null,
    subjectId: null,
    consent: { given: true, version: '2026-07-12', at: at(0) },
    createdAt: at(0),
    updatedAt: at(0),
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    operatorId: null,
    note: null,
    ...over,
  } as CallbackRecord;
}

function rating(over: Partial<RatingRecord> = {}): RatingRecord {
  return {
    id: id('r'),
    subjectKind: 'chat',
    subjectRef: id('ref'),
    csat: 5,
    resolved: true,
    ces: null,
    nps: null,
    comment: null,
    reasons: [],
    followUpConsent: false,
    followUpPhone: null,
    subjectId: null,
    locale: 'kk',
    createdAt: at(0),
    ...over,
  } as RatingRecord;
}

function outage(over: Partial<Outage> = {}): Outage {
  return {
    id: id('o'),
    status: 'active',
    startedAt: at(0),
    resolvedAt: null,
    updatedAt: at(0),
    ...over,
  } as unknown as Outage;
}

function idem(key: string, expiresAt: string): IdempotencyRecord {
  return { key, fingerprint: 'fp', state: 'in_flight', response: null, createdAt: at(0), expiresAt };
}

/**
 * Registers the conformance tests for one implementation of `Store`.
 *
 * @example
 * ```ts
 * storeConformance('MemoryStore', async () => new MemoryStore());
 * ```
 */
export function storeConformance(name: string, open: OpenStore): void {
  describe(`Store conformance: ${name}`, () => {
    it('inserts, reads copies, refuses duplicate keys and tracking numbers', async () => {
      const store = await open();
      const c = complaint();
      assert.equal(await store.complaints.insert(c), true);
      assert.equal(await store.complaints.insert(c), false);
      assert.equal(await store.complaints.insert(complaint({ trackingNumber: c.trackingNumber })), false);
      const read = await store.complaints.get(c.id);
      assert.deepEqual(read, c);
      (read as { status: string }).status = 'closed';
      assert.equal((await store.complaints.get(c.id))?.status, 'registered');
      assert.deepEqual(await store.complaints.getByTrackingNumber(c.trackingNumber), c);
      assert.equal(await store.complaints.get('nope'), null);
      assert.equal(await store.complaints.getByTrackingNumber('KC-0000-000000'), null);
      await store.complaints.update({ ...c, status: 'in_review' });
      assert.equal((await store.complaints.getByTrackingNumber(c.trackingNumber))?.status, 'in_review');
    });

    it('lists appeals by earliest due date, filtered, in pages', async () => {
      const store = await open();
      const subject = id('subject');
      const made: ComplaintRecord[] = [];
      for (let i = 0; i < 5; i++) {
        const c = complaint({
          registeredAt: at(10 + i),
          // Due dates in reverse order of registration, two of them equal (then the earlier registration first).
          dueAt: at(40 - Math.min(i, 3)),
          subjectId: i % 2 === 0 ? subject : null,
          ...(i === 1 ? { kind: 'application', category: { id: 'roads' }, channel: 'phone' } : {}),
        } as Partial<ComplaintRecord>);
        made.push(c);
        await store.complaints.insert(c);
      }
      const m = (i: number): string => made[i]!.id;
      await store.complaints.update({ ...made[4]!, status: 'answered' });
      const ids = (page: { items: ComplaintRecord[] }): string[] => page.items.map((c) => c.id);
      const first = await store.complaints.list({}, { limit: 2 });
      assert.deepEqual(ids(first), [m(3), m(4)]);
      assert.ok(first.nextCursor);
      const second = await store.complaints.list({}, { limit: 2, after: first.nextCursor });
      assert.deepEqual(ids(second), [m(2), m(1)]);
      const third = await store.complaints.list({}, { limit: 2, after: second.nextCursor });
      assert.deepEqual(ids(third), [m(0)]);
      assert.equal(third.nextCursor, null);
      assert.deepEqual(ids(await store.complaints.list({ subjectId: subject }, { limit: 10 })), [m(4), m(2), m(0)]);
      assert.deepEqual(ids(await store.complaints.list({ status: ['answered', 'closed'] }, { limit: 10 })), [m(4)]);
      assert.deepEqual(ids(await store.complaints.list({ from: at(11), to: at(13) }, { limit: 10 })), [m(2), m(1)]);
      assert.deepEqual(ids(await store.complaints.list({ kind: 'application' }, { limit: 10 })), [m(1)]);
      assert.deepEqual(ids(await store.complaints.list({ categoryId: 'roads' }, { limit: 10 })), [m(1)]);
      assert.deepEqual(ids(await store.complaints.list({ channel: 'phone' }, { limit: 10 })), [m(1)]);
      assert.deepEqual(ids(await store.complaints.list({ trackingNumber: made[2]!.trackingNumber }, { limit: 10 })), [
        m(2),
      ]);
      assert.deepEqual(ids(await store.complaints.list({ dueBefore: at(39) }, { limit: 10 })), [m(3), m(4), m(2)]);
    });

    it('commits a transaction whole, rolls it back on error, and joins a nested one', async () => {
      const store = await open();
      const a = complaint();
      const b = complaint();
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.complaints.insert(a);
          await tx.sequences.next('rollback');
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.complaints.get(a.id), null);
      assert.equal(await store.sequences.next('rollback'), 1);
      const result = await store.transaction(async (tx) => {
        await tx.complaints.insert(a);
        await store.transaction(async (inner) => inner.complaints.insert(b));
        return (await tx.complaints.get(b.id))?.id;
      });
      assert.equal(result, b.id);
      assert.ok(await store.complaints.get(a.id));
      assert.ok(await store.complaints.get(b.id));
    });

    it('runs transactions one at a time', async () => {
      const store = await open();
      const key = id('counter');
      await Promise.all(
        Array.from({ length: 5 }, () =>
          store.transaction(async (tx) => {
            const before = (await tx.complaints.get(key))?.answeredAt ?? '0';
            await tick();
            const c = complaint({ answeredAt: String(Number(before) + 1) });
            if (before === '0') await tx.complaints.insert({ ...c, id: key, trackingNumber: `KC-LOCK-${key}` });
            else await tx.complaints.update({ ...c, id: key, trackingNumber: `KC-LOCK-${key}` });
          }),
        ),
      );
      assert.equal((await store.complaints.get(key))?.answeredAt, '5');
    });

    it('numbers events per stream and replays them', async () => {
      const store = await open();
      const s1 = id('stream');
      const s2 = id('stream');
      const e1 = await store.events.append(s1, 'a', { n: 1, text: 'Сәлем' }, at(1));
      const e2 = await store.events.append(s1, 'b', { n: 2 }, at(2));
      const f1 = await store.events.append(s2, 'a', { n: 1 }, at(3));
      assert.deepEqual([e1.id, e2.id, f1.id], [1, 2, 1]);
      assert.deepEqual(e1, { id: 1, stream: s1, type: 'a', data: { n: 1, text: 'Сәлем' }, at: at(1) });
      assert.deepEqual(
        (await store.events.after(s1, 0, 10)).map((e) => e.id),
        [1, 2],
      );
      assert.deepEqual(
        (await store.events.after(s1, 1, 10)).map((e) => e.type),
        ['b'],
      );
      assert.equal((await store.events.after(s1, 0, 1)).length, 1);
      assert.equal(await store.events.lastId(s1), 2);
      assert.equal(await store.events.firstId(s1), 1);
      assert.equal(await store.events.lastId('empty'), 0);
      assert.equal(await store.events.firstId('empty'), 0);
      assert.equal(await store.events.purge(at(30)), 1, 'the last event of each stream stays');
      assert.equal(await store.events.firstId(s1), 2);
      assert.equal(await store.events.firstId(s2), 1);
      const e3 = await store.events.append(s1, 'c', null, at(4));
      assert.equal(e3.id, 3);
    });

    it('tells subscribers about committed events only, in order', async () => {
      const store = await open();
      const stream = id('stream');
      const seen: StreamEvent[] = [];
      const stop = store.subscribe(stream, (e) => seen.push(e));
      await store.transaction(async (tx) => {
        await tx.events.append(stream, 'inside', { n: 1 }, at(1));
        await tick();
        assert.equal(seen.length, 0, 'not before the commit');
      });
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.events.append(stream, 'rolled-back', {}, at(2));
          throw new Error('no');
        }),
      );
      for (let i = 0; i < 5; i++) await store.events.append(stream, 'outside', { i }, at(3));
      await store.events.append(id('other'), 'other', {}, at(3));
      for (let i = 0; i < 50 && seen.length < 6; i++) await tick();
      await tick();
      assert.deepEqual(
        seen.map((e) => [e.id, e.type]),
        [
          [1, 'inside'],
          [2, 'outside'],
          [3, 'outside'],
          [4, 'outside'],
          [5, 'outside'],
          [6, 'outside'],
        ],
      );
      stop();
      await store.events.append(stream, 'after-stop', {}, at(4));
      await tick();
      assert.equal(seen.length, 6);
    });

    it('keeps chat messages in order and refuses a repeated client message id', async () => {
      const store = await open();
      const s = chat();
      await store.chats.insert(s);
      assert.equal(await store.messages.insert(message(s.id, 2, 'client-b')), true);
      assert.equal(await store.messages.insert(message(s.id, 1, 'client-a')), true);
      assert.equal(await store.messages.insert(message(s.id, 3, 'client-a')), false);
      assert.equal(await store.messages.insert(message(s.id, 3, null)), true);
      assert.equal(await store.messages.insert(message(s.id, 4, null)), true);
      const other = chat();
      assert.equal(await store.messages.insert(message(other.id, 1, 'client-a')), true);
      assert.deepEqual(
        (await store.messages.list(s.id)).map((m) => m.seq),
        [1, 2, 3, 4],
      );
      const m = await store.messages.getByClientId(s.id, 'client-b');
      assert.equal(m?.seq, 2);
      await store.messages.update({ ...m, readAt: at(9) });
      assert.equal((await store.messages.getByClientId(s.id, 'client-b'))?.readAt, at(9));
      assert.equal(await store.messages.getByClientId(s.id, 'missing'), null);
    });

    it('lists chat sessions by status, creation, closing and citizen', async () => {
      const store = await open();
      const subject = id('subject');
      const a = chat({ queuedAt: at(5), createdAt: at(5), subjectId: subject });
      const b = chat({ queuedAt: at(3), createdAt: at(3) });
      const c = chat({ status: 'closed', createdAt: at(1), queuedAt: at(1), closedAt: at(20), subjectId: subject });
      const d = chat({ status: 'closed', createdAt: at(2), queuedAt: at(2), closedAt: at(25) });
      for (const s of [a, b, c, d]) assert.equal(await store.chats.insert(s), true);
      assert.equal(await store.chats.insert(a), false);
      assert.deepEqual(
        (await store.chats.listByStatus('queued')).map((s) => s.id),
        [b.id, a.id],
      );
      assert.deepEqual(
        (await store.chats.listCreated(at(2), at(5))).map((s) => s.id),
        [d.id, b.id],
      );
      assert.deepEqual(
        (await store.chats.listClosedSince(at(20), 1)).map((s) => s.id),
        [d.id],
      );
      assert.deepEqual(
        (await store.chats.listClosedSince(at(20), 10)).map((s) => s.id),
        [d.id, c.id],
      );
      assert.deepEqual(
        (await store.chats.listBySubject(subject)).map((s) => s.id),
        [c.id, a.id],
      );
      await store.chats.update({ ...a, status: 'active', assignedAt: at(6) });
      assert.deepEqual(
        (await store.chats.listByStatus('queued')).map((s) => s.id),
        [b.id],
      );
      assert.equal((await store.chats.get(a.id))?.assignedAt, at(6));
    });

    it('lists callbacks by slot, status, creation and citizen', async () => {
      const store = await open();
      const subject = id('subject');
      const a = callback({ slotStart: at(40), createdAt: at(2), subjectId: subject });
      const b = callback({ slotStart: at(30), createdAt: at(1) });
      const asap = callback({ slotStart: null, slotEnd: null, status: 'pending', createdAt: at(3) } as never);
      for (const x of [a, b, asap]) assert.equal(await store.callbacks.insert(x), true);
      assert.deepEqual(
        (await store.callbacks.listBySlot(at(30), at(41))).map((x) => x.id),
        [b.id, a.id],
      );
      assert.deepEqual(
        (await store.callbacks.listBySlot(at(31), at(40))).map((x) => x.id),
        [],
      );
      assert.deepEqual(
        (await store.callbacks.listByStatus(['scheduled'])).map((x) => x.id),
        [b.id, a.id],
      );
      assert.deepEqual(
        (await store.callbacks.listCreated(at(2), at(10))).map((x) => x.id),
        [a.id, asap.id],
      );
      assert.deepEqual(
        (await store.callbacks.listBySubject(subject)).map((x) => x.id),
        [a.id],
      );
      await store.callbacks.update({ ...b, status: 'cancelled' });
      assert.deepEqual(
        (await store.callbacks.listByStatus(['scheduled'])).map((x) => x.id),
        [a.id],
      );
    });

    it('lists outages open or resolved since a time', async () => {
      const store = await open();
      const open1 = outage({ startedAt: at(5) });
      const old = outage({ startedAt: at(1), resolvedAt: at(2), status: 'resolved' });
      const recent = outage({ startedAt: at(3), resolvedAt: at(20), status: 'resolved' });
      for (const o of [open1, old, recent]) assert.equal(await store.outages.insert(o), true);
      assert.equal(await store.outages.insert(open1), false);
      assert.deepEqual(
        (await store.outages.list(at(10))).map((o) => o.id),
        [recent.id, open1.id],
      );
      await store.outages.update({ ...open1, resolvedAt: at(6) });
      assert.deepEqual(
        (await store.outages.list(at(10))).map((o) => o.id),
        [recent.id],
      );
      assert.equal((await store.outages.get(open1.id))?.resolvedAt, at(6));
    });

    it('keeps one rating per subject', async () => {
      const store = await open();
      const subject = id('subject');
      const r = rating({ subjectId: subject, createdAt: at(5) });
      assert.equal(await store.ratings.insert(r), true);
      assert.equal(await store.ratings.insert({ ...r, id: id('r') }), false);
      assert.deepEqual(await store.ratings.getBySubject(r.subjectKind, r.subjectRef), r);
      assert.equal(await store.ratings.getBySubject('complaint', r.subjectRef), null);
      const r2 = rating({ createdAt: at(7) });
      await store.ratings.insert(r2);
      assert.deepEqual(
        (await store.ratings.listCreated(at(5), at(8))).map((x) => x.id),
        [r.id, r2.id],
      );
      assert.deepEqual(
        (await store.ratings.listBySubject(subject)).map((x) => x.id),
        [r.id],
      );
    });

    it('upserts and lists operators', async () => {
      const store = await open();
      const op = {
        id: 'op-b',
        displayName: 'Айгерим',
        roles: ['operator'],
        online: false,
        maxChats: 3,
        lastSeenAt: null,
      };
      await store.operators.upsert(op as never);
      await store.operators.upsert({ ...op, id: 'op-a' } as never);
      await store.operators.upsert({ ...op, online: true } as never);
      assert.equal((await store.operators.get('op-b'))?.online, true);
      assert.deepEqual(
        (await store.operators.list()).map((o) => o.id),
        ['op-a', 'op-b'],
      );
    });

    it('claims, completes, releases and expires idempotency keys', async () => {
      const store = await open();
      const key = id('key-0000000000');
      assert.equal(await store.idempotency.begin(idem(key, at(30)), at(1)), null);
      assert.equal((await store.idempotency.begin(idem(key, at(31)), at(2)))?.state, 'in_flight');
      const response = { status: 201, body: { trackingNumber: 'KC-2026-000001' }, headers: { Location: '/x' } };
      await store.idempotency.complete(key, response);
      const done = await store.idempotency.begin(idem(key, at(31)), at(3));
      assert.equal(done?.state, 'done');
      assert.deepEqual(done?.response, response);
      assert.equal(done?.expiresAt, at(30));
      assert.equal(await store.idempotency.begin(idem(key, at(50)), at(30)), null, 'an expired key is free again');
      await store.idempotency.release(key);
      assert.equal(await store.idempotency.begin(idem(key, at(50)), at(31)), null);
      await store.idempotency.begin(idem(id('key-0000000000'), at(40)), at(1));
      assert.equal(await store.idempotency.purge(at(45)), 1);
      assert.equal(await store.idempotency.purge(at(45)), 0);
    });

    it('counts rate-limit hits in fixed windows', async () => {
      const store = await open();
      const key = id('lookup:client');
      const now = '2026-11-22T05:00:10.000Z';
      assert.deepEqual(await store.rateLimits.hit(key, now, 60_000), { count: 1, resetAt: '2026-11-22T05:01:00.000Z' });
      assert.equal((await store.rateLimits.hit(key, '2026-11-22T05:00:59.999Z', 60_000)).count, 2);
      assert.equal((await store.rateLimits.hit(id('other'), now, 60_000)).count, 1);
      assert.deepEqual(await store.rateLimits.hit(key, '2026-11-22T05:01:00.000Z', 60_000), {
        count: 1,
        resetAt: '2026-11-22T05:02:00.000Z',
      });
    });

    it('counts sequences from 1, per name, also under concurrency', async () => {
      const store = await open();
      const name = id('seq');
      const values = await Promise.all(Array.from({ length: 10 }, () => store.sequences.next(name)));
      assert.deepEqual(
        values.sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
      assert.equal(await store.sequences.next(id('seq')), 1);
    });

    it('keeps attachments', async () => {
      const store = await open();
      const a = { id: id('a'), storageKey: 'x/y', linkedTo: null, uploadedBy: 'client' } as never as Parameters<
        Store['attachments']['insert']
      >[0];
      assert.equal(await store.attachments.insert(a), true);
      assert.equal(await store.attachments.insert(a), false);
      await store.attachments.update({ ...a, linkedTo: { kind: 'complaint', id: 'c-1' } });
      assert.deepEqual((await store.attachments.get(a.id))?.linkedTo, { kind: 'complaint', id: 'c-1' });
      assert.equal(await store.attachments.get('missing'), null);
    });
  });
}
