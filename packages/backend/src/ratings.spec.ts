// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { chatStart, ctx, draft, expectOk, OPERATORS, testBackend } from './testing/fixtures.js';

describe('ratings', () => {
  async function closedChat() {
    const b = testBackend();
    await b.backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(await b.backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    expectOk(
      await b.backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    expectOk(
      await b.backend.closeChatSession({
        params: { sessionId: s.session.id },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    return { ...b, s };
  }

  it('takes one rating per subject: a second is 409 already_rated', async () => {
    const { backend, s } = await closedChat();
    const body = {
      subject: { kind: 'chat' as const, id: s.session.id },
      csat: 5,
      resolved: true,
      language: 'kk' as const,
    };
    const first = await backend.submitRating({ body, ctx: ctx({ chatToken: s.sessionToken }) });
    expect(first.status).to.equal(201);
    const second = await backend.submitRating({ body: { ...body, csat: 4 }, ctx: ctx({ chatToken: s.sessionToken }) });
    expect(second.status).to.equal(409);
    expect(second.ok ? null : second.body.code).to.equal('already_rated');
  });

  it('needs the subject’s token (401 without, 403 with another)', async () => {
    const { backend, s } = await closedChat();
    const body = {
      subject: { kind: 'chat' as const, id: s.session.id },
      csat: 5,
      resolved: true,
      language: 'ru' as const,
    };
    expect((await backend.submitRating({ body, ctx: ctx() })).status).to.equal(401);
    expect((await backend.submitRating({ body, ctx: ctx({ chatToken: `ct_x.${s.session.id}` }) })).status).to.equal(
      403,
    );
  });

  it('records follow-up consent only after a low score, with a way to reach the citizen', async () => {
    const { backend, s } = await closedChat();
    const low = expectOk(
      await backend.submitRating({
        body: {
          subject: { kind: 'chat', id: s.session.id },
          csat: 2,
          resolved: false,
          lowScoreReasonIds: ['long_wait'],
          followUp: { consent: true, phone: '87011234567' },
          language: 'kk',
        },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    expect(low.followUpRequested).to.equal(true);
    const call = expectOk(
      await backend.submitRating({
        body: {
          subject: { kind: 'call', id: 'CALL-1' },
          csat: 5,
          resolved: true,
          followUp: { consent: true },
          language: 'en',
        },
        ctx: ctx(),
      }),
    );
    expect(call.followUpRequested).to.equal(false);
  });

  it('refuses unknown low-score reasons', async () => {
    const { backend } = testBackend();
    const result = await backend.submitRating({
      body: {
        subject: { kind: 'call', id: 'CALL-2' },
        csat: 1,
        resolved: false,
        lowScoreReasonIds: ['nope'],
        language: 'kk',
      },
      ctx: ctx(),
    });
    expect(result.ok ? null : result.body.errors?.[0]?.code).to.equal('unknown_reason');
  });

  it('rates an appeal with its view token, by tracking number', async () => {
    const { backend } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const view = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
        ctx: ctx(),
      }),
    );
    const rating = await backend.submitRating({
      body: { subject: { kind: 'complaint', id: receipt.trackingNumber }, csat: 4, resolved: true, language: 'kk' },
      ctx: ctx({ viewToken: view.viewToken }),
    });
    expect(rating.status).to.equal(201);
  });
});
