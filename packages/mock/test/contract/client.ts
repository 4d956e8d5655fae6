// SPDX-License-Identifier: MIT
/**
 * The contract suite's HTTP client: calls an operation by `operationId`, then checks the answer against the
 * contract — the status is declared for that operation, the content type is declared for that status, the body is
 * valid against the declared schema — and records which operations were exercised with valid and invalid input.
 */
import type { OperationId } from '@kc/contract';
import { operationInfoById, sharedContractValidator, type OperationInfo } from '@kc/mock';

/**
 * A JSON value read from an answer. The suite has already checked it against the contract's schema, so tests read
 * it freely instead of restating the generated types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** What a call sends. */
export interface CallInput {
  params?: Record<string, string>;
  query?: Record<string, string | readonly string[]>;
  headers?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as it is (with `contentType`), instead of `body`. */
  raw?: BodyInit;
  contentType?: string;
  /**
   * The `Idempotency-Key`: a fresh one by default for operations that take the header, a given one, or `false` to
   * send none.
   */
  idempotencyKey?: string | false;
  /** Which credential goes in `Authorization: Bearer`, if any. */
  bearer?: string;
}

/** What the call must answer. */
export interface Expectation {
  /**
   * `valid` input must succeed (2xx/3xx); `invalid` input must be refused (4xx); `ignored` is invalid input the
   * contract tells a host to ignore (a stale `If-None-Match`, a token an anonymous operation does not need): it must
   * succeed, and counts as an invalid call for coverage.
   */
  kind: 'valid' | 'invalid' | 'ignored';
  /** The status, or any of these. */
  status: number | readonly number[];
  /** For a problem answer, its `code`, or any of these. */
  code?: string | readonly string[];
}

/** A checked answer. */
export interface Answer<T = Json> {
  status: number;
  headers: Headers;
  contentType: string;
  /** The parsed JSON body, the text of a text body, `undefined` when empty. */
  body: T;
}

/** One event read from a stream. */
export interface StreamEventRead {
  id: number;
  event: string;
  data: Json;
}

/** The configuration of a {@link ContractClient}. */
export interface ClientOptions {
  baseUrl: () => string;
  fetch: () => typeof fetch;
}

const JSON_TYPES = new Set(['application/json', 'application/problem+json']);

/** Generates a fresh `Idempotency-Key` (a UUID). */
export const newKey = (): string => globalThis.crypto.randomUUID();

/** Fails with `message` when `condition` is false. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`[contract] ${message}`);
}

/** Parses `text/event-stream` text into events (comments and `retry:` skipped). */
export function parseEvents(text: string): { events: StreamEventRead[]; rest: string } {
  const events: StreamEventRead[] = [];
  const blocks = text.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0 && id === undefined) continue;
    check(id !== undefined && /^\d{1,19}$/.test(id), `an event without a decimal id: ${block}`);
    events.push({ id: Number(id), event, data: JSON.parse(data.join('\n')) });
  }
  return { events, rest };
}

/** Calls the operations of the contract against one host and checks every answer. */
export class ContractClient {
  readonly validator = sharedContractValidator();
  /** `operationId` → which kinds of input it was exercised with. */
  readonly coverage = new Map<OperationId, { valid: number; invalid: number }>();

  constructor(private readonly options: ClientOptions) {}

