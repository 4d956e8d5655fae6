// SPDX-License-Identifier: MIT
/**
 * Every operation of the HTTP contract as data, derived from the document when the types are generated (a small
 * table, so that a browser bundle routing by `operationId` does not carry the whole document): method, path, operationId,
 * whether it is unsafe and takes an `Idempotency-Key`, its security, and the events of a stream. Hosts route by
 * `operationId`; the contract suite walks {@link contractOperations}.
 *
 * @packageDocumentation
 */
import type { operations } from './generated/openapi.js';
import { operationTable } from './generated/operation-table.js';

/** The path prefix of the citizen API; operator paths start with `/operator` under it. */
export const API_BASE_PATH = '/api/v1';

/** The `operationId` of every operation of the contract. */
export type OperationId = keyof operations;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The security schemes of the contract. */
export type SecuritySchemeName = 'portalJwt' | 'chatSession' | 'complaintView' | 'callbackToken' | 'operatorBearer';

/** The headers that carry the citizen tokens (never a URL). */
export const TOKEN_HEADERS = {
  chatSession: 'X-Kc-Chat-Token',
  complaintView: 'X-Kc-View-Token',
  callbackToken: 'X-Kc-Callback-Token',
} as const;

/** One way to be allowed to call an operation: every scheme named, with the roles listed (operator schemes). */
export type SecurityRequirement = Readonly<Partial<Record<SecuritySchemeName, readonly string[]>>>;

export interface ContractOperation {
  readonly operationId: OperationId;
  readonly method: HttpMethod;
  /** The path template relative to {@link API_BASE_PATH}, e.g. `/chat/sessions/{sessionId}/messages`. */
  readonly path: string;
  /** The full path template, e.g. `/api/v1/chat/sessions/{sessionId}/messages`. */
  readonly fullPath: string;
  readonly tags: readonly string[];
  /** Part of the operator API (`/operator/…`). */
  readonly operator: boolean;
  /** POST, PUT, PATCH or DELETE. */
  readonly unsafe: boolean;
  /** Whether the `Idempotency-Key` header is required (every unsafe citizen operation). */
  readonly requiresIdempotencyKey: boolean;
  /** Whether the `Idempotency-Key` header is accepted at all. */
  readonly acceptsIdempotencyKey: boolean;
  /** Alternatives, any one of which suffices; `{}` means anonymous access. */
  readonly security: readonly SecurityRequirement[];
  /** Whether a caller with no token at all may call it. */
  readonly anonymous: boolean;
  /** A Server-Sent Events stream. */
  readonly stream: boolean;
  /** The event names of a stream (from `x-events`); empty otherwise. */
  readonly events: readonly string[];
  /** The status codes declared, e.g. `['200', '400', '429']`. */
  readonly statuses: readonly string[];
}

/** Every operation of the contract, in document order. */
export const contractOperations: readonly ContractOperation[] = operationTable;

// Marked pure so that a bundle that uses only the IIN or calendar helpers of `@kc/contract` drops the table too.
/** The operations by `operationId`. */
export const operationsById: Readonly<Record<OperationId, ContractOperation>> = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.fromEntries(contractOperations.map((op) => [op.operationId, op])) as Record<
    OperationId,
    ContractOperation
  >,
);

/**
 * Fills a path template: `expandPath('/callbacks/{callbackId}', { callbackId })`. Values are URI-encoded.
 *
 * @throws {Error} when a parameter of the template is missing.
 */
export function expandPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`[kc] missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}
