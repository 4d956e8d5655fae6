// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { ctx, draft, expectOk, OPERATORS, testBackend } from '../testing/fixtures.js';
import type { ComplaintStatus, ComplaintTransitionInput } from '../wire.js';
import { canTransition, COMPLAINT_STATUSES, TRANSITIONS } from './lifecycle.js';

/** A transition body with whatever the target status requires. */
function body(to: ComplaintStatus): ComplaintTransitionInput {
  const input: ComplaintTransitionInput = { to };
  if (['rejected', 'escalated', 'awaiting_citizen', 'withdrawn'].includes(to)) input.reason = 'Себебі / Причина';
  if (to === 'forwarded')
    input.forwardTo = { bodyName: { kk: 'Еңбек министрлігі', ru: 'Министерство труда', en: 'Ministry of Labour' } };
  if (to === 'answered') input.resolution = { outcome: 'explained', text: 'Түсіндірілді.' };
  return input;
}

/** Allowed paths from registered to each status. */
const PATHS: Record<ComplaintStatus, ComplaintStatus[]> = {
  registered: [],
  in_review: ['in_review'],
  escalated: ['in_review', 'escalated'],
  awaiting_citizen: ['in_review', 'awaiting_citizen'],
  forwarded: ['forwarded'],
  answered: ['in_review', 'answered'],
  closed: ['in_review', 'answered', 'closed'],
  rejected: ['rejected'],
  withdrawn: ['withdrawn'],
};

async function appealIn(status: ComplaintStatus, b = testBackend()) {
  const { backend, store } = b;
  const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
  const record = (await store.complaints.getByTrackingNumber(receipt.trackingNumber))!;
  for (const step of PATHS[status]) {
    expectOk(
      await backend.changeComplaintStatus({
        params: { complaintId: record.id },
        body: body(step),
        ctx: { operator: OPERATORS.aigul },
      }),
    );
  }
  return { ...b, id: record.id, receipt };
}

