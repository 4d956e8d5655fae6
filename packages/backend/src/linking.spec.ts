// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { demoConfig } from './demo/index.js';
import { chatStart, ctx, draft, expectOk, OPERATORS, testBackend } from './testing/fixtures.js';

describe('one case across channels', () => {
  it('an appeal and a callback opened from a chat carry the chat id; the chat token is required to link', async () => {
    const { backend } = testBackend();
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    const auth = { chatToken: s.sessionToken };
    const receipt = expectOk(
      await backend.submitComplaint({ body: draft({ chatSessionId: s.session.id }), ctx: ctx(auth) }),
    );
    const callback = expectOk(
      await backend.requestCallback({
        body: {
          phone: '+77011234567',
          topic: 'Чаттан',
          language: 'kk',
          when: { asap: true },
          consent: { given: true, version: demoConfig.privacy.version },
          chatSessionId: s.session.id,
        },
        ctx: ctx(auth),
      }),
    );
    expect(callback.callback.chatSessionId).to.equal(s.session.id);
    const view = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
        ctx: ctx(),
      }),
    );
    expect(view.complaint.chatSessionId).to.equal(s.session.id);
    expect(view.complaint.channel).to.equal('chat');
    const stranger = await backend.submitComplaint({ body: draft({ chatSessionId: s.session.id }), ctx: ctx() });
    expect(stranger.ok ? null : stranger.body.errors?.[0]?.field).to.equal('/chatSessionId');
    const detail = expectOk(
      await backend.getOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    expect(detail.citizen.complaints.map((c) => c.trackingNumber)).to.deep.equal([receipt.trackingNumber]);
  });

  it('with a verified identity every interaction of the citizen forms one history', async () => {
    const { backend } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const identity = { subjectId: 'egov:900101300017', name: 'Әйгерім' };
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx({ identity }) }));
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    expectOk(
      await backend.closeChatSession({ params: { sessionId: s.session.id }, ctx: ctx({ chatToken: s.sessionToken }) }),
    );
    expectOk(
      await backend.submitRating({
        body: { subject: { kind: 'chat', id: s.session.id }, csat: 4, resolved: false, language: 'kk' },
        ctx: ctx({ chatToken: s.sessionToken }),
      }),
    );
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx({ identity }) }));
    expectOk(
      await backend.requestCallback({
        body: {
          phone: '+77011234567',
          topic: 'Шағым бойынша',
          language: 'kk',
          when: { slotStart: '2026-11-24T05:00:00Z' },
          consent: { given: true, version: demoConfig.privacy.version },
        },
        ctx: ctx({ identity }),
      }),
    );
    expectOk(
      await backend.submitComplaint({ body: draft(), ctx: ctx({ identity: { subjectId: 'egov:someone-else' } }) }),
    );

    const history = await backend.history(identity.subjectId);
    expect(history.chats.map((c) => c.id)).to.deep.equal([s.session.id]);
    expect(history.complaints.map((c) => c.trackingNumber)).to.deep.equal([receipt.trackingNumber]);
    expect(history.callbacks).to.have.length(1);
    expect(history.ratings.map((r) => r.subjectRef)).to.deep.equal([s.session.id]);
    const chatWithName = expectOk(
      await backend.getOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    expect(chatWithName.citizen.name).to.equal('Әйгерім');
    expect(chatWithName.citizen.complaints.map((c) => c.trackingNumber)).to.deep.equal([receipt.trackingNumber]);
  });
});
