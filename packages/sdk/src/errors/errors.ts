// SPDX-License-Identifier: MIT

/**
 * A field that failed a check: `field` is a JSON pointer into the request (`/applicant/iin`).
 *
 * @example
 * ```ts
 * for (const { field, code } of error.fieldErrors) form.showError(field, code);
 * ```
 */
export interface KcFieldError {
  /** A JSON pointer into the request body (`/applicant/iin`), or `query.<name>` / `header.<name>`. */
  field: string;
  /** A stable code: a JSON Schema keyword (`required`, `pattern`…) or a rule (`iin_checksum`…). */
  code: string;
  /** An English message for developers; show your own localized text chosen by `code`. */
  message: string;
}

/**
 * The RFC 9457 problem document the server answered with (only the fields kc reads).
 *
 * @example
 * ```ts
 * const next = (error as KcHttpError).problem?.nextOpeningAt;
 * ```
 */
export interface KcProblem {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  errors?: KcFieldError[];
  retryAfterSeconds?: number;
  [extension: string]: unknown;
}

// Symbol.for() keys live in the registry shared by every realm of the page (iframes, workers), unlike classes.
const brand = Symbol.for('kc.error');

/**
 * The base of every error the SDK throws. Check with {@link isKcError}, which also recognises errors from another
 * realm (an iframe) or another copy of the SDK, where `instanceof` fails.
 *
 * @example
 * ```ts
 * try {
 *   await complaints(kc).lookup(number, code);
 * } catch (error) {
 *   if (isKcError(error)) console.warn(error.name);
 * }
 * ```
 */
export class KcError extends Error {
  override name: string = 'KcError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * The server answered with an error status (RFC 9457 `application/problem+json`, or anything else a proxy sent).
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isKcHttpError(error) && error.code === 'center_closed') showClosed(error.problem?.nextOpeningAt);
 * }
 * ```
 */
export class KcHttpError extends KcError {
  override name: 'KcHttpError' | 'KcRateLimitError' = 'KcHttpError';
  /** The HTTP status. */
  readonly status: number;
  /** The problem's stable `code` (`not_found`, `center_closed`…); `http_<status>` when the body was no problem document. */
  readonly code: string;
  /** The problem's `title`, for developers. */
  readonly title: string | undefined;
  /** The problem's `detail`, for developers. */
  readonly detail: string | undefined;
  /** Per-field errors of the problem (empty when none). */
  readonly fieldErrors: KcFieldError[];
  /** The whole problem document, when the body was one. */
  readonly problem: KcProblem | undefined;
  /** Seconds the server asked to wait (`Retry-After`), when it said so. */
  readonly retryAfter: number | undefined;
  constructor(status: number, problem?: KcProblem, retryAfter?: number) {
    super(`HTTP ${status}${problem ? ` ${problem.code}` : ''}`);
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? `http_${status}`;
    this.title = problem?.title;
    this.detail = problem?.detail;
    this.fieldErrors = problem?.errors ?? [];
    this.retryAfter = retryAfter ?? problem?.retryAfterSeconds;
  }
}

/**
 * The server refused because of too many requests (429). `retryAfter` says how many seconds to wait.
 *
 * @example
 * ```ts
 * if (isKcRateLimitError(error)) retryIn(error.retryAfter ?? 30);
 * ```
 */
export class KcRateLimitError extends KcHttpError {
  override name = 'KcRateLimitError' as const;
}

/**
 * Some fields are not valid: from the server (400 / 422 `validation_failed`) or from the SDK's own checks before
 * anything was sent (then `status` is `undefined`). `fieldErrors` holds one entry per field.
 *
 * @example
 * ```ts
 * if (isKcValidationError(error)) for (const f of error.fieldErrors) showError(f.field, f.code);
 * ```
 */
export class KcValidationError extends KcError {
  override name = 'KcValidationError' as const;
  /** The HTTP status (400 or 422), or `undefined` when the SDK found the errors before sending. */
  readonly status: number | undefined;
  /** The problem `code` (`validation_failed`), or `client_validation` for the SDK's own checks. */
  readonly code: string;
  /** One entry per field. */
  readonly fieldErrors: KcFieldError[];
  /** The server's problem document, when there was one. */
  readonly problem: KcProblem | undefined;
  constructor(fieldErrors: KcFieldError[], problem?: KcProblem) {
    super(`Not valid: ${fieldErrors.map((f) => `${f.field} (${f.code})`).join(', ') || problem?.code}`);
    this.fieldErrors = fieldErrors;
    this.problem = problem;
    this.status = problem?.status;
    this.code = problem?.code ?? 'client_validation';
  }
}

/**
 * The request did not reach the server or its answer did not reach us (offline, DNS, connection reset, CORS).
 *
 * @example
 * ```ts
 * if (isKcNetworkError(error)) showOffline();
 * ```
 */
export class KcNetworkError extends KcError {
  override name = 'KcNetworkError' as const;
}

/**
 * An attempt took longer than the `timeout` option (after the retries the policy allows).
 *
 * @example
 * ```ts
 * if (isKcTimeoutError(error)) showSlowNetwork();
 * ```
 */
export class KcTimeoutError extends KcError {
  override name = 'KcTimeoutError' as const;
}

/**
 * One way an answer broke the contract: where (a JSON pointer) and which rule; never the value itself.
 *
 * @example
 * ```ts
 * report(error.issues.map((i: KcContractIssue) => `${i.path} ${i.keyword}`));
 * ```
 */
export interface KcContractIssue {
  /** A JSON pointer into the answer (`/status`), or `body` for the whole body. */
  path: string;
  /** The broken rule: a JSON Schema keyword (`type`, `enum`, `required`…), or `json`, `content-type`, `size`. */
  keyword: string;
}

/**
 * The server's answer broke the contract (not JSON, truncated, wrong types, unknown enum values, too large). The
 * message names the operation and the failing paths and rules, never the values, which may be personal data.
 *
 * @example
 * ```ts
 * if (isKcContractError(error)) report(error.operation, error.issues);
 * ```
 */
export class KcContractError extends KcError {
  override name = 'KcContractError' as const;
  /** The contract's `operationId` of the call (`submitComplaint`), or the stream's name. */
  readonly operation: string;
  /** What was wrong (at most 10 entries). */
  readonly issues: KcContractIssue[];
  constructor(operation: string, issues: KcContractIssue[]) {
    super(
      `The answer to ${operation} breaks the contract: ${issues.map((i) => `${i.path} (${i.keyword})`).join(', ')}`,
    );
    this.operation = operation;
    this.issues = issues;
  }
}

/**
 * The caller aborted the call through its `AbortSignal`; `cause` is the signal's reason.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (isKcAbortError(error)) return; // the user moved on
 * }
 * ```
 */
