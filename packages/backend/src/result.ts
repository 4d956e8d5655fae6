// SPDX-License-Identifier: MIT
import type { FieldError, Problem, ProblemCode } from './wire.js';

/** Response headers a host copies onto its HTTP answer (`Retry-After`, `ETag`, `Location`, `Idempotency-Replayed`). */
export type ResponseHeaders = Record<string, string>;

/**
 * A successful answer of an operation: the HTTP status, the body (a contract type) and the headers the host must
 * send. A `204` has `body: undefined`.
 */
export interface Success<T> {
  ok: true;
  status: number;
  body: T;
  headers: ResponseHeaders;
}

/** A refused operation: an RFC 9457 problem with the contract's stable `code`, ready to send as `application/problem+json`. */
export interface Failure {
  ok: false;
  status: number;
  body: Problem;
  headers: ResponseHeaders;
}

/**
 * What every operation of the {@link Backend} returns. Operations never throw for a refusal a client can cause;
 * they throw only on a broken store or a bug (a host answers those with `500 internal_error`).
 *
 * @example
 * ```ts
 * const result = await backend.getConfig({});
 * if (result.ok) send(result.status, result.body, result.headers);
 * else send(result.status, result.body, { ...result.headers, 'content-type': 'application/problem+json' });
 * ```
 */
export type Result<T> = Success<T> | Failure;

const TITLES: Record<ProblemCode, string> = {
  malformed_request: 'The request cannot be parsed',
  validation_failed: 'The request is not valid',
  idempotency_key_missing: 'Idempotency-Key header is required',
  idempotency_key_reused: 'The Idempotency-Key was used for a different request',
  idempotency_in_flight: 'A request with this Idempotency-Key is in progress',
  unauthorized: 'Authentication is required',
  token_expired: 'The token has expired',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'The request conflicts with the current state',
  invalid_transition: 'This status change is not allowed',
  already_rated: 'This contact has already been rated',
  session_closed: 'The chat session is closed',
  slot_unavailable: 'This time slot is not available',
  payload_too_large: 'The file is too large',
  unsupported_media_type: 'This file type is not accepted',
  rate_limited: 'Too many requests',
  center_closed: 'The contact center is closed',
  outage: 'The service is interrupted',
  service_unavailable: 'The service is unavailable',
  internal_error: 'Internal error',
};

/** Extra members of a problem beyond `status` and `code`. */
export interface ProblemOptions {
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  nextOpeningAt?: string;
  outageIds?: string[];
  instance?: string;
}

/**
 * Builds a {@link Failure}. `Retry-After` is set from `retryAfterSeconds`.
 *
 * @example
 * ```ts
 * return fail(404, 'not_found');
 * ```
 */
export function fail(status: number, code: ProblemCode, options: ProblemOptions = {}): Failure {
  const body: Problem = {
    type: `https://kc.example.kz/problems/${code}`,
    title: TITLES[code],
    status,
    code,
  };
  if (options.detail !== undefined) body.detail = options.detail;
  if (options.instance !== undefined) body.instance = options.instance;
  if (options.errors !== undefined) body.errors = options.errors;
  if (options.nextOpeningAt !== undefined) body.nextOpeningAt = options.nextOpeningAt;
  if (options.outageIds !== undefined) body.outageIds = options.outageIds;
  const headers: ResponseHeaders = {};
  if (options.retryAfterSeconds !== undefined) {
    body.retryAfterSeconds = options.retryAfterSeconds;
    headers['Retry-After'] = String(options.retryAfterSeconds);
  }
  return { ok: false, status, body, headers };
}

/**
 * Builds a `422 validation_failed` from field errors (JSON pointers into the request body).
 *
 * @example
 * ```ts
 * return invalid([{ field: '/applicant/iin', code: 'iin_checksum', message: 'The IIN check digit does not match.' }]);
 * ```
 */
export function invalid(errors: FieldError[]): Failure {
  return fail(422, 'validation_failed', {
    detail: `${String(errors.length)} field${errors.length === 1 ? ' is' : 's are'} not valid.`,
    errors,
  });
}

/** Builds a {@link Success}. */
export function ok<T>(status: number, body: T, headers: ResponseHeaders = {}): Success<T> {
  return { ok: true, status, body, headers };
}

/** Thrown inside an operation to stop it with a problem; the operation turns it into its {@link Failure}. */
export class ProblemError extends Error {
  override name = 'ProblemError' as const;
  constructor(readonly failure: Failure) {
    super(failure.body.title);
  }
}

/** Throws a {@link ProblemError}; for refusals deep inside a transaction (rolls it back). */
export function refuse(status: number, code: ProblemCode, options: ProblemOptions = {}): never {
  throw new ProblemError(fail(status, code, options));
}
