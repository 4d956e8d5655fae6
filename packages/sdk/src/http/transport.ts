// SPDX-License-Identifier: MIT
import ky from 'ky';
import {
  KcAbortError,
  KcContractError,
  type KcError,
  KcHttpError,
  KcNetworkError,
  KcRateLimitError,
  KcTimeoutError,
  KcValidationError,
  isKcError,
  type KcProblem,
} from '../errors/errors.js';
import { parseAnswer, validate, type AnySchema } from '../validation/validate.js';
import { backoff, parseRetryAfter, retryPolicy, type FullRetryPolicy, type RetryPolicy } from './retry.js';

/**
 * Supplies the citizen's identity token (a signed token from the host portal's own sign-in), sent as
 * `Authorization: Bearer`. Called before every request; called again with `refresh: true`, once, after a 401.
 * Return `null` or `undefined` for an anonymous request.
 *
 * @example
 * ```ts
 * const getToken: TokenProvider = ({ refresh }) => (refresh ? portal.refreshToken() : portal.token());
 * ```
 */
export type TokenProvider = (context: {
  refresh: boolean;
}) => string | null | undefined | Promise<string | null | undefined>;

/**
 * What the transport needs: the client's options (see `ClientOptions`), and the current locale.
 *
 * @example
 * ```ts
 * const transport = new Transport({ baseUrl: '/api/v1', timeout: 10_000 });
 * ```
 */
export interface TransportOptions {
  /** The API's base URL, e.g. `https://kc.example.kz/api/v1`. */
  baseUrl: string;
  /**
   * The `fetch` to use.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Milliseconds allowed for each attempt, headers and body.
   * @default 15000
   */
  timeout?: number | undefined;
  /** How failed requests are retried. */
  retry?: RetryPolicy | undefined;
  /** The citizen's identity token (`Authorization: Bearer`), asked again once after a 401. */
  getToken?: TokenProvider | undefined;
  /** The current language, asked on every request and sent as `Accept-Language`. */
  locale?: () => string;
  /**
   * The largest answer body accepted, in bytes; a larger one is a `KcContractError`.
   * @default 2000000
   */
  maxBodyBytes?: number | undefined;
}

/**
 * One call of the HTTP contract, as given to {@link Transport.request}.
 *
 * @example
 * ```ts
 * const { data } = await kc.request({ operation: 'getQueue', path: 'queue', schema: getQueueResponse });
 * ```
 */
export interface KcRequest<T = unknown> {
  /** The contract's `operationId`, named in errors. */
  operation: string;
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path below `baseUrl`, without a leading slash (`complaints/lookup`). Encode path parameters. */
  path: string;
  /** Query parameters; `undefined` ones are left out. Never put personal data here. */
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** Any other body (a `FormData`, a `Blob`). */
  body?: BodyInit;
  /** Extra headers; `undefined` ones are left out. */
  headers?: Record<string, string | undefined>;
  /** Sent as `Idempotency-Key`; makes an unsafe request safe to retry. */
  idempotencyKey?: string;
  /** The schema of a success answer's body; without one the body is not read. */
  schema?: AnySchema;
  /** Aborts the call, including waits between retries. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's retry policy for this call. */
  retry?: RetryPolicy;
  /** Overrides the client's `fetch` for this call (an upload with progress). */
  fetch?: typeof globalThis.fetch;
  /** @internal Phantom, never set. */
  readonly __type?: T;
}

/**
 * The success answer of a {@link KcRequest}.
 *
 * @example
 * ```ts
 * const { status, headers, data } = await kc.request({ operation: 'getConfig', path: 'config', schema: Config });
 * ```
 */
