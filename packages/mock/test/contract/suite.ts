// SPDX-License-Identifier: MIT
/**
 * The contract suite: walks every operation of `openapi.yaml` against one host — the msw mock, the reference
 * server, or any server that claims to implement the contract — with valid input (built from the contract's
 * examples and the host's own config, chained: an appeal is filed, looked up, watched, commented on; a chat is
 * started, joined, written in, read, transferred, closed; …) and with invalid input (missing and mistyped fields,
 * bad enums, a wrong IIN check digit, oversize texts, no `Idempotency-Key`, a reused one, no or the wrong token),
 * and checks every answer against the contract: the status is declared for the operation, the content type for the
 * status, and the body is valid against its schema. It ends by asserting that every operation of the contract was
 * exercised with valid and with invalid input, so an operation added to the contract without support fails it.
 *
 * The host must be open (inside working hours) when the suite runs: chats and "as soon as possible" callbacks are
 * refused while the center is closed. The mock sets its clock to a working morning; give a server a schedule open
 * at that time.
 *
 * @example
 * ```ts
 * import { runContractSuite } from '@kc/mock/contract-suite';
 *
 * let server: Started;
 * runContractSuite({
 *   name: 'reference server',
 *   baseUrl: () => `${server.url}/api/v1`,
 *   operatorToken: () => server.tokens.operator,
 *   supervisorToken: () => server.tokens.supervisor,
 *   before: async () => { server = await startTestServer(); },
 *   after: () => server.close(),
 * });
 * ```
 */
import { addLocalDays, contractOperations, localDate, zonedToInstant, type Config } from '@kc/contract';
import { after, before, describe, it } from '@kc/testing/bdd';
import { check, ContractClient, newKey, type Json, type StreamEventRead } from './client.js';

/** A value, or a function giving it once the host has started (called in each test). */
export type Lazy<T> = T | (() => T);

/** Options of {@link runContractSuite}. */
export interface ContractSuiteOptions {
  /** Names the `describe` block: `contract suite: <name>`. */
  name: string;
  /** The API base of the host, e.g. `http://127.0.0.1:8080/api/v1` (or `/api/v1` in a page the host serves). */
  baseUrl: Lazy<string>;
  /** The `fetch` to call it with. @default globalThis.fetch */
  fetch?: Lazy<typeof fetch>;
  /** An operator API token with role `operator`. */
  operatorToken: Lazy<string>;
  /** An operator API token with role `supervisor`. */
  supervisorToken: Lazy<string>;
  /**
   * A portal identity token (`Authorization: Bearer`) the host accepts. With it, the suite checks that a signed-in
   * citizen's appeal and chat form one history; without it, that check is left out.
   */
  identityToken?: Lazy<string | undefined>;
  /** Runs before the suite (start the host here). */
  before?: () => void | Promise<void>;
  /** Runs after the suite (stop the host here). */
  after?: () => void | Promise<void>;
  /** How long to wait for stream events. @default 2000 */
  streamTimeoutMs?: number;
  /**
   * Moves the host's clock on by `seconds` and runs its periodic work (the sweep of silent chats). With it, the
   * suite checks, at its end, that a silent citizen is warned in `session.inactivity` as on the stream; without it,
   * that check is left out.
   */
  silence?: (seconds: number) => Promise<void>;
}