export class KcAbortError extends KcError {
  override name = 'KcAbortError' as const;
}

const is =
  <T extends KcError>(...names: string[]) =>
  (error: unknown): error is T =>
    typeof error === 'object' &&
    error !== null &&
    (error as { [brand]?: unknown })[brand] === true &&
    (names.length === 0 || names.includes((error as Error).name));

/**
 * Whether `error` is any error of the SDK, also from another realm or another copy of the SDK.
 *
 * @example
 * ```ts
 * if (isKcError(error)) console.warn(error.name);
 * ```
 */
export const isKcError: (error: unknown) => error is KcError = is();
/**
 * Whether `error` is a {@link KcHttpError} (including {@link KcRateLimitError}).
 *
 * @example
 * ```ts
 * if (isKcHttpError(error) && error.status === 404) showNotFound();
 * ```
 */
export const isKcHttpError: (error: unknown) => error is KcHttpError = is('KcHttpError', 'KcRateLimitError');
/**
 * Whether `error` is a {@link KcRateLimitError}.
 *
 * @example
 * ```ts
 * if (isKcRateLimitError(error)) wait(error.retryAfter);
 * ```
 */
export const isKcRateLimitError: (error: unknown) => error is KcRateLimitError = is('KcRateLimitError');
/**
 * Whether `error` is a {@link KcValidationError}.
 *
 * @example
 * ```ts
 * if (isKcValidationError(error)) showFieldErrors(error.fieldErrors);
 * ```
 */
export const isKcValidationError: (error: unknown) => error is KcValidationError = is('KcValidationError');
/**
 * Whether `error` is a {@link KcNetworkError}.
 *
 * @example
 * ```ts
 * if (isKcNetworkError(error)) showOffline();
 * ```
 */
export const isKcNetworkError: (error: unknown) => error is KcNetworkError = is('KcNetworkError');
/**
 * Whether `error` is a {@link KcTimeoutError}.
 *
 * @example
 * ```ts
 * if (isKcTimeoutError(error)) showSlowNetwork();
 * ```
 */
export const isKcTimeoutError: (error: unknown) => error is KcTimeoutError = is('KcTimeoutError');
/**
 * Whether `error` is a {@link KcContractError}.
 *
 * @example
 * ```ts
 * if (isKcContractError(error)) report(error.operation);
 * ```
 */
export const isKcContractError: (error: unknown) => error is KcContractError = is('KcContractError');
/**
 * Whether `error` is a {@link KcAbortError}.
 *
 * @example
 * ```ts
 * if (isKcAbortError(error)) return;
 * ```
 */
export const isKcAbortError: (error: unknown) => error is KcAbortError = is('KcAbortError');
