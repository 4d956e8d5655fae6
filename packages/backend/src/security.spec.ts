// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { ACCESS_CODE_BITS, cryptoRandom } from './index.js';
import { newAccessCode, normalizeAccessCode } from './security.js';
import { ctx, draft, expectOk, testBackend } from './testing/fixtures.js';

describe('access codes and lookups', () => {
  it('codes carry at least 64 bits from the CSPRNG: 16 base-32 characters', () => {
    expect(ACCESS_CODE_BITS).to.be.at.least(64);
    const codes = new Set(Array.from({ length: 200 }, () => newAccessCode(cryptoRandom)));
    expect(codes.size).to.equal(200);
    for (const code of codes) expect(code).to.match(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(16 * Math.log2(32)).to.equal(ACCESS_CODE_BITS);
  });

  it('stores only a keyed, salted hash of the code, never the code', async () => {
    const { backend, store } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const record = (await store.complaints.getByTrackingNumber(receipt.trackingNumber))!;
    const stored = JSON.stringify(record);
    expect(stored).to.not.include(receipt.accessCode);
    expect(stored).to.not.include(normalizeAccessCode(receipt.accessCode));
    expect(record.accessCodeHash).to.match(/^h1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const again = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const other = (await store.complaints.getByTrackingNumber(again.trackingNumber))!;
    expect(other.accessCodeHash.split('$')[1]).to.not.equal(record.accessCodeHash.split('$')[1]);
  });

  it('accepts the code in any case and without hyphens, and answers a view token', async () => {
    const { backend } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const typed = receipt.accessCode.replace(/-/g, '').toLowerCase();
    const view = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: receipt.trackingNumber, accessCode: typed },
        ctx: ctx(),
      }),
    );
    expect(view.complaint.trackingNumber).to.equal(receipt.trackingNumber);
    expect(view.complaint.applicant.displayName).to.equal('Әйгерім С.');
    expect(JSON.stringify(view.complaint)).to.not.include('900101300017');
    const status = expectOk(
      await backend.getComplaint({
        params: { trackingNumber: receipt.trackingNumber },
        ctx: { viewToken: view.viewToken },
      }),
    );
    expect(status.status).to.equal('registered');
  });

  it('gives the same answer for an unknown number and a wrong code', async () => {
    const { backend } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const wrong = await backend.lookupComplaint({
      body: { trackingNumber: receipt.trackingNumber, accessCode: '0000-0000-0000-0000' },
      ctx: ctx(),
    });
    const unknown = await backend.lookupComplaint({
      body: { trackingNumber: 'KC-2026-999999', accessCode: receipt.accessCode },
      ctx: ctx(),
    });
    expect(wrong.status).to.equal(404);
    expect(unknown.status).to.equal(wrong.status);
    expect(unknown.body).to.deep.equal(wrong.body);
    expect(unknown.headers).to.deep.equal(wrong.headers);
  });

  it('limits lookups per client: the 11th within a minute is 429 with Retry-After', async () => {
    const { backend, clock } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    for (let i = 0; i < 10; i++) {
      const miss = await backend.lookupComplaint({
        body: { trackingNumber: `KC-2026-00010${String(i)}`, accessCode: 'AAAA-AAAA-AAAA-AAAA' },
        ctx: ctx({ clientId: 'guesser' }),
      });
      expect(miss.status).to.equal(404);
    }
    const limited = await backend.lookupComplaint({
      body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
      ctx: ctx({ clientId: 'guesser' }),
    });
    expect(limited.status).to.equal(429);
    expect(limited.ok ? null : limited.body.code).to.equal('rate_limited');
    const retryAfter = Number(limited.headers['Retry-After']);
    expect(retryAfter).to.be.within(1, 60);
    expect(limited.ok ? null : limited.body.retryAfterSeconds).to.equal(retryAfter);
    clock.advance(retryAfter);
    expect(
      (
        await backend.lookupComplaint({
          body: { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode },
          ctx: ctx({ clientId: 'guesser' }),
        })
      ).status,
    ).to.equal(200);
  });

  it('limits lookups per number too, whoever asks: 20 wrong codes from many clients → 429', async () => {
    const { backend } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await backend.lookupComplaint({
        body: { trackingNumber: receipt.trackingNumber, accessCode: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' },
        ctx: ctx({ clientId: `c${String(i)}` }),
      });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).to.equal(true);
    expect(statuses.slice(10).every((s) => s === 429)).to.equal(true);
  });

  it('view tokens expire after 30 minutes and open only their own appeal', async () => {
    const { backend, clock } = testBackend();
    const a = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const b = expectOk(await backend.submitComplaint({ body: draft(), ctx: ctx() }));
    const view = expectOk(
      await backend.lookupComplaint({
        body: { trackingNumber: a.trackingNumber, accessCode: a.accessCode },
        ctx: ctx(),
      }),
    );
    const other = await backend.getComplaint({
      params: { trackingNumber: b.trackingNumber },
      ctx: { viewToken: view.viewToken },
    });
    expect(other.status).to.equal(403);
    const forged = await backend.getComplaint({
      params: { trackingNumber: a.trackingNumber },
      ctx: { viewToken: view.viewToken.slice(0, -2) + 'AA' },
    });
    expect(forged.status).to.equal(401);
    clock.advance(30 * 60);
    const expired = await backend.getComplaint({
      params: { trackingNumber: a.trackingNumber },
      ctx: { viewToken: view.viewToken },
    });
    expect(expired.ok ? null : expired.body.code).to.equal('token_expired');
  });

  it('refuses business-rule violations with field errors: IIN checksum, phone, category, consent, attachments', async () => {
    const { backend } = testBackend();
    const bad = draft({
      categoryId: 'no.such',
      attachmentIds: ['1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b'],
      consent: { given: true, version: 'old' },
    });
    bad.applicant = { ...bad.applicant, iin: '900101300018', phone: '+79161234567' };
    const result = await backend.submitComplaint({ body: bad, ctx: ctx() });
    expect(result.status).to.equal(422);
    const fields = result.ok ? [] : (result.body.errors ?? []).map((e) => `${e.field}:${e.code}`);
    expect(fields).to.have.members([
      '/categoryId:unknown_category',
      '/applicant/iin:iin_checksum',
      '/applicant/phone:phone',
      '/consent/version:consent_version',
      '/attachmentIds/0:unknown_attachment',
    ]);
  });

  it('normalises a domestic phone number (8 7xx…) to E.164', async () => {
    const { backend, store } = testBackend();
    const d = draft();
    d.applicant = { ...d.applicant, phone: '8 701 123 45 67' };
    const receipt = expectOk(await backend.submitComplaint({ body: d, ctx: ctx() }));
    expect((await store.complaints.getByTrackingNumber(receipt.trackingNumber))?.applicant.phone).to.equal(
      '+77011234567',
    );
  });
});