export interface KcResponse<T> {
  status: number;
  headers: Headers;
  /** The validated body; `undefined` for 204, 304 and calls without a schema. */
  data: T;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const decoder = () => new TextDecoder();

async function readText(response: Response, max: number, operation: string): Promise<string> {
  const size = (keyword: string) => new KcContractError(operation, [{ path: 'body', keyword }]);
  if (Number(response.headers.get('content-length')) > max) {
    void response.body?.cancel().catch(() => undefined);
    throw size('size');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const text = decoder();
  let out = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out + text.decode();
    total += value.byteLength;
    if (total > max) {
      void reader.cancel().catch(() => undefined);
      throw size('size');
    }
    out += text.decode(value, { stream: true });
  }
}

const isJson = (response: Response) => /[/+]json\b/i.test(response.headers.get('content-type') ?? '');

function problemOf(response: Response, text: string): KcProblem | undefined {
  if (!isJson(response)) return undefined;
  try {
    const body = JSON.parse(text) as KcProblem;
    return body && typeof body.code === 'string' && typeof body.status === 'number' ? body : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The HTTP layer: one attempt through ky, our own retry loop around it (so that the wait can be injected, 409
 * `idempotency_in_flight` is waited on and a 401 asks for a fresh token), per-attempt timeout covering the body,
 * a size guard, and every failure turned into a {@link KcError}.
 *
 * @example
 * ```ts
 * const { data } = await kc.transport.request({ operation: 'getQueueStatus', path: 'queue', schema: QueueStatus });
 * ```
 */
export class Transport {
  /** The base URL, ending with `/`. */
  readonly baseUrl: string;
  readonly #options: TransportOptions;
  readonly #policy: FullRetryPolicy;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/?$/, '/');
    this.#policy = retryPolicy(options.retry);
  }

  /** The client's retry policy with its defaults. */
  get policy(): FullRetryPolicy {
    return this.#policy;
  }

  /**
   * Sends one call of the contract with retries and returns its validated answer.
   *
   * @throws {@link KcHttpError}, {@link KcValidationError}, {@link KcRateLimitError}, {@link KcNetworkError},
   *   {@link KcTimeoutError}, {@link KcContractError}, {@link KcAbortError}
   * @example
   * ```ts
   * const { data } = await transport.request({ operation: 'getQueue', path: 'queue', schema: getQueueResponse });
   * ```
   */
  async request<T>(spec: KcRequest<T>): Promise<KcResponse<T>> {
    const policy = spec.retry ? { ...this.#policy, ...spec.retry } : this.#policy;
    const method = spec.method ?? 'GET';
    const retryable = safeMethods.has(method) || spec.idempotencyKey !== undefined;
    let retries = 0;
    let inFlight = 0;
    let refresh = false;
    let refreshed = false;
    for (;;) {
      let response: Response;
      let text: string;
      try {
        ({ response, text } = await this.#attempt(spec, method, refresh));
      } catch (error) {
        if (
          !retryable ||
          retries >= policy.limit ||
          !(error instanceof KcNetworkError || error instanceof KcTimeoutError)
        )
          throw error;
        await this.#wait(backoff(policy, retries++), spec.signal);
        continue;
      }
      const { status } = response;
      if (status < 300 || status === 304) return this.#success<T>(spec, response, text);
      const problem = problemOf(response, text);
      const after =
        parseRetryAfter(response.headers.get('retry-after'), policy.now()) ??
        (problem?.retryAfterSeconds === undefined ? undefined : problem.retryAfterSeconds * 1000);
      const error = toError(status, problem, after);
      if (status === 401 && this.#options.getToken && !refreshed) {
        refresh = refreshed = true;
        continue;
      }
      refresh = false;
      if (status === 409 && problem?.code === 'idempotency_in_flight' && inFlight++ < policy.inFlightLimit) {
        await this.#wait(Math.min(after ?? 1000, policy.maxRetryAfter), spec.signal);
        continue;
      }
      const transient = status === 408 || status === 429 || status >= 500;
      const closed = (problem?.code === 'center_closed' || problem?.code === 'outage') && after === undefined;
      if (!transient || closed || !retryable || retries >= policy.limit || (after ?? 0) > policy.maxRetryAfter)
        throw error;
      await this.#wait(after ?? backoff(policy, retries), spec.signal);
      retries++;
    }
  }

  async #wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#policy.sleep(ms, signal);
    } catch (reason) {
      throw new KcAbortError('Aborted', { cause: reason });
    }
  }

  /**
   * Performs a single attempt and returns the response with its body read (not for streams: see
   * {@link Transport.open}).
   */
  async #attempt(spec: KcRequest<unknown>, method: string, refresh: boolean) {
    return this.#send(spec, method, refresh, async (response, signal) => {
      const text = await readText(response, this.#options.maxBodyBytes ?? 2_000_000, spec.operation);
      if (signal.aborted) throw signal.reason;
      return { response, text };
    });
  }