describe('appeal lifecycle', () => {
  it('the table matches the contract: final statuses have no way out', () => {
    expect(TRANSITIONS.closed).to.deep.equal([]);
    expect(TRANSITIONS.rejected).to.deep.equal([]);
    expect(TRANSITIONS.withdrawn).to.deep.equal([]);
    expect(canTransition('registered', 'in_review')).to.equal(true);
    expect(canTransition('registered', 'answered')).to.equal(false);
  });

  for (const from of COMPLAINT_STATUSES) {
    it(`from ${from}: every status outside the table is refused with 409 invalid_transition, and nothing changes`, async () => {
      const { backend, id } = await appealIn(from);
      const refused = COMPLAINT_STATUSES.filter((to) => !canTransition(from, to));
      expect(refused.length).to.be.greaterThan(0);
      for (const to of refused) {
        const result = await backend.changeComplaintStatus({
          params: { complaintId: id },
          body: body(to),
          ctx: { operator: OPERATORS.aigul },
        });
        expect(result.status, `${from} → ${to}`).to.equal(409);
        expect(result.ok ? null : result.body.code).to.equal('invalid_transition');
      }
      const after = expectOk(
        await backend.getOperatorComplaint({ params: { complaintId: id }, ctx: { operator: OPERATORS.aigul } }),
      );
      expect(after.status).to.equal(from);
    });

    for (const to of TRANSITIONS[from]) {
      it(`${from} → ${to} is allowed and adds a timeline entry`, async () => {
        const { backend, id } = await appealIn(from);
        const result = expectOk(
          await backend.changeComplaintStatus({
            params: { complaintId: id },
            body: body(to),
            ctx: { operator: OPERATORS.aigul },
          }),
        );
        expect(result.status).to.equal(to);
        expect(result.timeline.at(-1)?.status).to.equal(to);
      });
    }
  }

  it('refuses a status change without a reason where one is required (422)', async () => {
    const { backend, id } = await appealIn('in_review');
    const result = await backend.changeComplaintStatus({
      params: { complaintId: id },
      body: { to: 'rejected' },
      ctx: { operator: OPERATORS.aigul },
    });
    expect(result.status).to.equal(422);
    expect(result.ok ? [] : result.body.errors?.map((e) => e.field)).to.deep.equal(['/reason']);
  });

  it('guards against a concurrent change with expectedStatus (409 conflict)', async () => {
    const { backend, id } = await appealIn('in_review');
    const result = await backend.changeComplaintStatus({
      params: { complaintId: id },
      body: { ...body('answered'), expectedStatus: 'registered' },
      ctx: { operator: OPERATORS.aigul },
    });
    expect(result.ok ? null : result.body.code).to.equal('conflict');
  });

  it('needs an operator (401 without)', async () => {
    const { backend, id } = await appealIn('registered');
    const result = await backend.changeComplaintStatus({ params: { complaintId: id }, body: body('in_review') });
    expect(result.status).to.equal(401);
  });

  it('forwarding keeps the tracking number working and tells the citizen', async () => {
    const { backend, receipt, id } = await appealIn('forwarded');
    const view = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
        ctx: ctx(),
      }),
    );
    expect(view.complaint.status).to.equal('forwarded');
    expect(view.complaint.forwardedTo?.bodyName.ru).to.equal('Министерство труда');
    expect(view.complaint.timeline.map((e) => e.type)).to.deep.equal(['registered', 'forwarded']);
    expect(id).to.be.a('string');
  });

  it('an extension needs a later date, a reason and a plan, and is shown to the citizen', async () => {
    const { backend, receipt, id } = await appealIn('in_review');
    const op = { operator: OPERATORS.aigul };
    const early = await backend.updateOperatorComplaint({
      params: { complaintId: id },
      body: { delay: { reason: 'x', newDueAt: '2026-11-24T00:00:00Z', plan: 'y' } },
      ctx: op,
    });
    expect(early.status).to.equal(422);
    const later = new Date(Date.parse(receipt.dueAt) + 10 * 86_400_000).toISOString();
    const updated = expectOk(
      await backend.updateOperatorComplaint({
        params: { complaintId: id },
        body: {
          delay: {
            reason: 'Басқа органнан мәлімет сұралды.',
            newDueAt: later,
            plan: 'Мәлімет келген соң 5 жұмыс күні ішінде жауап береміз.',
          },
        },
        ctx: op,
      }),
    );
    expect(updated.dueAt).to.equal(later);
    expect(updated.delay?.plan).to.include('5 жұмыс күні');
    expect(updated.timeline.at(-1)?.type).to.equal('delayed');
  });

  it('the citizen may withdraw while under review, not after the answer', async () => {
    const open = await appealIn('in_review');
    const view = expectOk(
      await open.backend.lookupComplaint({
        body: { trackingNumber: open.receipt.trackingNumber, accessCode: open.receipt.accessCode },
        ctx: ctx(),
      }),
    );
    const withdrawn = expectOk(
      await open.backend.withdrawComplaint({
        params: { trackingNumber: open.receipt.trackingNumber },
        body: {},
        ctx: ctx({ viewToken: view.viewToken }),
      }),
    );
    expect(withdrawn.status).to.equal('withdrawn');

    const answered = await appealIn('answered');
    const view2 = expectOk(
      await answered.backend.lookupComplaint({
        body: { trackingNumber: answered.receipt.trackingNumber, accessCode: answered.receipt.accessCode },
        ctx: ctx(),
      }),
    );
    const refused = await answered.backend.withdrawComplaint({
      params: { trackingNumber: answered.receipt.trackingNumber },
      ctx: ctx({ viewToken: view2.viewToken }),
    });
    expect(refused.ok ? null : refused.body.code).to.equal('invalid_transition');
  });

  it('a citizen comment brings an appeal awaiting them back to review', async () => {
    const { backend, receipt } = await appealIn('awaiting_citizen');
    const view = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
        ctx: ctx(),
      }),
    );
    expectOk(
      await backend.addComplaintComment({
        params: { trackingNumber: receipt.trackingNumber },
        body: { text: 'Құжатты жібердім.' },
        ctx: ctx({ viewToken: view.viewToken }),
      }),
    );
    const after = expectOk(
      await backend.getComplaint({
        params: { trackingNumber: receipt.trackingNumber },
        ctx: { viewToken: view.viewToken },
      }),
    );
    expect(after.status).to.equal('in_review');
    expect(after.comments).to.have.length(1);
  });
});
