// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { draft, expectOk, key, testBackend } from './testing/fixtures.js';

describe('idempotency', () => {
  it('the same key and the same request replay the first answer (same tracking number, marked as replayed)', async () => {
    const { backend } = testBackend();
    const k = key();
    const first = await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } });
    const second = await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } });
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(201);
    expect(expectOk(second).trackingNumber).to.equal(expectOk(first).trackingNumber);
    expect(expectOk(second).accessCode).to.equal(expectOk(first).accessCode);
    expect(second.headers['Idempotency-Replayed']).to.equal('true');
    expect(first.headers['Idempotency-Replayed']).to.equal(undefined);
    const page = expectOk(await backend.listOperatorComplaints({ ctx: { operator: { id: 'x', role: 'operator' } } }));
    expect(page.items).to.have.length(1);
  });

  it('the same key with another request is 422 idempotency_key_reused', async () => {
    const { backend } = testBackend();
    const k = key();
    expectOk(await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } }));
    const other = await backend.submitComplaint({
      body: draft({ description: 'Басқа мәтін' }),
      ctx: { idempotencyKey: k },
    });
    expect(other.status).to.equal(422);
    expect(other.ok ? null : other.body.code).to.equal('idempotency_key_reused');
  });

  it('the same key on another operation is 422 too', async () => {
    const { backend } = testBackend();
    const k = key();
    expectOk(await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } }));
    const other = await backend.lookupComplaint({
      body: { trackingNumber: 'KC-2026-000001', accessCode: 'AAAA-AAAA-AAAA-AAAA' },
      ctx: { idempotencyKey: k },
    });
    expect(other.ok ? null : other.body.code).to.equal('idempotency_key_reused');
  });

  it('the same key while the first request is running is 409 idempotency_in_flight with Retry-After', async () => {
    const { backend } = testBackend();
    const k = key();
    const [a, b] = await Promise.all([
      backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } }),
      backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).to.deep.equal([201, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.ok ? null : conflict.body.code).to.equal('idempotency_in_flight');
    expect(conflict.headers['Retry-After']).to.equal('1');
    // The in-flight refusal is not kept: once the first finishes, a retry replays it.
    const retry = await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } });
    expect(retry.headers['Idempotency-Replayed']).to.equal('true');
  });

  it('keeps a final 422 but not a 429, so a rate-limited request can be retried with its key', async () => {
    const { backend } = testBackend({ settings: { writeLimit: { limit: 1, windowSeconds: 60 } } });
    expectOk(await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: key(), clientId: 'c' } }));
    const k = key();
    const limited = await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k, clientId: 'c' } });
    expect(limited.status).to.equal(429);
    const again = await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k, clientId: 'other' } });
    expect(again.status).to.equal(201);
  });

  it('a retry with a fresh token is the same request (tokens are not part of the fingerprint)', async () => {
    const { backend, clock } = testBackend();
    const receipt = expectOk(await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: key() } }));
    const lookup = { trackingNumber: receipt.trackingNumber, accessCode: receipt.accessCode };
    const first = expectOk(
      await backend.lookupComplaint({ body: lookup, ctx: { idempotencyKey: key(), clientId: 'a' } }),
    );
    const k = key();
    const params = { trackingNumber: receipt.trackingNumber };
    const body = { text: 'Қосымша мәлімет' };
    const comment = await backend.addComplaintComment({
      params,
      body,
      ctx: { idempotencyKey: k, viewToken: first.viewToken },
    });
    clock.advance(5);
    const second = expectOk(
      await backend.lookupComplaint({ body: lookup, ctx: { idempotencyKey: key(), clientId: 'b' } }),
    );
    expect(second.viewToken).to.not.equal(first.viewToken);
    const retry = await backend.addComplaintComment({
      params,
      body,
      ctx: { idempotencyKey: k, viewToken: second.viewToken },
    });
    expect(retry.status).to.equal(201);
    expect(retry.headers['Idempotency-Replayed']).to.equal('true');
    expect(expectOk(retry).id).to.equal(expectOk(comment).id);
  });

  it('requires the key on citizen writes (400 idempotency_key_missing) and checks its form', async () => {
    const { backend } = testBackend();
    const missing = await backend.submitComplaint({ body: draft() });
    expect(missing.ok ? null : missing.body.code).to.equal('idempotency_key_missing');
    expect(missing.ok ? null : missing.body.errors?.[0]?.field).to.equal('header.Idempotency-Key');
    const short = await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: 'short' } });
    expect(short.status).to.equal(400);
  });

  it('forgets keys after 24 hours of the injected clock', async () => {
    const { backend, clock } = testBackend();
    const k = key();
    const first = expectOk(await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } }));
    clock.advance(23 * 3600);
    expect(
      (await backend.submitComplaint({ body: draft({ description: 'x y' }), ctx: { idempotencyKey: k } })).status,
    ).to.equal(422);
    clock.advance(2 * 3600);
    await backend.tick();
    const later = expectOk(await backend.submitComplaint({ body: draft(), ctx: { idempotencyKey: k } }));
    expect(later.trackingNumber).to.not.equal(first.trackingNumber);
  });
});
