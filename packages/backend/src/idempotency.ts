// SPDX-License-Identifier: MIT
import type { CallContext } from './context.js';
import type { Kernel } from './kernel.js';
import { fail, type Result } from './result.js';
import { canonicalJson, sha256Hex } from './security.js';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{16,128}$/;

/** Answers that depend only on the request, and so are replayed; others (401, 403, 409, 429, 5xx) are not kept. */
function isKept(status: number): boolean {
  return (status >= 200 && status < 300) || [400, 404, 413, 415, 422].includes(status);
}

/**
 * Runs `fn` at most once per `Idempotency-Key`, with the contract's semantics: the same key and the same request
 * replay the first kept answer (with `Idempotency-Replayed: true`); the same key and another request answer
 * `422 idempotency_key_reused`; the same key while the first is still running answers `409 idempotency_in_flight`.
 * Records are kept `idempotencyTtlSeconds` by the injected clock.
 *
 * @param operation - the operation id; part of the request's fingerprint, so one key cannot serve two operations
 * @param request - the parts of the request that identify it (path parameters and body); an operation's whole
 *   input may be passed: its `ctx` (headers, tokens, client id) is left out, so a retry with a fresh token or from
 *   another address is still the same request
 * @param required - whether a missing key is refused (`400 idempotency_key_missing`)
 */
export async function idempotent<T>(
  kernel: Kernel,
  ctx: CallContext,
  operation: string,
  request: unknown,
  required: boolean,
  fn: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const key = ctx.idempotencyKey;
  if (key === undefined || key === '') {
    if (!required) return fn();
    return fail(400, 'idempotency_key_missing', {
      errors: [{ field: 'header.Idempotency-Key', code: 'required', message: 'Required.' }],
    });
  }
  if (!KEY_PATTERN.test(key)) {
    return fail(400, 'validation_failed', {
      errors: [
        {
          field: 'header.Idempotency-Key',
          code: 'pattern',
          message: 'Must be 16–128 characters of A–Z a–z 0–9 _ . : -',
        },
      ],
    });
  }
  const fingerprint = await sha256Hex(`${operation}\n${canonicalJson(withoutContext(request))}`);
  const now = kernel.now();
  const existing = await kernel.store.idempotency.begin(
    {
      key,
      fingerprint,
      state: 'in_flight',
      response: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + kernel.settings.idempotencyTtlSeconds * 1000).toISOString(),
    },
    now.toISOString(),
  );
  if (existing) {
    if (existing.fingerprint !== fingerprint) return fail(422, 'idempotency_key_reused');
    if (existing.state === 'in_flight' || !existing.response) {
      return fail(409, 'idempotency_in_flight', { retryAfterSeconds: 1 });
    }
    const { status, body, headers } = existing.response;
    const replayed = { ...headers, 'Idempotency-Replayed': 'true' };
    return status < 400
      ? { ok: true, status, body: body as T, headers: replayed }
      : { ok: false, status, body: body as never, headers: replayed };
  }
  let result: Result<T>;
  try {
    result = await fn();
  } catch (error) {
    await kernel.store.idempotency.release(key);
    throw error;
  }
  if (isKept(result.status)) {
    await kernel.store.idempotency.complete(key, { status: result.status, body: result.body, headers: result.headers });
  } else {
    await kernel.store.idempotency.release(key);
  }
  return result;
}

function withoutContext(request: unknown): unknown {
  if (request === null || typeof request !== 'object' || !('ctx' in request)) return request;
  const { ctx: _ctx, ...rest } = request as Record<string, unknown>;
  return rest;
}
