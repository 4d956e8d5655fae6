// SPDX-License-Identifier: MIT
import type { FastifyReply } from 'fastify';
import { fail, type Failure } from '@kc/backend';
import type { FieldError, ProblemCode } from '@kc/contract';

/** Sends a backend {@link Failure} as `application/problem+json` with its headers (`Retry-After`). */
export function sendFailure(reply: FastifyReply, failure: Failure, instance?: string): FastifyReply {
  const body = instance && failure.body.instance === undefined ? { ...failure.body, instance } : failure.body;
  return reply
    .code(failure.status)
    .headers(failure.headers)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}

/**
 * Sends a problem built from a status and a code.
 *
 * @example
 * ```ts
 * return sendProblem(reply, 415, 'unsupported_media_type', { detail: 'Accepted: PDF, JPEG, PNG.' });
 * ```
 */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: ProblemCode,
  options: { detail?: string; errors?: FieldError[]; retryAfterSeconds?: number; instance?: string } = {},
): FastifyReply {
  return sendFailure(reply, fail(status, code, options));
}
