// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { demoConfig } from '../demo/index.js';
import { ctx, draft, expectOk, testBackend } from '../testing/fixtures.js';
import type { Config } from '../wire.js';

/** The demo config with a chosen deadline for applications. */
function withApplicationDays(days: number, schedule: Config['schedule'] = demoConfig.schedule): Config {
  return {
    ...demoConfig,
    schedule,
    appeals: {
      ...demoConfig.appeals,
      kinds: demoConfig.appeals.kinds.map((k) => (k.kind === 'application' ? { ...k, deadlineWorkingDays: days } : k)),
    },
  };
}

describe('appeal due dates in working days (Asia/Almaty)', () => {
  it('skips Nauryz and its moved days: an application of Friday 20 March 2026 is due on 15 April', async () => {
    const { backend } = testBackend({ at: '2026-03-20T05:00:00Z' }); // Friday 10:00 local
    const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
    // 23 March (holiday), 24 and 25 March (moved from the weekend) are closed: day 1 is Thursday 26 March, so day 15
    // is Wednesday 15 April; the due date is the end of that local day (UTC+5).
    expect(receipt.dueAt).to.equal('2026-04-15T18:59:59.999Z');
  });

  it('a complaint (20 working days) registered before Nauryz is due on 22 April 2026', async () => {
    const { backend } = testBackend({ at: '2026-03-20T05:00:00Z' });
    const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'complaint' }), ctx: ctx() }));
    expect(receipt.dueAt).to.equal('2026-04-22T18:59:59.999Z');
  });

  it('counts Sunday 5 January 2025, made a working day when its day off moved to Friday 3 January', async () => {
    const one = testBackend({ at: '2024-12-31T07:00:00Z', config: withApplicationDays(1) });
    const receipt = expectOk(await one.backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
    // 1–2 January are holidays, 3 January the moved day off, 4 January a Saturday: day 1 is Sunday 5 January.
    expect(receipt.dueAt).to.equal('2025-01-05T18:59:59.999Z');
    const two = testBackend({ at: '2024-12-31T07:00:00Z', config: withApplicationDays(2) });
    const second = expectOk(await two.backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
    expect(second.dueAt).to.equal('2025-01-06T18:59:59.999Z');
  });

  it('without the transfer the same appeal would be due two days later (7 January is a holiday)', async () => {
    const schedule = { ...demoConfig.schedule, workingDays: [] };
    const { backend } = testBackend({ at: '2024-12-31T07:00:00Z', config: withApplicationDays(2, schedule) });
    const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
    expect(receipt.dueAt).to.equal('2025-01-08T18:59:59.999Z');
  });

  it('counts a Saturday made working by decree (a transfer given as data)', async () => {
    const schedule: Config['schedule'] = {
      ...demoConfig.schedule,
      workingDays: [{ date: '2026-11-28', intervals: [{ open: '09:00', close: '18:30' }] }],
    };
    const { backend } = testBackend({ at: '2026-11-27T05:00:00Z', config: withApplicationDays(1, schedule) }); // Friday
    const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
    expect(receipt.dueAt).to.equal('2026-11-28T18:59:59.999Z');
  });

  describe('across the time-zone change of 1 March 2024 (UTC+6 → UTC+5)', () => {
    const schedule2024: Config['schedule'] = { ...demoConfig.schedule, holidays: [], workingDays: [] };

    it('an appeal at 23:45 of the repeated hour of 29 February is due at the end of Friday 1 March (UTC+5)', async () => {
      // 18:45Z is 23:45 local in the second run of 23:00–24:00 on Thursday 29 February.
      const { backend } = testBackend({ at: '2024-02-29T18:45:00Z', config: withApplicationDays(1, schedule2024) });
      const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
      expect(receipt.dueAt).to.equal('2024-03-01T18:59:59.999Z');
    });

    it('an appeal at 23:30 of the first run (UTC+6) is on the same local day', async () => {
      const { backend } = testBackend({ at: '2024-02-29T17:30:00Z', config: withApplicationDays(1, schedule2024) });
      const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
      expect(receipt.dueAt).to.equal('2024-03-01T18:59:59.999Z');
    });

    it('an appeal at 00:00 of 1 March is due at the end of Monday 4 March', async () => {
      const { backend } = testBackend({ at: '2024-02-29T19:00:00Z', config: withApplicationDays(1, schedule2024) });
      const receipt = expectOk(await backend.submitComplaint({ body: draft({ kind: 'application' }), ctx: ctx() }));
      expect(receipt.dueAt).to.equal('2024-03-04T18:59:59.999Z');
    });
  });
});