  private url(op: OperationInfo, input: CallInput): string {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = input.params?.[name];
      check(value !== undefined, `${op.operationId}: missing path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(input.query ?? {})) {
      for (const v of typeof value === 'string' ? [value] : value) search.append(name, v);
    }
    const query = search.toString();
    return `${this.options.baseUrl().replace(/\/$/, '')}${path}${query ? `?${query}` : ''}`;
  }

  private request(op: OperationInfo, input: CallInput, signal?: AbortSignal): Promise<Response> {
    const headers = new Headers(input.headers);
    if (input.bearer !== undefined) headers.set('Authorization', `Bearer ${input.bearer}`);
    if (op.acceptsIdempotencyKey && input.idempotencyKey !== false && !headers.has('Idempotency-Key')) {
      headers.set('Idempotency-Key', input.idempotencyKey ?? newKey());
    }
    let body: BodyInit | undefined;
    if (input.raw !== undefined) {
      body = input.raw;
      if (input.contentType) headers.set('Content-Type', input.contentType);
    } else if (input.body !== undefined) {
      body = JSON.stringify(input.body);
      headers.set('Content-Type', input.contentType ?? 'application/json');
    }
    const init: RequestInit = { method: op.method, headers };
    if (body !== undefined) init.body = body;
    if (signal) init.signal = signal;
    return this.options.fetch()(this.url(op, input), init);
  }

  private record(op: OperationInfo, kind: Expectation['kind']): void {
    const seen = this.coverage.get(op.operationId) ?? { valid: 0, invalid: 0 };
    seen[kind === 'valid' ? 'valid' : 'invalid'] += 1;
    this.coverage.set(op.operationId, seen);
  }

  /** Checks status, content type and body of an answer against the contract and the expectation. */
  private verify(op: OperationInfo, status: number, contentType: string, body: unknown, expect: Expectation): void {
    const where = `${op.operationId} → ${String(status)}`;
    const declared = op.responses[String(status)];
    check(
      declared,
      `${where}: the contract does not declare this status (declared: ${op.statuses.join(', ')}); body: ${JSON.stringify(body)?.slice(0, 400)}`,
    );
    const wanted = typeof expect.status === 'number' ? [expect.status] : expect.status;
    check(
      wanted.includes(status),
      `${where}: expected ${wanted.join(' or ')}; body: ${JSON.stringify(body)?.slice(0, 400)}`,
    );
    if (expect.kind !== 'invalid') check(status < 400, `${where}: the input was refused`);
    else check(status >= 400 && status < 500, `${where}: invalid input was not refused with a 4xx`);
    const types = Object.keys(declared.content);
    if (types.length === 0) {
      check(body === undefined, `${where}: the contract declares no body, got ${JSON.stringify(body)?.slice(0, 200)}`);
      return;
    }
    check(
      types.includes(contentType),
      `${where}: content type ${contentType || '(none)'} is not declared (${types.join(', ')})`,
    );
    const schemaRef = declared.content[contentType];
    if (schemaRef && JSON_TYPES.has(contentType)) {
      const issues = this.validator.validate(schemaRef, body);
      check(issues.length === 0, `${where}: the body breaks the schema: ${JSON.stringify(issues.slice(0, 5))}`);
    }
    if (expect.code !== undefined) {
      const codes = typeof expect.code === 'string' ? [expect.code] : expect.code;
      const code = (body as { code?: string } | undefined)?.code;
      check(
        code !== undefined && codes.includes(code),
        `${where}: expected problem code ${codes.join(' or ')}, got ${JSON.stringify(body)?.slice(0, 300)}`,
      );
    }
  }

  /**
   * Calls `operationId` and checks the answer.
   *
   * @throws when the answer breaks the contract or the expectation.
   */
  async call<T = Json>(operationId: OperationId, input: CallInput, expect: Expectation): Promise<Answer<T>> {
    const op = operationInfoById[operationId];
    check(op, `the contract has no operation ${operationId}`);
    const controller = new AbortController();
    const response = await this.request(op, input, op.stream ? controller.signal : undefined);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let body: unknown;
    if (contentType === 'text/event-stream') {
      controller.abort();
      body = undefined;
    } else {
      const text = await response.text();
      if (text === '') body = undefined;
      else if (JSON_TYPES.has(contentType)) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error(
            `[contract] ${operationId} → ${String(response.status)}: the body is not JSON: ${text.slice(0, 200)}`,
          );
        }
      } else body = text;
    }
    if (
      response.status === 429 ||
      (response.status === 409 && (body as { code?: string })?.code === 'idempotency_in_flight')
    ) {
      check(response.headers.has('Retry-After'), `${operationId} → ${String(response.status)}: Retry-After is missing`);
    }
    this.verify(op, response.status, contentType, body, expect);
    this.record(op, expect.kind);
    return { status: response.status, headers: response.headers, contentType, body: body as T };
  }

  /**
   * Opens a stream operation and reads events until `until` says enough, the stream ends, or `timeoutMs` passes.
   * Checks the answer, every event's id (decimal, increasing), name (listed in `x-events`) and payload (valid against
   * its schema), and that a stream starts with `retry:`.
   */
  async stream(
    operationId: OperationId,
    input: CallInput,
    options: { until?: (events: StreamEventRead[]) => boolean; timeoutMs?: number } = {},
  ): Promise<{ events: StreamEventRead[]; ended: boolean; text: string }> {
    const op = operationInfoById[operationId];
    check(op?.stream, `${operationId} is not a stream operation`);
    const controller = new AbortController();
    const response = await this.request(op, input, controller.signal);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (response.status !== 200) {
      const text = await response.text();
      throw new Error(
        `[contract] ${operationId}: expected a stream, got ${String(response.status)} ${text.slice(0, 300)}`,
      );
    }
    this.verify(op, 200, contentType, '', { kind: 'valid', status: 200 });
    check(response.body, `${operationId}: the stream has no body`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let buffer = '';
    const events: StreamEventRead[] = [];
    let ended = false;
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 2000);
    try {
      while (!(options.until?.(events) ?? false)) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        const parsed = parseEvents(buffer + chunk);
        buffer = parsed.rest;
        events.push(...parsed.events);
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    check(/^retry: \d+\r?\n/.test(text), `${operationId}: the stream does not start with retry:`);
    let last = 0;
    for (const e of events) {
      check(e.id > last, `${operationId}: event ids must increase (${String(last)} then ${String(e.id)})`);
      last = e.id;
      const schemaRef = op.eventSchemas[e.event];
      check(schemaRef, `${operationId}: event "${e.event}" is not listed in x-events`);
      const issues = this.validator.validate(schemaRef, e.data);
      check(
        issues.length === 0,
        `${operationId}: event ${e.event} #${String(e.id)} breaks its schema: ${JSON.stringify(issues.slice(0, 5))}`,
      );
    }
    this.record(op, 'valid');
    return { events, ended, text };
  }
}