const get = <T>(value: Lazy<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

/** JSON with every object's keys sorted, to compare values whatever order a host writes their keys in. */
const sorted = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/** A 12-digit IIN with a valid check digit (from the contract's examples) and the same with a wrong one. */
const IIN = '900101300017';
const IIN_BAD_CHECK_DIGIT = '900101300018';
const PDF = '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
const NO_SUCH_UUID = '00000000-0000-4000-8000-000000000000';

/**
 * Registers the contract suite (`describe` / `it` of `@kc/testing/bdd`: mocha in browsers, `node:test` in Node)
 * against one host.
 */
export function runContractSuite(options: ContractSuiteOptions): void {
  const client = new ContractClient({
    baseUrl: () => get(options.baseUrl),
    fetch: () => (options.fetch ? get(options.fetch) : globalThis.fetch.bind(globalThis)),
  });
  const operator = () => get(options.operatorToken);
  const supervisor = () => get(options.supervisorToken);
  const streamTimeoutMs = options.streamTimeoutMs ?? 2000;

  // What the chain learns as it goes.
  let config!: Config;
  let today = '';
  let consent!: { given: true; version: string };
  let categoryId = '';
  let attachmentId = '';
  let draft!: Record<string, Json>;
  let receipt!: { trackingNumber: string; accessCode: string };
  let complaintKey = '';
  let viewToken = '';
  let complaintId = '';
  let outageId = '';
  let chat!: { id: string; token: string };
  let citizenMessageId = '';
  let citizenMessageSeq: unknown;
  let operatorMessageId = '';
  let slot = '';
  let callback!: { id: string; token: string };
  let chatCallback!: { id: string; token: string };

  /** Fails a step whose input an earlier step was to provide, naming that step (instead of a TypeError). */
  const need = (value: unknown, step: string): void =>
    check(value !== undefined && value !== '', `this step needs what ${step} provides, and ${step} failed`);

  const startChat = async (extra: Record<string, unknown> = {}, bearer?: string) => {
    const answer = await client.call(
      'startChatSession',
      { body: { language: 'kk', consent, ...extra }, ...(bearer ? { bearer } : {}) },
      { kind: 'valid', status: 201 },
    );
    return {
      id: answer.body.session.id as string,
      token: answer.body.sessionToken as string,
      lastEventId: answer.body.lastEventId as string,
    };
  };

  describe(`contract suite: ${options.name}`, () => {
    if (options.before) before(options.before);
    if (options.after) after(options.after);

    // ------------------------------------------------------------------------------------------ config, queue, kb
    it('getConfig: the configuration with an ETag, 304 for a current copy; garbage If-None-Match is ignored', async () => {
      const answer = await client.call<Config>('getConfig', {}, { kind: 'valid', status: 200 });
      config = answer.body;
      consent = { given: true, version: config.privacy.version };
      const leaf = config.appeals.categories.find(
        (c) => c.parentId !== null && (!c.kinds || c.kinds.includes('complaint')),
      );
      check(leaf, 'the config has no category for complaints');
      categoryId = leaf.id;
      const etag = answer.headers.get('ETag');
      if (etag) await client.call('getConfig', { headers: { 'If-None-Match': etag } }, { kind: 'valid', status: 304 });
      await client.call(
        'getConfig',
        { headers: { 'If-None-Match': '"not-the-etag"' } },
        { kind: 'ignored', status: 200 },
      );
    });

    it('getQueueStatus: per channel; a chat token that names nothing is ignored', async () => {
      const answer = await client.call('getQueueStatus', {}, { kind: 'valid', status: 200 });
      today = localDate(new Date(answer.body.generatedAt as string), config.schedule.timeZone);
      const chatChannel = (answer.body.channels as { channel: string; openNow: boolean }[]).find(
        (c) => c.channel === 'chat',
      );
      check(chatChannel?.openNow, 'the contract suite needs the host open (inside working hours) for chats');
      await client.call(
        'getQueueStatus',
        { headers: { 'X-Kc-Chat-Token': 'ct_nothing.00000000-0000-4000-8000-000000000000' } },
        { kind: 'ignored', status: 200 },
      );
    });

    it('searchKnowledgeBase: matches; q missing, too short, limit out of range → 400', async () => {
      await client.call(
        'searchKnowledgeBase',
        { query: { q: 'зейнетақы', locale: 'kk', limit: '5' } },
        { kind: 'valid', status: 200 },
      );
      await client.call(
        'searchKnowledgeBase',
        { query: {} },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      await client.call(
        'searchKnowledgeBase',
        { query: { q: 'a' } },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      await client.call(
        'searchKnowledgeBase',
        { query: { q: 'пенсия', limit: '0' } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'searchKnowledgeBase',
        { query: { q: 'пенсия', locale: 'de' } },
        { kind: 'invalid', status: 400 },
      );
    });

    // ------------------------------------------------------------------------------------------ outages
    it('publishOutage: a supervisor publishes; no token → 401, an operator → 403, a bad body → 400', async () => {
      const tomorrow = zonedToInstant(addLocalDays(today, 1), '08:00', config.schedule.timeZone).toISOString();
      const body = {
        status: 'scheduled',
        severity: 'minor',
        affectedChannels: ['email'],
        message: { kk: 'Жоспарлы жұмыстар.', ru: 'Плановые работы.', en: 'Planned maintenance.' },
        startedAt: tomorrow,
        expectedResumeAt: null,
      };
      const answer = await client.call('publishOutage', { body, bearer: supervisor() }, { kind: 'valid', status: 201 });
      outageId = answer.body.id;
      await client.call('publishOutage', { body }, { kind: 'invalid', status: 401 });
      await client.call('publishOutage', { body, bearer: operator() }, { kind: 'invalid', status: 403 });
      await client.call(
        'publishOutage',
        { body: { ...body, severity: 'apocalyptic' }, bearer: supervisor() },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      await client.call(
        'publishOutage',
        { body: { ...body, message: 'text' }, bearer: supervisor() },
        { kind: 'invalid', status: 400 },
      );
    });

    it('listOutages: active and scheduled by default, by status; a bad status → 400', async () => {
      need(outageId, 'publishOutage');
      const answer = await client.call('listOutages', {}, { kind: 'valid', status: 200 });
      check(
        (answer.body.items as { id: string }[]).some((o) => o.id === outageId),
        'the published outage is not listed',
      );
      await client.call('listOutages', { query: { status: ['resolved'] } }, { kind: 'valid', status: 200 });
      await client.call(
        'listOutages',
        { query: { status: ['bogus'] } },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
    });

    it('updateOutage: new expected resumption; unknown id → 404, a bad body → 400, no token → 401', async () => {
      need(outageId, 'publishOutage');
      const later = zonedToInstant(addLocalDays(today, 1), '12:00', config.schedule.timeZone).toISOString();
      await client.call(
        'updateOutage',
        { params: { outageId }, body: { expectedResumeAt: later }, bearer: supervisor() },
        { kind: 'valid', status: 200 },
      );
      await client.call(
        'updateOutage',
        { params: { outageId: NO_SUCH_UUID }, body: { expectedResumeAt: later }, bearer: supervisor() },
        { kind: 'invalid', status: 404 },
      );
      await client.call(
        'updateOutage',
        { params: { outageId }, body: { severity: 7 }, bearer: supervisor() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'updateOutage',
        { params: { outageId }, body: { expectedResumeAt: later } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('watchOutages: replays from the start, then from Last-Event-ID, reset for an unknown id; a bad id → 400', async () => {
      need(outageId, 'publishOutage');
      const all = await client.stream('watchOutages', {}, { until: (e) => e.length >= 2, timeoutMs: streamTimeoutMs });
      check(
        all.events.some((e) => e.event === 'outage.published' && e.data.id === outageId),
        'outage.published was not replayed',
      );
      const first = all.events[0]!;
      const rest = await client.stream(
        'watchOutages',
        { headers: { 'Last-Event-ID': String(first.id) } },
        { until: (e) => e.length >= 1, timeoutMs: streamTimeoutMs },
      );
      check(
        rest.events.every((e) => e.id > first.id),
        'Last-Event-ID replayed an event at or before it',
      );
      // An id the stream never had: the host cannot replay from it, so it starts with `reset`.
      const ahead = await client.stream(
        'watchOutages',
        { headers: { 'Last-Event-ID': String(all.events.at(-1)!.id + 1000) } },
        { until: (e) => e.length >= 1, timeoutMs: streamTimeoutMs },
      );
      check(ahead.events[0]?.event === 'reset', 'an unknown Last-Event-ID did not start with reset');
      await client.call('watchOutages', { headers: { 'Last-Event-ID': 'abc' } }, { kind: 'invalid', status: 400 });
    });

    it('resolveOutage: resolved, and again unchanged; unknown id → 404, an operator → 403', async () => {
      need(outageId, 'publishOutage');
      const answer = await client.call(
        'resolveOutage',
        { params: { outageId }, body: {}, bearer: supervisor() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'resolved', 'the outage is not resolved');
      await client.call(
        'resolveOutage',
        { params: { outageId }, bearer: supervisor() },
        { kind: 'valid', status: 200 },
      );
      await client.call(
        'resolveOutage',
        { params: { outageId: NO_SUCH_UUID }, bearer: supervisor() },
        { kind: 'invalid', status: 404 },
      );
      await client.call(
        'resolveOutage',
        { params: { outageId }, bearer: operator() },
        { kind: 'invalid', status: 403 },
      );
    });

    // ------------------------------------------------------------------------------------------ appeals
    it('uploadAttachment: a PDF is stored; a text file → 415, no file part → 400, no Idempotency-Key → 400', async () => {
      const form = () => {
        const data = new FormData();
        data.append('file', new Blob([PDF], { type: 'application/pdf' }), 'letter.pdf');
        return data;
      };
      const answer = await client.call('uploadAttachment', { raw: form() }, { kind: 'valid', status: 201 });
      attachmentId = answer.body.id;
      const text = new FormData();
      text.append('file', new Blob(['hello'], { type: 'application/pdf' }), 'fake.pdf');
      await client.call(
        'uploadAttachment',
        { raw: text },
        { kind: 'invalid', status: 415, code: 'unsupported_media_type' },
      );
      const empty = new FormData();
      empty.append('note', 'no file');
      await client.call('uploadAttachment', { raw: empty }, { kind: 'invalid', status: 400 });
      await client.call(
        'uploadAttachment',
        { raw: form(), idempotencyKey: false },
        { kind: 'invalid', status: 400, code: 'idempotency_key_missing' },
      );
    });

    it('submitComplaint: registered with a receipt, replayed for the same key', async () => {
      draft = {
        kind: 'complaint',
        categoryId,
        subject: 'Аулада жарық жоқ',
        description: 'Үйіміздің ауласындағы шамдар бір айдан бері жанбайды. Ескі қала көшесі, 12.',
        attachmentIds: [attachmentId],
        applicant: {
          iin: IIN,
          lastName: 'Сейтқали',
          firstName: 'Әйгерім',
          phone: '+77011234567',
          email: 'aigerim@example.kz',
          preferredLanguage: 'kk',
          preferredContact: 'email',
        },
        consent,
        channel: 'web',
      };
      complaintKey = newKey();
      const first = await client.call(
        'submitComplaint',
        { body: draft, idempotencyKey: complaintKey },
        { kind: 'valid', status: 201 },
      );
      receipt = first.body;
      const again = await client.call(
        'submitComplaint',
        { body: draft, idempotencyKey: complaintKey },
        { kind: 'valid', status: 201 },
      );
      check(again.body.trackingNumber === receipt.trackingNumber, 'a replay registered another appeal');
      check(again.headers.get('Idempotency-Replayed') === 'true', 'a replay lacks Idempotency-Replayed: true');
    });

    it('submitComplaint: refuses missing, mistyped, unknown-enum, oversize fields, a wrong IIN, bad JSON, a missing or reused key', async () => {
      const without = (field: string) => Object.fromEntries(Object.entries(draft).filter(([k]) => k !== field));
      const missing = await client.call(
        'submitComplaint',
        { body: without('description') },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      check(
        missing.body.errors?.some((e: { field: string }) => e.field === '/description'),
        'the missing field is not named',
      );
      await client.call(
        'submitComplaint',
        { body: { ...draft, kind: 5 } },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      await client.call(
        'submitComplaint',
        { body: { ...draft, kind: 'petition' } },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      await client.call(
        'submitComplaint',
        { body: { ...draft, description: 'ж'.repeat(10_001) } },
        { kind: 'invalid', status: [400, 413] },
      );
      await client.call(
        'submitComplaint',
        { body: { ...draft, applicant: { ...draft.applicant, phone: '87011234567' } } },
        { kind: 'invalid', status: 400 },
      );
      const iin = await client.call(
        'submitComplaint',
        { body: { ...draft, applicant: { ...draft.applicant, iin: IIN_BAD_CHECK_DIGIT } } },
        { kind: 'invalid', status: 422, code: 'validation_failed' },
      );
      check(
        iin.body.errors?.some(
          (e: { field: string; code: string }) => e.field === '/applicant/iin' && e.code === 'iin_checksum',
        ),
        'the IIN error is not /applicant/iin iin_checksum',
      );
      await client.call(
        'submitComplaint',
        { body: { ...draft, categoryId: 'no.such.category' } },
        { kind: 'invalid', status: 422, code: 'validation_failed' },
      );
      await client.call(
        'submitComplaint',
        { body: { ...draft, consent: { given: false, version: consent.version } } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'submitComplaint',
        { raw: '{"kind": "complaint",', contentType: 'application/json' },
        { kind: 'invalid', status: 400, code: 'malformed_request' },
      );
      await client.call(
        'submitComplaint',
        { body: draft, idempotencyKey: false },
        { kind: 'invalid', status: 400, code: 'idempotency_key_missing' },
      );
      await client.call('submitComplaint', { body: draft, idempotencyKey: 'short' }, { kind: 'invalid', status: 400 });
      await client.call(
        'submitComplaint',
        { body: { ...draft, subject: 'Басқа' }, idempotencyKey: complaintKey },
        { kind: 'invalid', status: 422, code: 'idempotency_key_reused' },
      );
    });

    it('lookupComplaint: the appeal and a view token; a wrong code → 404, a malformed number → 400', async () => {
      need(receipt, 'submitComplaint');
      const answer = await client.call(
        'lookupComplaint',
        { body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode } },
        { kind: 'valid', status: 200 },
      );
      viewToken = answer.body.viewToken;
      check(answer.body.complaint.trackingNumber === receipt.trackingNumber, 'another appeal was found');
      // Well-formed (the shape of the real code) and differing from it in every character.
      const wrong = receipt.accessCode.replace(/[0-9A-Za-z]/g, (c) => (c === 'A' ? 'B' : 'A'));
      await client.call(
        'lookupComplaint',
        { body: { trackingNumber: receipt.trackingNumber, accessCode: wrong } },
        { kind: 'invalid', status: 404, code: 'not_found' },
      );
      await client.call(
        'lookupComplaint',
        { body: { trackingNumber: 'not a number', accessCode: receipt.accessCode } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'lookupComplaint',
        { body: { trackingNumber: receipt.trackingNumber } },
        { kind: 'invalid', status: 400 },
      );
    });

    it('getComplaint: with the view token; none or a bad one → 401', async () => {
      need(viewToken, 'lookupComplaint');
      const answer = await client.call(
        'getComplaint',
        { params: { trackingNumber: receipt.trackingNumber }, headers: { 'X-Kc-View-Token': viewToken } },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'registered', `a new appeal is ${String(answer.body.status)}`);
      await client.call(
        'getComplaint',
        { params: { trackingNumber: receipt.trackingNumber } },
        { kind: 'invalid', status: 401 },
      );
      const forged = { 'X-Kc-View-Token': 'vt_forged-token-forged-token' };
      await client.call(
        'getComplaint',
        { params: { trackingNumber: receipt.trackingNumber }, headers: forged },
        { kind: 'invalid', status: [401, 403] },
      );
    });

    it('listOperatorComplaints: the new appeal is listed; a bad status → 400, no token → 401', async () => {
      need(receipt, 'submitComplaint');
      const answer = await client.call(
        'listOperatorComplaints',
        { query: { status: ['registered'] }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      const found = (answer.body.items as { id: string; trackingNumber: string }[]).find(
        (c) => c.trackingNumber === receipt.trackingNumber,
      );
      check(found, 'the new appeal is not listed');
      complaintId = found.id;
      await client.call(
        'listOperatorComplaints',
        { query: { status: ['bogus'] }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call('listOperatorComplaints', {}, { kind: 'invalid', status: 401 });
    });

    it('getOperatorComplaint: in full; unknown → 404, a citizen without a token → 401', async () => {
      need(complaintId, 'listOperatorComplaints');
      const answer = await client.call(
        'getOperatorComplaint',
        { params: { complaintId }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.trackingNumber === receipt.trackingNumber, 'another appeal');
      await client.call(
        'getOperatorComplaint',
        { params: { complaintId: NO_SUCH_UUID }, bearer: operator() },
        { kind: 'invalid', status: 404 },
      );
      await client.call('getOperatorComplaint', { params: { complaintId } }, { kind: 'invalid', status: 401 });
    });

    it('changeComplaintStatus: registered → in_review; a transition the rules forbid → 409, a bad status → 400', async () => {
      need(complaintId, 'listOperatorComplaints');
      const answer = await client.call(
        'changeComplaintStatus',
        { params: { complaintId }, body: { to: 'in_review' }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'in_review', 'the status did not change');
      await client.call(
        'changeComplaintStatus',
        { params: { complaintId }, body: { to: 'closed' }, bearer: operator() },
        { kind: 'invalid', status: 409, code: 'invalid_transition' },
      );
      await client.call(
        'changeComplaintStatus',
        { params: { complaintId }, body: { to: 'lost' }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'changeComplaintStatus',
        { params: { complaintId }, body: { to: 'answered' } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('updateOperatorComplaint: a reasoned delay; a bad body → 400, unknown → 404', async () => {
      need(complaintId, 'listOperatorComplaints');
      const newDueAt = zonedToInstant(addLocalDays(today, 40), '18:00', config.schedule.timeZone).toISOString();
      const delay = {
        reason: 'Басқа органнан мәлімет сұратылды.',
        newDueAt,
        plan: 'Мәлімет алғаннан кейін 5 жұмыс күні ішінде жауап береміз.',
      };
      await client.call(
        'updateOperatorComplaint',
        { params: { complaintId }, body: { delay }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      await client.call(
        'updateOperatorComplaint',
        { params: { complaintId }, body: { delay: { reason: 5 } }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'updateOperatorComplaint',
        { params: { complaintId: NO_SUCH_UUID }, body: { delay }, bearer: operator() },
        { kind: 'invalid', status: 404 },
      );
    });

    it('addOperatorComplaintComment: the applicant is written to; empty text → 400, no token → 401', async () => {
      need(complaintId, 'listOperatorComplaints');
      await client.call(
        'addOperatorComplaintComment',
        { params: { complaintId }, body: { text: 'Фотосуретті жіберіңізші.' }, bearer: operator() },
        { kind: 'valid', status: 201 },
      );
      await client.call(
        'addOperatorComplaintComment',
        { params: { complaintId }, body: { text: '' }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'addOperatorComplaintComment',
        { params: { complaintId }, body: { text: 'Сәлем' } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('addComplaintComment: the citizen adds text and a file; empty text → 400, no token → 401', async () => {
      need(viewToken, 'lookupComplaint');
      await client.call(
        'addComplaintComment',
        {
          params: { trackingNumber: receipt.trackingNumber },
          headers: { 'X-Kc-View-Token': viewToken },
          body: { text: 'Фотосурет тіркелді.' },
        },
        { kind: 'valid', status: 201 },
      );
      await client.call(
        'addComplaintComment',
        {
          params: { trackingNumber: receipt.trackingNumber },
          headers: { 'X-Kc-View-Token': viewToken },
          body: { text: '' },
        },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'addComplaintComment',
        { params: { trackingNumber: receipt.trackingNumber }, body: { text: 'Сәлем' } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('watchComplaint: status, timeline and comments replayed; Last-Event-ID resumes; no token → 401, a bad id → 400', async () => {
      need(viewToken, 'lookupComplaint');
      const headers = { 'X-Kc-View-Token': viewToken };
      const params = { trackingNumber: receipt.trackingNumber };
      const all = await client.stream(
        'watchComplaint',
        { params, headers },
        {
          until: (e) => e.some((x) => x.event === 'comment.added' && x.data.author?.kind === 'citizen'),
          timeoutMs: streamTimeoutMs,
        },
      );
      check(
        all.events.some((e) => e.event === 'status.changed'),
        'no status.changed event',
      );
      const first = all.events[0]!;
      const rest = await client.stream(
        'watchComplaint',
        { params, headers: { ...headers, 'Last-Event-ID': String(first.id) } },
        { until: (e) => e.length >= all.events.length - 1, timeoutMs: streamTimeoutMs },
      );
      check(
        rest.events.length > 0 && rest.events.every((e) => e.id > first.id),
        'Last-Event-ID did not resume after it',
      );
      await client.call('watchComplaint', { params }, { kind: 'invalid', status: 401 });
      await client.call(
        'watchComplaint',
        { params, headers: { ...headers, 'Last-Event-ID': '-1' } },
        { kind: 'invalid', status: 400 },
      );
    });

    it('withdrawComplaint: withdrawn, and again unchanged; then a comment → 409; no token → 401', async () => {
      need(viewToken, 'lookupComplaint');
      const params = { trackingNumber: receipt.trackingNumber };
      const headers = { 'X-Kc-View-Token': viewToken };
      const answer = await client.call(
        'withdrawComplaint',
        { params, headers, body: { reason: 'Мәселе шешілді.' } },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'withdrawn', 'not withdrawn');
      await client.call('withdrawComplaint', { params, headers }, { kind: 'valid', status: 200 });
      // The operation's description names invalid_transition; conflict is the other 409 of a state clash.
      await client.call(
        'addComplaintComment',
        { params, headers, body: { text: 'Тағы бір нәрсе.' } },
        { kind: 'invalid', status: 409, code: ['invalid_transition', 'conflict'] },
      );
      await client.call('withdrawComplaint', { params, body: {} }, { kind: 'invalid', status: 401 });
      await client.call(
        'withdrawComplaint',
        { params, headers, body: { reason: 7 } },
        { kind: 'invalid', status: 400 },
      );
    });

    // ------------------------------------------------------------------------------------------ chat
    it('startChatSession: queued with a token; no consent, a bad language, no Idempotency-Key → 400', async () => {
      const started = await startChat({ topic: categoryId });
      chat = { id: started.id, token: started.token };
      await client.call(
        'startChatSession',
        { body: { language: 'kk' } },
        { kind: 'invalid', status: 400, code: 'validation_failed' },
      );
      await client.call('startChatSession', { body: { language: 'de', consent } }, { kind: 'invalid', status: 400 });
      await client.call(
        'startChatSession',
        { body: { language: 'kk', consent }, idempotencyKey: false },
        { kind: 'invalid', status: 400, code: 'idempotency_key_missing' },
      );
    });

    it('getChatSession: state and messages; no token → 401, another chat → 403 or 404', async () => {
      need(chat, 'startChatSession');
      const answer = await client.call(
        'getChatSession',
        { params: { sessionId: chat.id }, headers: { 'X-Kc-Chat-Token': chat.token } },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.session.status === 'queued', 'a new chat is not queued');
      await client.call('getChatSession', { params: { sessionId: chat.id } }, { kind: 'invalid', status: 401 });
      await client.call(
        'getChatSession',
        { params: { sessionId: NO_SUCH_UUID }, headers: { 'X-Kc-Chat-Token': chat.token } },
        { kind: 'invalid', status: [403, 404] },
      );
    });

    it('listOperatorChats: the queue; a bad status → 400, no token → 401', async () => {
      need(chat, 'startChatSession');
      const answer = await client.call(
        'listOperatorChats',
        { query: { status: 'queued' }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(
        (answer.body.items as { id: string }[]).some((c) => c.id === chat.id),
        'the new chat is not in the queue',
      );
      await client.call(
        'listOperatorChats',
        { query: { status: 'waiting' }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call('listOperatorChats', {}, { kind: 'invalid', status: 401 });
    });

    it('joinOperatorChat: the operator takes the chat; unknown → 404, no token → 401', async () => {
      need(chat, 'startChatSession');
      const answer = await client.call(
        'joinOperatorChat',
        { params: { sessionId: chat.id }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'active', 'the chat is not active after joining');
      await client.call(
        'joinOperatorChat',
        { params: { sessionId: NO_SUCH_UUID }, bearer: operator() },
        { kind: 'invalid', status: 404 },
      );
      await client.call('joinOperatorChat', { params: { sessionId: chat.id } }, { kind: 'invalid', status: 401 });
    });

    it('sendChatMessage: received, a repeat of the clientMessageId → 200; empty text, a bad id → 400, no token → 401', async () => {
      need(chat, 'startChatSession');
      const clientMessageId = newKey();
      const params = { sessionId: chat.id };
      const headers = { 'X-Kc-Chat-Token': chat.token };
      const body = { clientMessageId, text: 'Сәлеметсіз бе! Көше шамдары туралы сұрағым бар.' };
      const sent = await client.call(
        'sendChatMessage',
        { params, headers, body, idempotencyKey: clientMessageId },
        { kind: 'valid', status: 201 },
      );
      citizenMessageId = sent.body.id;
      citizenMessageSeq = sent.body.seq;
      const repeat = await client.call(
        'sendChatMessage',
        { params, headers, body },
        { kind: 'valid', status: [200, 201] },
      );
      check(repeat.body.id === citizenMessageId, 'a repeated clientMessageId stored a second message');
      check(repeat.body.seq === citizenMessageSeq, 'a repeated clientMessageId answers another seq');
      await client.call(
        'sendChatMessage',
        { params, headers, body: { clientMessageId: newKey(), text: '' } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'sendChatMessage',
        { params, headers, body: { clientMessageId: 'not-a-uuid', text: 'Сәлем' } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'sendChatMessage',
        { params, body: { clientMessageId: newKey(), text: 'Сәлем' } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('setChatTyping and setOperatorTyping: noted; a mistyped flag → 400', async () => {
      need(chat, 'startChatSession');
      const params = { sessionId: chat.id };
      await client.call(
        'setChatTyping',
        { params, headers: { 'X-Kc-Chat-Token': chat.token }, body: { typing: true } },
        { kind: 'valid', status: 204 },
      );
      await client.call(
        'setChatTyping',
        { params, headers: { 'X-Kc-Chat-Token': chat.token }, body: { typing: 'yes' } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'setOperatorTyping',
        { params, body: { typing: true }, bearer: operator() },
        { kind: 'valid', status: 204 },
      );
      await client.call(
        'setOperatorTyping',
        { params, body: {}, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
    });

    it('sendOperatorMessage: the reply; empty text → 400, no token → 401', async () => {
      need(chat, 'startChatSession');
      const params = { sessionId: chat.id };
      const answer = await client.call(
        'sendOperatorMessage',
        { params, body: { text: 'Сәлеметсіз бе! Мекенжайды жазыңызшы.' }, bearer: operator() },
        { kind: 'valid', status: 201 },
      );
      operatorMessageId = answer.body.id;
      await client.call(
        'sendOperatorMessage',
        { params, body: { text: '' }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call('sendOperatorMessage', { params, body: { text: 'Сәлем' } }, { kind: 'invalid', status: 401 });
    });

    it('markChatRead and markOperatorChatRead: receipts; a malformed message id → 400', async () => {
      need(operatorMessageId, 'sendOperatorMessage');
      need(citizenMessageId, 'sendChatMessage');
      const params = { sessionId: chat.id };
      await client.call(
        'markChatRead',
        { params, headers: { 'X-Kc-Chat-Token': chat.token }, body: { upToMessageId: operatorMessageId } },
        { kind: 'valid', status: 204 },
      );
      await client.call(
        'markChatRead',
        { params, headers: { 'X-Kc-Chat-Token': chat.token }, body: { upToMessageId: 'x' } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'markOperatorChatRead',
        { params, body: { upToMessageId: citizenMessageId }, bearer: operator() },
        { kind: 'valid', status: 204 },
      );
      await client.call(
        'markOperatorChatRead',
        { params, body: { upToMessageId: 5 }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
    });

    it('getOperatorChat: the chat with its messages; unknown → 404', async () => {
      need(chat, 'startChatSession');
      const answer = await client.call(
        'getOperatorChat',
        { params: { sessionId: chat.id }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(
        (answer.body.messages as { id: string }[]).some((m) => m.id === citizenMessageId),
        "the citizen's message is missing",
      );
      await client.call(
        'getOperatorChat',
        { params: { sessionId: NO_SUCH_UUID }, bearer: operator() },
        { kind: 'invalid', status: 404 },
      );
    });

    it('getChatSession: the messages numbered 1, 2, 3… in order (seq), each receipt with its number; no warning pending', async () => {
      need(operatorMessageId, 'sendOperatorMessage');
      const answer = await client.call(
        'getChatSession',
        { params: { sessionId: chat.id }, headers: { 'X-Kc-Chat-Token': chat.token } },
        { kind: 'valid', status: 200 },
      );
      const messages = answer.body.messages as { id: string; seq?: number }[];
      check(
        messages.every((m, i) => m.seq === i + 1),
        `the messages are not numbered 1, 2, 3… in order: ${JSON.stringify(messages.map((m) => m.seq))}`,
      );
      check(
        messages.find((m) => m.id === citizenMessageId)?.seq === citizenMessageSeq,
        "the receipt of the citizen's message has another seq than the message",
      );
      check(answer.body.session.inactivity === null, 'a chat the citizen has just written in has a warning pending');
    });

    it('watchChatSession: every event of the chat in order; Last-Event-ID resumes; no token → 401, a bad id → 400', async () => {
      need(chat, 'startChatSession');
      const params = { sessionId: chat.id };
      const headers = { 'X-Kc-Chat-Token': chat.token };
      const all = await client.stream(
        'watchChatSession',
        { params, headers },
        { until: (e) => e.some((x) => x.event === 'message.state'), timeoutMs: streamTimeoutMs },
      );
      const names = new Set(all.events.map((e) => e.event));
      for (const name of ['operator.joined', 'message.created']) check(names.has(name), `no ${name} event`);
      const middle = all.events[Math.floor(all.events.length / 2)]!;
      const rest = await client.stream(
        'watchChatSession',
        { params, headers: { ...headers, 'Last-Event-ID': String(middle.id) } },
        { until: (e) => e.length > 0, timeoutMs: streamTimeoutMs },
      );
      check(rest.events.length > 0 && rest.events[0]!.id > middle.id, 'Last-Event-ID did not resume after it');
      await client.call('watchChatSession', { params }, { kind: 'invalid', status: 401 });
      await client.call(
        'watchChatSession',
        { params, headers: { ...headers, 'Last-Event-ID': 'last' } },
        { kind: 'invalid', status: 400 },
      );
    });

    it('transferOperatorChat: back to the queue by topic; an empty transfer → 400', async () => {
      need(chat, 'startChatSession');
      const answer = await client.call(
        'transferOperatorChat',
        { params: { sessionId: chat.id }, body: { toTopic: categoryId, note: 'Жарық мәселесі.' }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.id === chat.id, 'another chat');
      await client.call(
        'transferOperatorChat',
        { params: { sessionId: chat.id }, body: {}, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'joinOperatorChat',
        { params: { sessionId: chat.id }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
    });

    it('one case: an appeal and a callback opened from the chat carry its id', async () => {
      need(chat, 'startChatSession');
      need(draft, 'submitComplaint');
      // Linking to a chat takes that chat's token: nobody links their appeal to someone else's conversation.
      const headers = { 'X-Kc-Chat-Token': chat.token };
      const fromChat = await client.call(
        'submitComplaint',
        { headers, body: { ...draft, attachmentIds: [], channel: 'chat', chatSessionId: chat.id } },
        { kind: 'valid', status: 201 },
      );
      const list = await client.call(
        'listOperatorComplaints',
        { query: { trackingNumber: fromChat.body.trackingNumber }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      const found = (list.body.items as { id: string; trackingNumber: string }[]).find(
        (c) => c.trackingNumber === fromChat.body.trackingNumber,
      );
      check(found, 'the appeal from the chat is not listed');
      const full = await client.call(
        'getOperatorComplaint',
        { params: { complaintId: found.id }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(full.body.chatSessionId === chat.id, "the appeal does not carry the chat's id");
      const booked = await client.call(
        'requestCallback',
        {
          headers,
          body: {
            phone: '+77011234567',
            topic: 'Көше жарығы',
            language: 'kk',
            when: { asap: true },
            consent,
            chatSessionId: chat.id,
          },
        },
        { kind: 'valid', status: 201 },
      );
      chatCallback = { id: booked.body.callback.id, token: booked.body.callbackToken };
      const callbacks = await client.call(
        'listOperatorCallbacks',
        { query: { status: ['requested'] }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      const mine = (callbacks.body.items as { id: string; chatSessionId?: string }[]).find(
        (c) => c.id === chatCallback.id,
      );
      check(mine?.chatSessionId === chat.id, "the callback does not carry the chat's id");
      await client.call(
        'listOperatorCallbacks',
        { query: { status: ['lost'] }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
    });

    it('closeChatSession: closed by the citizen, and again unchanged; then a message → 409; no token → 401', async () => {
      need(chat, 'startChatSession');
      const params = { sessionId: chat.id };
      const headers = { 'X-Kc-Chat-Token': chat.token };
      const answer = await client.call(
        'closeChatSession',
        { params, headers, body: { resolved: true } },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'closed', 'the chat is not closed');
      await client.call('closeChatSession', { params, headers }, { kind: 'valid', status: 200 });
      await client.call(
        'sendChatMessage',
        { params, headers, body: { clientMessageId: newKey(), text: 'Тағы бір сұрақ' } },
        { kind: 'invalid', status: 409, code: 'session_closed' },
      );
      await client.call('closeChatSession', { params, body: {} }, { kind: 'invalid', status: 401 });
      await client.call(
        'closeChatSession',
        { params, headers, body: { resolved: 'yes' } },
        { kind: 'invalid', status: 400 },
      );
    });

    it('watchChatSession: a closed chat replays up to session.closed and ends', async () => {
      need(chat, 'startChatSession');
      const read = await client.stream(
        'watchChatSession',
        { params: { sessionId: chat.id }, headers: { 'X-Kc-Chat-Token': chat.token } },
        { timeoutMs: streamTimeoutMs },
      );
      check(read.ended, 'the stream did not end after session.closed');
      check(read.events.at(-1)?.event === 'session.closed', 'session.closed is not the last event');
    });

    it('getChatTranscript: the conversation after closing; no token → 401', async () => {
      need(chat, 'startChatSession');
      const answer = await client.call(
        'getChatTranscript',
        { params: { sessionId: chat.id }, headers: { 'X-Kc-Chat-Token': chat.token, Accept: 'application/json' } },
        { kind: 'valid', status: 200 },
      );
      check(
        answer.contentType !== 'application/json' || (answer.body.messages as unknown[]).length >= 2,
        'the transcript lacks messages',
      );
      await client.call('getChatTranscript', { params: { sessionId: chat.id } }, { kind: 'invalid', status: 401 });
    });

    it('closeOperatorChat: an operator closes a chat the citizen left; unknown → 404, no token → 401', async () => {
      const other = await startChat();
      await client.call(
        'joinOperatorChat',
        { params: { sessionId: other.id }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      const answer = await client.call(
        'closeOperatorChat',
        { params: { sessionId: other.id }, body: { resolved: false }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'closed', 'not closed');
      await client.call(
        'closeOperatorChat',
        { params: { sessionId: NO_SUCH_UUID }, bearer: operator() },
        { kind: 'invalid', status: 404 },
      );
      await client.call('closeOperatorChat', { params: { sessionId: other.id } }, { kind: 'invalid', status: 401 });
    });

    it('submitRating: a rating names its subject; a second one → 409, a bad score → 400, no token → 401 or 403', async () => {
      need(chat, 'startChatSession');
      const body = { subject: { kind: 'chat', id: chat.id }, csat: 4, resolved: true, ces: 2, language: 'kk' };
      const headers = { 'X-Kc-Chat-Token': chat.token };
      const answer = await client.call('submitRating', { headers, body }, { kind: 'valid', status: 201 });
      check(
        answer.body.subject.kind === 'chat' && answer.body.subject.id === chat.id,
        'the rating does not name its subject',
      );
      await client.call('submitRating', { headers, body }, { kind: 'invalid', status: 409, code: 'already_rated' });
      await client.call('submitRating', { headers, body: { ...body, csat: 6 } }, { kind: 'invalid', status: 400 });
      await client.call('submitRating', { body }, { kind: 'invalid', status: [401, 403] });
    });

    // ------------------------------------------------------------------------------------------ callbacks
    it('getCallbackSlots: slots inside working hours; a missing or malformed date → 400, a reversed range → 422', async () => {
      const answer = await client.call(
        'getCallbackSlots',
        { query: { from: today, to: addLocalDays(today, 3) } },
        { kind: 'valid', status: 200 },
      );
      const free = (answer.body.slots as { start: string; available: boolean }[]).find((s) => s.available);
      check(free, 'no free slot in the next days');
      slot = free.start;
      await client.call('getCallbackSlots', { query: { from: today } }, { kind: 'invalid', status: 400 });
      await client.call(
        'getCallbackSlots',
        { query: { from: '2026-13-45', to: today } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'getCallbackSlots',
        { query: { from: addLocalDays(today, 3), to: today } },
        { kind: 'invalid', status: 422 },
      );
    });

    it('requestCallback: booked in a slot with a token; a bad phone → 400, a time outside working hours → 422, no key → 400', async () => {
      need(slot, 'getCallbackSlots');
      const body = {
        phone: '+77011234567',
        name: 'Әйгерім',
        topic: 'Жәрдемақы',
        categoryId,
        language: 'kk',
        when: { slotStart: slot },
        consent,
      };
      const answer = await client.call('requestCallback', { body }, { kind: 'valid', status: 201 });
      callback = { id: answer.body.callback.id, token: answer.body.callbackToken };
      await client.call('requestCallback', { body: { ...body, phone: '123' } }, { kind: 'invalid', status: 400 });
      const night = zonedToInstant(addLocalDays(today, 1), '03:00', config.schedule.timeZone).toISOString();
      await client.call(
        'requestCallback',
        { body: { ...body, when: { slotStart: night } } },
        { kind: 'invalid', status: 422, code: 'slot_unavailable' },
      );
      await client.call(
        'requestCallback',
        { body: { ...body, when: { asap: false } } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'requestCallback',
        { body, idempotencyKey: false },
        { kind: 'invalid', status: 400, code: 'idempotency_key_missing' },
      );
    });

    it('getCallback: with its token; none → 401', async () => {
      need(callback, 'requestCallback');
      await client.call(
        'getCallback',
        { params: { callbackId: callback.id }, headers: { 'X-Kc-Callback-Token': callback.token } },
        { kind: 'valid', status: 200 },
      );
      await client.call('getCallback', { params: { callbackId: callback.id } }, { kind: 'invalid', status: 401 });
    });

    it('rescheduleCallback: to "as soon as possible"; a bad time → 400, no token → 401', async () => {
      need(callback, 'requestCallback');
      const params = { callbackId: callback.id };
      const headers = { 'X-Kc-Callback-Token': callback.token };
      await client.call(
        'rescheduleCallback',
        { params, headers, body: { when: { asap: true } } },
        { kind: 'valid', status: 200 },
      );
      await client.call(
        'rescheduleCallback',
        { params, headers, body: { when: { slotStart: 'tomorrow' } } },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'rescheduleCallback',
        { params, body: { when: { asap: true } } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('completeCallback: the operator reached the citizen; a bad outcome → 400, no token → 401', async () => {
      need(chatCallback, 'the one-case step');
      const answer = await client.call(
        'completeCallback',
        { params: { callbackId: chatCallback.id }, body: { outcome: 'reached', resolved: true }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      check(answer.body.status === 'completed', 'not completed');
      await client.call(
        'completeCallback',
        { params: { callbackId: chatCallback.id }, body: { outcome: 'maybe' }, bearer: operator() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'completeCallback',
        { params: { callbackId: chatCallback.id }, body: { outcome: 'reached' } },
        { kind: 'invalid', status: 401 },
      );
    });

    it('cancelCallback: cancelled, and again unchanged; a completed one → 409; no token → 401', async () => {
      need(callback, 'requestCallback');
      need(chatCallback, 'the one-case step');
      const params = { callbackId: callback.id };
      const headers = { 'X-Kc-Callback-Token': callback.token };
      const answer = await client.call('cancelCallback', { params, headers }, { kind: 'valid', status: 200 });
      check(answer.body.status === 'cancelled', 'not cancelled');
      await client.call('cancelCallback', { params, headers }, { kind: 'valid', status: 200 });
      await client.call(
        'cancelCallback',
        { params: { callbackId: chatCallback.id }, headers: { 'X-Kc-Callback-Token': chatCallback.token } },
        { kind: 'invalid', status: 409, code: 'invalid_transition' },
      );
      await client.call('cancelCallback', { params }, { kind: 'invalid', status: 401 });
    });

    it('submitRating: a callback is rated with its token', async () => {
      need(chatCallback, 'the one-case step');
      const answer = await client.call(
        'submitRating',
        {
          headers: { 'X-Kc-Callback-Token': chatCallback.token },
          body: { subject: { kind: 'callback', id: chatCallback.id }, csat: 5, resolved: true, language: 'ru' },
        },
        { kind: 'valid', status: 201 },
      );
      check(answer.body.subject.id === chatCallback.id, 'the rating does not name the callback');
    });

    // ------------------------------------------------------------------------------------------ operator console
    it('getIndicatorReport: JSON and CSV for a supervisor; an operator → 403, a missing date → 400, a reversed range → 422', async () => {
      const query = { from: addLocalDays(today, -30), to: today };
      await client.call('getIndicatorReport', { query, bearer: supervisor() }, { kind: 'valid', status: 200 });
      const csv = await client.call(
        'getIndicatorReport',
        { query: { ...query, format: 'csv' }, bearer: supervisor() },
        { kind: 'valid', status: 200 },
      );
      check(csv.contentType === 'text/csv', `format=csv answered ${csv.contentType}`);
      await client.call('getIndicatorReport', { query, bearer: operator() }, { kind: 'invalid', status: 403 });
      await client.call(
        'getIndicatorReport',
        { query: { from: today }, bearer: supervisor() },
        { kind: 'invalid', status: 400 },
      );
      await client.call(
        'getIndicatorReport',
        { query: { from: today, to: addLocalDays(today, -3) }, bearer: supervisor() },
        { kind: 'invalid', status: 422 },
      );
    });

    it('watchOperatorEvents: the console stream replays; no token → 401, a citizen token → 401 or 403', async () => {
      need(chat, 'startChatSession');
      const read = await client.stream(
        'watchOperatorEvents',
        { bearer: operator() },
        { until: (e: StreamEventRead[]) => e.some((x) => x.event === 'chat.queued'), timeoutMs: streamTimeoutMs },
      );
      check(
        read.events.some((e) => e.event === 'chat.queued'),
        'no chat.queued event',
      );
      await client.call('watchOperatorEvents', {}, { kind: 'invalid', status: 401 });
      await client.call(
        'watchOperatorEvents',
        { headers: { 'X-Kc-Chat-Token': chat.token } },
        { kind: 'invalid', status: [401, 403] },
      );
    });

    // ------------------------------------------------------------------------------------------ one history
    it("one history: a signed-in citizen's appeal shows in the operator's view of their chat", async () => {
      const identity = options.identityToken === undefined ? undefined : get(options.identityToken);
      if (identity === undefined) return;
      const filed = await client.call(
        'submitComplaint',
        { body: { ...draft, attachmentIds: [] }, bearer: identity },
        { kind: 'valid', status: 201 },
      );
      const started = await startChat({}, identity);
      const detail = await client.call(
        'getOperatorChat',
        { params: { sessionId: started.id }, bearer: operator() },
        { kind: 'valid', status: 200 },
      );
      const tracking = (detail.body.citizen.complaints as { trackingNumber: string }[]).map((c) => c.trackingNumber);
      check(
        tracking.includes(filed.body.trackingNumber),
        "the citizen's appeal is not in the operator's view of their chat",
      );
    });

    // ------------------------------------------------------------------------------------------ inactivity
    it('a silent citizen: the warning in session.inactivity as on the stream, gone when they write; none once closed', async () => {
      if (!options.silence) return;
      const started = await startChat();
      const params = { sessionId: started.id };
      const headers = { 'X-Kc-Chat-Token': started.token };
      await client.call('joinOperatorChat', { params, bearer: operator() }, { kind: 'valid', status: 200 });
      const read = async () =>
        (await client.call('getChatSession', { params, headers }, { kind: 'valid', status: 200 })).body;
      check((await read()).session.inactivity === null, 'a warning is pending before any silence');

      await options.silence(config.thresholds.inactivityWarningSeconds + 10);
      const warned = await read();
      const warning = warned.session.inactivity as { closesAt: string; message: Json } | null;
      check(warning !== null, 'no warning pending after the silence');
      check(
        (warned.messages as { author: { kind: string } }[]).some((m) => m.author.kind === 'system'),
        'the warning is not among the messages',
      );
      const events = await client.stream(
        'watchChatSession',
        { params, headers },
        { until: (e) => e.some((x) => x.event === 'inactivity.warning'), timeoutMs: streamTimeoutMs },
      );
      const told = events.events.find((e) => e.event === 'inactivity.warning');
      check(
        sorted(told?.data) === sorted(warning),
        `session.inactivity ${JSON.stringify(warning)} is not the inactivity.warning event ${JSON.stringify(told?.data)}`,
      );

      const body = { clientMessageId: newKey(), text: 'Осындамын' };
      await client.call('sendChatMessage', { params, headers, body }, { kind: 'valid', status: 201 });
      check((await read()).session.inactivity === null, 'the warning is still pending after the citizen wrote');

      await options.silence(config.thresholds.inactivityWarningSeconds + 10);
      check((await read()).session.inactivity !== null, 'no warning pending after a second silence');
      const closed = await client.call(
        'closeChatSession',
        { params, headers, body: {} },
        { kind: 'valid', status: 200 },
      );
      check(closed.body.inactivity === null, 'a closed chat has a warning pending');
    });

    // ------------------------------------------------------------------------------------------ coverage
    it('every operation of the contract was exercised with valid and with invalid input', () => {
      const missing = contractOperations
        .map((op) => op.operationId)
        .filter((id) => {
          const seen = client.coverage.get(id);
          return !seen || seen.valid === 0 || seen.invalid === 0;
        })
        .map((id) => {
          const seen = client.coverage.get(id);
          return `${id} (valid ${String(seen?.valid ?? 0)}, invalid ${String(seen?.invalid ?? 0)})`;
        });
      check(missing.length === 0, `not exercised: ${missing.join(', ')}`);
    });
  });
}
