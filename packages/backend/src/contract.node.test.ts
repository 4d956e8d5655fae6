// SPDX-License-Identifier: MIT
// Every operation of the backend, called with valid and invalid input, answers a status its operation declares
// and a body valid against the declared schema; every event on a stream matches its `x-events` schema.
//
//   node --conditions=kc-source --import tsx --test packages/backend/src/contract.node.test.ts
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { document } from '@kc/contract/document';
import { contractOperations, type OperationId } from '@kc/contract';
import type { Result } from './result.js';
import type { StreamEvent } from './store/store.js';
import { chatStart, ctx, draft, expectOk, OPERATORS, testBackend } from './testing/fixtures.js';
import { demoConfig } from './demo/index.js';

type Json = Record<string, unknown>;
const doc = document as unknown as Json & { paths: Record<string, Record<string, Json>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi.json');

function resolve(node: unknown): Json {
  let current = node as Json;
  while (typeof current.$ref === 'string') {
    let target: unknown = doc;
    for (const part of current.$ref.replace(/^#\//, '').split('/')) target = (target as Json)[part];
    current = target as Json;
  }
  return current;
}

/** A JSON pointer segment, also URI-encoded (paths hold braces). */
const escape = (segment: string): string => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));

const operations = new Map<string, { op: Json; pointer: string }>();
for (const [path, item] of Object.entries(doc.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item[method];
    if (op)
      operations.set(op.operationId as string, {
        op,
        pointer: `#/paths/${escape(path)}/${method}`,
      });
  }
}

const seen = new Map<string, Set<number>>();

/** Asserts that a result is declared by its operation and that its body matches the declared schema. */
function check<T>(operationId: OperationId, result: Result<T>): Result<T> {
  const entry = operations.get(operationId);
  assert.ok(entry, `unknown operation ${operationId}`);
  const responses = entry.op.responses as Record<string, Json>;
  const declared = responses[String(result.status)];
  assert.ok(
    declared,
    `${operationId} answered ${String(result.status)}, which it does not declare: ${JSON.stringify(result.body)}`,
  );
  (seen.get(operationId) ?? seen.set(operationId, new Set()).get(operationId)!).add(result.status);
  const response = resolve(declared);
  const content = response.content as Record<string, Json> | undefined;
  if (result.status === 204 || result.status === 304 || entry.op['x-events']) return result;
  const media = content?.[result.ok ? 'application/json' : 'application/problem+json'];
  assert.ok(media, `${operationId} ${String(result.status)} declares no ${result.ok ? 'JSON' : 'problem'} body`);
  const base =
    typeof declared.$ref === 'string' ? declared.$ref : `${entry.pointer}/responses/${String(result.status)}`;
  const mediaType = result.ok ? 'application/json' : 'application/problem+json';
  const schemaValidate = ajv.compile({ $ref: `openapi.json${base}/content/${escape(mediaType)}/schema` });
  assert.ok(
    schemaValidate(result.body),
    `${operationId} ${String(result.status)}: ${ajv.errorsText(schemaValidate.errors)}\n${JSON.stringify(result.body)}`,
  );
  return result;
}

/** Asserts that every event of a stream is declared and valid. */
function checkEvents(operationId: OperationId, events: StreamEvent[]): void {
  const entry = operations.get(operationId)!;
  const declared = entry.op['x-events'] as Record<string, Json>;
  for (const event of events) {
    const schema = declared[event.type];
    assert.ok(schema, `${operationId}: event ${event.type} is not declared`);
    const validate = ajv.compile({ $ref: `openapi.json${schema.$ref as string}` });
    assert.ok(
      validate(event.data),
      `${operationId} event ${event.type}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(event.data)}`,
    );
  }
}

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const op = { operator: OPERATORS.aigul };
const sup = { operator: OPERATORS.supervisor };

describe('backend answers match the contract', () => {
  it('walks every operation with valid and invalid input', async () => {
    const { backend, clock } = testBackend({ settings: { lookupLimit: { limit: 3, windowSeconds: 60 } } });
    const outageEvents: StreamEvent[] = [];
    const operatorEvents: StreamEvent[] = [];
    const chatEvents: StreamEvent[] = [];
    const complaintEvents: StreamEvent[] = [];
    const subs = [
      await backend.subscribe('outages', (e) => outageEvents.push(e)),
      await backend.subscribe('operator', (e) => operatorEvents.push(e)),
    ];

    // config, queue, knowledge base
    const config = check('getConfig', await backend.getConfig());
    check('getConfig', await backend.getConfig({ ctx: { ifNoneMatch: config.headers['ETag'] } }));
    check('getQueueStatus', await backend.getQueueStatus());
    check('searchKnowledgeBase', await backend.searchKnowledgeBase({ query: { q: 'жылу батарея', locale: 'kk' } }));

    // outages
    const published = expectOk(
      check(
        'publishOutage',
        await backend.publishOutage({
          body: {
            status: 'active',
            severity: 'major',
            affectedChannels: ['email'],
            message: { kk: 'Пошта істемейді', ru: 'Почта не работает', en: 'E-mail is down' },
            startedAt: clock.now().toISOString(),
            expectedResumeAt: new Date(clock.now().getTime() + 3600_000).toISOString(),
            alternatives: [
              { channel: 'phone', label: { kk: '109', ru: '109', en: '109' }, value: '109', href: 'tel:109' },
            ],
          },
          ctx: sup,
        }),
      ),
    );
    check(
      'publishOutage',
      await backend.publishOutage({
        body: {
          status: 'active',
          severity: 'info',
          affectedChannels: ['web'],
          message: { kk: 'a', ru: 'a', en: 'a' },
          startedAt: clock.now().toISOString(),
        },
        ctx: op,
      }),
    );
    check(
      'updateOutage',
      await backend.updateOutage({ params: { outageId: published.id }, body: { severity: 'minor' }, ctx: sup }),
    );
    check(
      'updateOutage',
      await backend.updateOutage({ params: { outageId: uuid(99) }, body: { severity: 'minor' }, ctx: sup }),
    );
    check('listOutages', await backend.listOutages());
    check('watchOutages', await backend.watchOutages({ lastEventId: '0' }));
    check('watchOutages', await backend.watchOutages({ lastEventId: 'x' }));
    check('resolveOutage', await backend.resolveOutage({ params: { outageId: published.id }, ctx: sup }));
    check('resolveOutage', await backend.resolveOutage({ params: { outageId: published.id }, ctx: sup }));
    check('listOutages', await backend.listOutages({ query: { status: ['resolved'] } }));

    // attachments and appeals
    const file = expectOk(
      check(
        'uploadAttachment',
        await backend.uploadAttachment({
          body: { fileName: 'анықтама.pdf', contentType: 'application/pdf', size: 1000 },
          ctx: ctx(),
        }),
      ),
    );
    check(
      'uploadAttachment',
      await backend.uploadAttachment({
        body: { fileName: 'a.exe', contentType: 'application/x-msdownload', size: 10 },
        ctx: ctx(),
      }),
    );
    check(
      'uploadAttachment',
      await backend.uploadAttachment({
        body: { fileName: 'big.pdf', contentType: 'application/pdf', size: 50_000_000 },
        ctx: ctx(),
      }),
    );
    const receipt = expectOk(
      check(
        'submitComplaint',
        await backend.submitComplaint({ body: draft({ attachmentIds: [file.id] }), ctx: ctx() }),
      ),
    );
    check('submitComplaint', await backend.submitComplaint({ body: draft({ categoryId: 'nope' }), ctx: ctx() }));
    check('submitComplaint', await backend.submitComplaint({ body: draft() }));
    check(
      'lookupComplaint',
      await backend.lookupComplaint({
        body: { trackingNumber: 'KC-2026-999999', accessCode: 'AAAA-AAAA-AAAA-AAAA' },
        ctx: ctx({ clientId: 'x' }),
      }),
    );
    const view = expectOk(
      check(
        'lookupComplaint',
        await backend.lookupComplaint({
          body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
          ctx: ctx(),
        }),
      ),
    );
    const viewCtx = { viewToken: view.viewToken };
    const grant = expectOk(
      check(
        'watchComplaint',
        await backend.watchComplaint({ params: { trackingNumber: receipt.trackingNumber }, ctx: viewCtx }),
      ),
    );
    subs.push(await backend.subscribe(grant.stream, (e) => complaintEvents.push(e)));
    check('watchComplaint', await backend.watchComplaint({ params: { trackingNumber: receipt.trackingNumber } }));
    check(
      'getComplaint',
      await backend.getComplaint({ params: { trackingNumber: receipt.trackingNumber }, ctx: viewCtx }),
    );
    check('getComplaint', await backend.getComplaint({ params: { trackingNumber: 'KC-2026-000777' }, ctx: viewCtx }));
    check(
      'addComplaintComment',
      await backend.addComplaintComment({
        params: { trackingNumber: receipt.trackingNumber },
        body: { text: 'Қосымша' },
        ctx: ctx(viewCtx),
      }),
    );
    check(
      'addComplaintComment',
      await backend.addComplaintComment({
        params: { trackingNumber: receipt.trackingNumber },
        body: { text: 'x', attachmentIds: [uuid(5)] },
        ctx: ctx(viewCtx),
      }),
    );
    const page = expectOk(
      check(
        'listOperatorComplaints',
        await backend.listOperatorComplaints({ query: { status: ['registered'] }, ctx: op }),
      ),
    );
    check('listOperatorComplaints', await backend.listOperatorComplaints({}));
    const id = page.items[0]!.id;
    check('getOperatorComplaint', await backend.getOperatorComplaint({ params: { complaintId: id }, ctx: op }));
    check('getOperatorComplaint', await backend.getOperatorComplaint({ params: { complaintId: uuid(7) }, ctx: op }));
    check(
      'changeComplaintStatus',
      await backend.changeComplaintStatus({
        params: { complaintId: id },
        body: {
          to: 'in_review',
          responsible: demoConfig.appeals.categories[0]
            ? {
                department: { kk: 'Бөлім', ru: 'Отдел', en: 'Department' },
                position: { kk: 'Маман', ru: 'Специалист', en: 'Specialist' },
              }
            : undefined,
        },
        ctx: op,
      }),
    );
    check(
      'changeComplaintStatus',
      await backend.changeComplaintStatus({ params: { complaintId: id }, body: { to: 'closed' }, ctx: op }),
    );
    check(
      'changeComplaintStatus',
      await backend.changeComplaintStatus({ params: { complaintId: id }, body: { to: 'rejected' }, ctx: op }),
    );
    check(
      'updateOperatorComplaint',
      await backend.updateOperatorComplaint({
        params: { complaintId: id },
        body: {
          addExternalRefs: [{ system: 'e-otinish', reference: 'ЖТ-2026-04512345' }],
          delay: { reason: 'Сұрау жіберілді', plan: '5 күнде', newDueAt: '2027-02-01T12:00:00Z' },
        },
        ctx: op,
      }),
    );
    check(
      'updateOperatorComplaint',
      await backend.updateOperatorComplaint({ params: { complaintId: id }, body: { categoryId: 'nope' }, ctx: op }),
    );
    check(
      'addOperatorComplaintComment',
      await backend.addOperatorComplaintComment({
        params: { complaintId: id },
        body: { text: 'Құжатты жіберіңізші.' },
        ctx: op,
      }),
    );
    check(
      'changeComplaintStatus',
      await backend.changeComplaintStatus({
        params: { complaintId: id },
        body: { to: 'answered', resolution: { outcome: 'satisfied', text: 'Шешілді.' } },
        ctx: op,
      }),
    );
    check(
      'withdrawComplaint',
      await backend.withdrawComplaint({ params: { trackingNumber: receipt.trackingNumber }, ctx: ctx(viewCtx) }),
    );
    const other = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const otherView = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: other.trackingNumber, accessCode: other.accessCode },
        ctx: ctx(),
      }),
    );
    check(
      'withdrawComplaint',
      await backend.withdrawComplaint({
        params: { trackingNumber: other.trackingNumber },
        body: { reason: 'Шешілді' },
        ctx: ctx({ viewToken: otherView.viewToken }),
      }),
    );
    for (let i = 0; i < 4; i++) {
      check(
        'lookupComplaint',
        await backend.lookupComplaint({
          body: { trackingNumber: other.trackingNumber, accessCode: 'BBBB-BBBB-BBBB-BBBB' },
          ctx: ctx({ clientId: 'guess' }),
        }),
      );
    }

    // chat
    check('startChatSession', await backend.startChatSession({ body: chatStart({ topic: 'nope' }), ctx: ctx() }));
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const started = expectOk(
      check(
        'startChatSession',
        await backend.startChatSession({
          body: chatStart({ name: 'Әйгерім', firstMessage: { clientMessageId: uuid(1), text: 'Сәлем' } }),
          ctx: ctx(),
        }),
      ),
    );
    const sid = started.session.id;
    const chatCtx = { chatToken: started.sessionToken };
    subs.push(await backend.subscribe(`chat:${sid}`, (e) => chatEvents.push(e)));
    check('getQueueStatus', await backend.getQueueStatus({ ctx: chatCtx }));
    check('getChatSession', await backend.getChatSession({ params: { sessionId: sid }, ctx: chatCtx }));
    check('getChatSession', await backend.getChatSession({ params: { sessionId: sid } }));
    check(
      'watchChatSession',
      await backend.watchChatSession({ params: { sessionId: sid }, lastEventId: '1', ctx: chatCtx }),
    );
    check('watchChatSession', await backend.watchChatSession({ params: { sessionId: uuid(3) }, ctx: chatCtx }));
    check('listOperatorChats', await backend.listOperatorChats({ ctx: op }));
    check('listOperatorChats', await backend.listOperatorChats({}));
    check('joinOperatorChat', await backend.joinOperatorChat({ params: { sessionId: sid }, ctx: op }));
    check(
      'joinOperatorChat',
      await backend.joinOperatorChat({ params: { sessionId: sid }, ctx: { operator: OPERATORS.erlan } }),
    );
    check('getOperatorChat', await backend.getOperatorChat({ params: { sessionId: sid }, ctx: op }));
    check(
      'setOperatorTyping',
      await backend.setOperatorTyping({ params: { sessionId: sid }, body: { typing: true }, ctx: op }),
    );
    const reply = expectOk(
      check(
        'sendOperatorMessage',
        await backend.sendOperatorMessage({
          params: { sessionId: sid },
          body: {
            text: 'Сәлеметсіз бе!',
            quickReplies: [
              { id: 'order_callback', label: { kk: 'Кері қоңырау', ru: 'Обратный звонок', en: 'Callback' } },
            ],
          },
          ctx: op,
        }),
      ),
    );
    check(
      'sendOperatorMessage',
      await backend.sendOperatorMessage({ params: { sessionId: sid }, body: { text: ' ' }, ctx: op }),
    );
    check(
      'setChatTyping',
      await backend.setChatTyping({ params: { sessionId: sid }, body: { typing: true }, ctx: ctx(chatCtx) }),
    );
    check(
      'sendChatMessage',
      await backend.sendChatMessage({
        params: { sessionId: sid },
        body: { clientMessageId: uuid(2), text: 'Рақмет' },
        ctx: ctx(chatCtx),
      }),
    );
    check(
      'sendChatMessage',
      await backend.sendChatMessage({
        params: { sessionId: sid },
        body: { clientMessageId: uuid(2), text: 'Рақмет' },
        ctx: ctx(chatCtx),
      }),
    );
    check(
      'sendChatMessage',
      await backend.sendChatMessage({
        params: { sessionId: sid },
        body: { clientMessageId: uuid(4), text: 'x'.repeat(3000) },
        ctx: ctx(chatCtx),
      }),
    );
    check(
      'markChatRead',
      await backend.markChatRead({ params: { sessionId: sid }, body: { upToMessageId: reply.id }, ctx: ctx(chatCtx) }),
    );
    check(
      'markChatRead',
      await backend.markChatRead({ params: { sessionId: sid }, body: { upToMessageId: uuid(8) }, ctx: ctx(chatCtx) }),
    );
    const state = expectOk(await backend.getChatSession({ params: { sessionId: sid }, ctx: chatCtx }));
    check(
      'markOperatorChatRead',
      await backend.markOperatorChatRead({
        params: { sessionId: sid },
        body: { upToMessageId: state.messages.at(-1)!.id },
        ctx: op,
      }),
    );
    check(
      'markOperatorChatRead',
      await backend.markOperatorChatRead({ params: { sessionId: sid }, body: { upToMessageId: uuid(9) }, ctx: op }),
    );
    await backend.setOperatorOnline(OPERATORS.erlan.id, true);
    check(
      'transferOperatorChat',
      await backend.transferOperatorChat({
        params: { sessionId: sid },
        body: { toOperatorId: OPERATORS.erlan.id, note: 'Сізге' },
        ctx: op,
      }),
    );
    check(
      'transferOperatorChat',
      await backend.transferOperatorChat({
        params: { sessionId: sid },
        body: { toTopic: 'nope' },
        ctx: { operator: OPERATORS.erlan },
      }),
    );
    check(
      'transferOperatorChat',
      await backend.transferOperatorChat({
        params: { sessionId: sid },
        body: { toTopic: 'social.pensions' },
        ctx: { operator: OPERATORS.erlan },
      }),
    );
    check('joinOperatorChat', await backend.joinOperatorChat({ params: { sessionId: sid }, ctx: op }));
    clock.advance(600);
    await backend.tick();
    check('getChatTranscript', await backend.getChatTranscript({ params: { sessionId: sid }, ctx: chatCtx }));
    check(
      'closeChatSession',
      await backend.closeChatSession({ params: { sessionId: sid }, body: { resolved: true }, ctx: ctx(chatCtx) }),
    );
    check(
      'closeOperatorChat',
      await backend.closeOperatorChat({ params: { sessionId: sid }, body: { resolved: true }, ctx: op }),
    );
    check(
      'sendChatMessage',
      await backend.sendChatMessage({
        params: { sessionId: sid },
        body: { clientMessageId: uuid(6), text: 'кеш' },
        ctx: ctx(chatCtx),
      }),
    );
    const second = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    check('joinOperatorChat', await backend.joinOperatorChat({ params: { sessionId: second.session.id }, ctx: op }));
    check(
      'closeOperatorChat',
      await backend.closeOperatorChat({
        params: { sessionId: second.session.id },
        body: { resolved: false, note: 'Кетіп қалды' },
        ctx: op,
      }),
    );
    check('closeOperatorChat', await backend.closeOperatorChat({ params: { sessionId: uuid(10) }, ctx: op }));

    // callbacks
    const slots = expectOk(
      check('getCallbackSlots', await backend.getCallbackSlots({ query: { from: '2026-11-24', to: '2026-11-25' } })),
    );
    check('getCallbackSlots', await backend.getCallbackSlots({ query: { from: '2026-11-25', to: '2026-11-24' } }));
    const when = { slotStart: slots.slots[0]!.start };
    const callbackInput = {
      phone: '+77011234567',
      topic: 'Жылу',
      language: 'kk' as const,
      consent: { given: true as const, version: demoConfig.privacy.version },
    };
    const cb = expectOk(
      check(
        'requestCallback',
        await backend.requestCallback({ body: { ...callbackInput, when, chatSessionId: sid }, ctx: ctx(chatCtx) }),
      ),
    );
    check(
      'requestCallback',
      await backend.requestCallback({
        body: { ...callbackInput, when: { slotStart: '2026-11-24T20:00:00Z' } },
        ctx: ctx(),
      }),
    );
    const asap = expectOk(
      check(
        'requestCallback',
        await backend.requestCallback({ body: { ...callbackInput, when: { asap: true } }, ctx: ctx() }),
      ),
    );
    const cbCtx = { callbackToken: cb.callbackToken };
    check('getCallback', await backend.getCallback({ params: { callbackId: cb.callback.id }, ctx: cbCtx }));
    check('getCallback', await backend.getCallback({ params: { callbackId: cb.callback.id } }));
    check(
      'rescheduleCallback',
      await backend.rescheduleCallback({
        params: { callbackId: cb.callback.id },
        body: { when: { slotStart: slots.slots[2]!.start } },
        ctx: ctx(cbCtx),
      }),
    );
    check(
      'rescheduleCallback',
      await backend.rescheduleCallback({
        params: { callbackId: cb.callback.id },
        body: { when: { slotStart: '2026-11-24T05:05:00Z' } },
        ctx: ctx(cbCtx),
      }),
    );
    check(
      'listOperatorCallbacks',
      await backend.listOperatorCallbacks({ query: { from: '2026-11-23', to: '2026-11-30' }, ctx: op }),
    );
    check(
      'completeCallback',
      await backend.completeCallback({
        params: { callbackId: asap.callback.id },
        body: { outcome: 'no_answer', retry: true },
        ctx: op,
      }),
    );
    check(
      'completeCallback',
      await backend.completeCallback({
        params: { callbackId: asap.callback.id },
        body: { outcome: 'reached', resolved: true, note: 'Түсіндірдім' },
        ctx: op,
      }),
    );
    check(
      'completeCallback',
      await backend.completeCallback({
        params: { callbackId: asap.callback.id },
        body: { outcome: 'reached' },
        ctx: op,
      }),
    );
    check('cancelCallback', await backend.cancelCallback({ params: { callbackId: cb.callback.id }, ctx: ctx(cbCtx) }));
    check('cancelCallback', await backend.cancelCallback({ params: { callbackId: cb.callback.id }, ctx: ctx(cbCtx) }));

    // ratings and the report
    check(
      'submitRating',
      await backend.submitRating({
        body: {
          subject: { kind: 'chat', id: sid },
          csat: 2,
          resolved: false,
          ces: 5,
          lowScoreReasonIds: ['long_wait'],
          followUp: { consent: true, phone: '+77011234567' },
          language: 'kk',
        },
        ctx: ctx(chatCtx),
      }),
    );
    check(
      'submitRating',
      await backend.submitRating({
        body: { subject: { kind: 'chat', id: sid }, csat: 5, resolved: true, language: 'kk' },
        ctx: ctx(chatCtx),
      }),
    );
    check(
      'submitRating',
      await backend.submitRating({
        body: { subject: { kind: 'callback', id: asap.callback.id }, csat: 5, resolved: true, nps: 9, language: 'ru' },
        ctx: ctx(),
      }),
    );
    check(
      'getIndicatorReport',
      await backend.getIndicatorReport({ query: { from: '2026-11-01', to: '2026-11-30' }, ctx: sup }),
    );
    check(
      'getIndicatorReport',
      await backend.getIndicatorReport({ query: { from: '2026-11-30', to: '2026-11-01' }, ctx: sup }),
    );
    check(
      'getIndicatorReport',
      await backend.getIndicatorReport({ query: { from: '2026-11-01', to: '2026-11-30' }, ctx: op }),
    );
    check('watchOperatorEvents', await backend.watchOperatorEvents({ ctx: op }));
    check('watchOperatorEvents', await backend.watchOperatorEvents({}));

    // refusals of the remaining operations
    check('resolveOutage', await backend.resolveOutage({ params: { outageId: uuid(11) }, ctx: sup }));
    check(
      'addOperatorComplaintComment',
      await backend.addOperatorComplaintComment({ params: { complaintId: uuid(12) }, body: { text: 'x' }, ctx: op }),
    );
    check('getOperatorChat', await backend.getOperatorChat({ params: { sessionId: uuid(13) }, ctx: op }));
    check(
      'setOperatorTyping',
      await backend.setOperatorTyping({ params: { sessionId: sid }, body: { typing: false }, ctx: op }),
    );
    check(
      'setChatTyping',
      await backend.setChatTyping({ params: { sessionId: sid }, body: { typing: true }, ctx: ctx(chatCtx) }),
    );
    check('getChatTranscript', await backend.getChatTranscript({ params: { sessionId: sid } }));
    check(
      'closeChatSession',
      await backend.closeChatSession({ params: { sessionId: sid }, ctx: ctx({ chatToken: 'ct_wrong.' + sid }) }),
    );
    check('listOperatorCallbacks', await backend.listOperatorCallbacks({}));
    check('cancelCallback', await backend.cancelCallback({ params: { callbackId: uuid(14) }, ctx: ctx(cbCtx) }));
    for (const sub of subs) sub.unsubscribe();
    checkEvents('watchOutages', outageEvents);
    checkEvents('watchOperatorEvents', operatorEvents);
    checkEvents('watchChatSession', chatEvents);
    checkEvents('watchComplaint', complaintEvents);
    assert.ok(
      chatEvents.length > 10 && operatorEvents.length > 10 && complaintEvents.length > 3 && outageEvents.length >= 3,
    );
  });

  after(() => {
    const untested = contractOperations.map((o) => o.operationId).filter((id) => !seen.has(id));
    assert.deepEqual(untested, [], 'every operation of the contract is walked');
    // These refuse nothing themselves: their 400s (malformed query) come from the host's schema validation.
    const onlyHostRefusals = new Set(['getConfig', 'getQueueStatus', 'listOutages', 'searchKnowledgeBase']);
    const neverRefused = [...seen].filter(
      ([id, statuses]) => !onlyHostRefusals.has(id) && [...statuses].every((s) => s < 400),
    );
    assert.deepEqual(
      neverRefused.map(([id]) => id),
      [],
      'operations only called with valid input',
    );
  });
});
