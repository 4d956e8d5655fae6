// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { computeReport, reportCsv } from './indicators.js';
import type { ChatSessionRecord, RatingRecord } from './store/store.js';
import { chatStart, ctx, expectOk, OPERATORS, testBackend } from './testing/fixtures.js';

function chat(
  id: string,
  createdAt: string,
  firstAssignedAt: string | null,
  closedAt: string | null,
): ChatSessionRecord {
  return {
    id,
    tokenHash: 'h1$x$y',
    status: closedAt ? 'closed' : firstAssignedAt ? 'active' : 'queued',
    language: 'kk',
    topic: null,
    citizenName: null,
    citizenPhone: null,
    subjectId: null,
    kbArticleIds: [],
    consent: { given: true, version: 'v', at: createdAt },
    createdAt,
    queuedAt: createdAt,
    queueSeq: 0,
    firstAssignedAt,
    assignedAt: firstAssignedAt,
    operatorId: firstAssignedAt ? 'op' : null,
    operatorIds: [],
    closedAt,
    closeReason: closedAt ? 'citizen_closed' : null,
    lastCitizenActivityAt: createdAt,
    inactivityWarnedAt: null,
    lastSeq: 0,
    resolved: null,
    citizenResolved: null,
  };
}

function rating(csat: number, resolved: boolean): RatingRecord {
  return {
    id: `r${String(csat)}${String(resolved)}${Math.random()}`,
    subjectKind: 'call',
    subjectRef: String(Math.random()),
    csat,
    resolved,
    ces: null,
    nps: null,
    comment: null,
    reasons: [],
    followUpConsent: false,
    followUpPhone: null,
    followUpEmail: null,
    subjectId: null,
    locale: 'kk',
    createdAt: '2026-07-01T05:00:00Z',
  };
}

describe('indicators (Appendix 1) and form ОДКЦ-01', () => {
  // Chat A waited 30 s and was handled 10 min; B waited 90 s, handled 5 min; C was abandoned after 200 s in the
  // queue; D is still queued (not decided, so neither answered nor abandoned).
  const data = {
    chats: [
      chat('a', '2026-07-01T05:00:00Z', '2026-07-01T05:00:30Z', '2026-07-01T05:10:30Z'),
      chat('b', '2026-07-01T06:00:00Z', '2026-07-01T06:01:30Z', '2026-07-01T06:06:30Z'),
      chat('c', '2026-07-01T07:00:00Z', null, '2026-07-01T07:03:20Z'),
      chat('d', '2026-07-01T08:00:00Z', null, null),
    ],
    callbacks: [],
    complaints: [],
    ratings: [rating(5, true), rating(4, true), rating(3, false), rating(5, true)],
  };
  const report = computeReport(
    data,
    { from: '2026-07-01', to: '2026-12-31', timeZone: 'Asia/Almaty' },
    '2027-01-05T04:00:00Z',
    'contact-center',
  );

  it('averages the wait of answered chats: (30 + 90) / 2 = 60 s, within the 60 s limit', () => {
    expect(report.indicators.averageWaitSeconds).to.include({ value: 60, sampleSize: 2, met: true });
  });

  it('satisfaction: (5 + 4 + 3 + 5) / 4 = 4.25 points = 85 %, both exactly at the limit', () => {
    expect(report.indicators.satisfactionPoints).to.include({ value: 4.25, sampleSize: 4, met: true });
    expect(report.form.rows.find((r) => r.row === 16)?.value).to.equal(4.25);
    expect(report.indicators.satisfactionPercent).to.include({ value: 85, met: true });
  });

  it('FCR: 3 of 4 solved = 75 %, below the 80 % limit', () => {
    expect(report.indicators.fcrPercent).to.include({ value: 75, met: false });
  });

  it('abandoned: 1 of 3 decided chats = 33.3 %, over the 10 % limit', () => {
    expect(report.indicators.abandonedPercent).to.include({ value: 33.3, sampleSize: 3, met: false });
  });

  it('form rows 13–20 with kk and ru labels: volumes, wait, satisfaction, FCR, abandoned, handling time', () => {
    const rows = Object.fromEntries(report.form.rows.map((r) => [r.row, r]));
    expect(report.form.index).to.equal('ОДКЦ-01');
    expect(rows[13]?.value).to.equal(4);
    expect(rows[14]?.byChannel).to.deep.equal([{ channel: 'chat', value: 4 }]);
    expect(rows[15]?.value).to.equal(60);
    expect(rows[17]?.value).to.equal(75);
    expect(rows[18]?.value).to.equal(33.3);
    expect(rows[19]?.value).to.equal(7.5); // (10 + 5) / 2 minutes
    expect(rows[20]?.value).to.equal(0);
    expect(rows[13]?.label.ru).to.equal('Общее количество принятых обращений');
    expect(rows[13]?.label.kk).to.match(/өтініш/);
  });

  it('exports the rows as CSV with a BOM', () => {
    const csv = reportCsv(report);
    expect(csv.startsWith('\uFEFFrow;label_kk;label_ru;unit_kk;unit_ru;value\r\n')).to.equal(true);
    expect(csv).to.include('\r\n19;');
    expect(csv.trim().split('\r\n')).to.have.length(9);
  });

  it('the report of a period comes from recorded timestamps (supervisor only)', async () => {
    const { backend, clock } = testBackend();
    await backend.setOperatorOnline(OPERATORS.aigul.id, true);
    const s = expectOk(await backend.startChatSession({ body: chatStart(), ctx: ctx() }));
    clock.advance(45);
    expectOk(
      await backend.joinOperatorChat({ params: { sessionId: s.session.id }, ctx: { operator: OPERATORS.aigul } }),
    );
    clock.advance(300);
    expectOk(
      await backend.closeChatSession({ params: { sessionId: s.session.id }, ctx: ctx({ chatToken: s.sessionToken }) }),
    );
    expect(
      (
        await backend.getIndicatorReport({
          query: { from: '2026-11-23', to: '2026-11-23' },
          ctx: { operator: OPERATORS.aigul },
        })
      ).status,
    ).to.equal(403);
    const result = expectOk(
      await backend.getIndicatorReport({
        query: { from: '2026-11-23', to: '2026-11-23' },
        ctx: { operator: OPERATORS.supervisor },
      }),
    );
    if (typeof result === 'string') throw new Error('expected JSON');
    expect(result.indicators.averageWaitSeconds.value).to.equal(45);
    expect(result.form.rows.find((r) => r.row === 19)?.value).to.equal(5);
  });
});