  /**
   * Opens a response whose body the caller reads itself (an event stream): no timeout once the headers arrived,
   * no retries.
   *
   * @throws {@link KcNetworkError}, {@link KcTimeoutError}, {@link KcAbortError}
   * @example
   * ```ts
   * const response = await transport.open({ operation: 'watchOutages', path: 'outages/events' });
   * ```
   */
  open(spec: KcRequest<unknown>): Promise<Response> {
    return this.#send(spec, spec.method ?? 'GET', false, (response) => Promise.resolve(response), true);
  }

  async #send<R>(
    spec: KcRequest<unknown>,
    method: string,
    refresh: boolean,
    read: (response: Response, signal: AbortSignal) => Promise<R>,
    headersOnly = false,
  ): Promise<R> {
    const user = spec.signal;
    if (user?.aborted) throw new KcAbortError('Aborted', { cause: user.reason });
    const timeout = new AbortController();
    const signal = user ? AbortSignal.any([user, timeout.signal]) : timeout.signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    // Raced rather than trusted to propagate: Node 20 may collect an AbortSignal.any() signal (ky makes one)
    // with its listeners, and then an abort never reaches fetch.
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timeout.abort();
        reject(timeout.signal.reason as Error);
      }, this.#options.timeout ?? 15_000);
      user?.addEventListener('abort', (onAbort = () => reject(user.reason as Error)), { once: true });
    });
    const work = async () => {
      const token = await this.#options.getToken?.({ refresh });
      const headers: Record<string, string> = {};
      const all = {
        'accept-language': this.#options.locale?.(),
        authorization: token ? `Bearer ${token}` : undefined,
        'idempotency-key': spec.idempotencyKey,
        ...spec.headers,
      };
      for (const [name, value] of Object.entries(all)) if (value !== undefined) headers[name] = value;
      const query: Record<string, string> = {};
      for (const [name, value] of Object.entries(spec.query ?? {}))
        if (value !== undefined) query[name] = String(value);
      const response = await ky(spec.path, {
        prefixUrl: this.baseUrl,
        method,
        headers,
        searchParams: query,
        signal,
        fetch: spec.fetch ?? this.#options.fetch,
        timeout: false,
        retry: 0,
        throwHttpErrors: false,
        ...(spec.json === undefined ? { body: spec.body } : { json: spec.json }),
      });
      if (headersOnly) {
        clearTimeout(timer);
        user?.removeEventListener('abort', onAbort!);
      }
      return read(response, signal);
    };
    try {
      return await Promise.race([work(), stop]);
    } catch (error) {
      if (user?.aborted) throw new KcAbortError('Aborted', { cause: user.reason });
      if (timeout.signal.aborted) throw new KcTimeoutError(`${spec.operation} timed out`, { cause: error });
      if (isKcError(error)) throw error;
      throw new KcNetworkError(`${spec.operation} failed: network error`, { cause: error });
    } finally {
      clearTimeout(timer);
      if (onAbort) user?.removeEventListener('abort', onAbort);
    }
  }

  #success<T>(spec: KcRequest<T>, response: Response, text: string): KcResponse<T> {
    const result = { status: response.status, headers: response.headers, data: undefined as T };
    if (!spec.schema || response.status === 204 || response.status === 304) return result;
    if (!isJson(response)) throw new KcContractError(spec.operation, [{ path: 'body', keyword: 'content-type' }]);
    let body: unknown;
    try {
      body = parseAnswer(text);
    } catch {
      throw new KcContractError(spec.operation, [{ path: 'body', keyword: 'json' }]);
    }
    result.data = validate(spec.schema, body, spec.operation) as T;
    return result;
  }
}

/**
 * Turns an error answer into the matching {@link KcError}.
 *
 * @example
 * ```ts
 * throw toError(429, problem, 30_000); // KcRateLimitError with retryAfter 30
 * ```
 */
export function toError(status: number, problem: KcProblem | undefined, retryAfterMs?: number): KcError {
  const seconds = retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000);
  if ((status === 400 || status === 422) && problem?.code === 'validation_failed')
    return new KcValidationError(problem.errors ?? [], problem);
  return new (status === 429 ? KcRateLimitError : KcHttpError)(status, problem, seconds);
}

/**
 * Whether a failure may succeed later unchanged, so that a queued item stays in the outbox: network errors,
 * timeouts, 408, 409 `idempotency_in_flight`, 429 and 5xx.
 *
 * @example
 * ```ts
 * if (isTransient(error)) keepQueued();
 * ```
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof KcNetworkError || error instanceof KcTimeoutError) return true;
  if (!(error instanceof KcHttpError)) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500 || error.code === 'idempotency_in_flight';
}
