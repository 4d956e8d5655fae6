// SPDX-License-Identifier: MIT
/**
 * The operator API of the reference server, as the console uses it: `fetch` with the operator's bearer token,
 * problem+json answers turned into {@link ApiError}, and the operator event stream read with `fetch` (so that it
 * can send `Authorization`) and resumed with `Last-Event-ID`.
 *
 * @packageDocumentation
 */
import type {
  CallbackCompleteInput,
  Complaint,
  ComplaintPage,
  ComplaintStatus,
  ComplaintTransitionInput,
  ComplaintUpdateInput,
  Config,
  IndicatorReport,
  OperatorCallback,
  OperatorCallbackPage,
  OperatorChatCloseInput,
  OperatorChatDetail,
  OperatorChatPage,
  OperatorChatSummary,
  OperatorEvent,
  OperatorMessageInput,
  ChatMessage,
  ChatStatus,
  Outage,
  OutageInput,
  OutageList,
  Problem,
  TransferInput,
} from '@kc/contract';
// The answers' strings without bidirectional controls: a citizen's name or message cannot reorder the console's text.
import { parseAnswer } from '@kc/sdk';

/** An answer other than 2xx, with the problem document when the server sent one. */
export class ApiError extends Error {
  /** The HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The problem document (RFC 9457), when there is one. */
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One parsed Server-Sent Events message. */
export interface SseMessage {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: string;
}

/**
 * Parses an SSE byte stream already decoded to text, chunk by chunk. Returns the messages completed by `chunk` and
 * keeps the rest; `retry` lines update {@link SseParser.retryMs}.
 *
 * @example
 * ```ts
 * const parser = new SseParser();
 * parser.push('id: 1\nevent: a\ndata: {}\n\n'); // [{ id: '1', event: 'a', data: '{}' }]
 * ```
 */
export class SseParser {
  /** The reconnection delay the server asked for. @default 3000 */
  retryMs = 3000;
  #buffer = '';
  #id: string | undefined;
  #event = '';
  #data: string[] = [];

  push(chunk: string): SseMessage[] {
    this.#buffer += chunk;
    const out: SseMessage[] = [];
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    this.#buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.#data.length > 0) {
          out.push({ id: this.#id, event: this.#event || 'message', data: this.#data.join('\n') });
        }
        this.#id = undefined;
        this.#event = '';
        this.#data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'id') this.#id = value;
      else if (field === 'event') this.#event = value;
      else if (field === 'data') this.#data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    }
    return out;
  }
}

/** What {@link OperatorApi.watch} reports besides events. */
export type StreamState = 'connecting' | 'open' | 'retrying' | 'unauthorized';

/**
 * The operator API of one signed-in operator.
 *
 * @example
 * ```ts
 * const api = new OperatorApi('/api/v1', token);
 * const { items } = await api.complaints({ status: ['registered'] });
 * ```
 */
export class OperatorApi {
  readonly #base: string;
  readonly #token: string;
  /** The id of the last operator event received; a reconnect sends it as `Last-Event-ID`. */
  lastEventId: string | undefined;

  constructor(base: string, token: string) {
    this.#base = base.replace(/\/+$/, '');
    this.#token = token;
  }

  async #request(method: string, path: string, body?: unknown, query?: Query): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.#token}`, Accept: 'application/json' };
    if (method !== 'GET') headers['Idempotency-Key'] = crypto.randomUUID();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.#base}${path}${queryString(query)}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(0, undefined, error instanceof Error ? error.message : String(error));
    }
    if (res.ok) return res;
    let problem: Problem | undefined;
    if ((res.headers.get('content-type') ?? '').includes('json')) {
      problem = (await res.json().catch(() => undefined)) as Problem | undefined;
    }
    throw new ApiError(res.status, problem, problem?.detail ?? problem?.title ?? `HTTP ${res.status}`);
  }

  async #json<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const res = await this.#request(method, path, body, query);
    return parseAnswer(await res.text()) as T;
  }

  /** The center's public configuration (categories for transfers, the time zone). */
  config(): Promise<Config> {
    return this.#json('GET', '/config');
  }

  chats(query: { status?: ChatStatus; mine?: boolean; cursor?: string } = {}): Promise<OperatorChatPage> {
    return this.#json('GET', '/operator/chats', undefined, query);
  }
  chat(id: string): Promise<OperatorChatDetail> {
    return this.#json('GET', `/operator/chats/${encodeURIComponent(id)}`);
  }
  join(id: string): Promise<OperatorChatSummary> {
    return this.#json('POST', `/operator/chats/${encodeURIComponent(id)}/join`);
  }
  reply(id: string, input: OperatorMessageInput): Promise<ChatMessage> {
    return this.#json('POST', `/operator/chats/${encodeURIComponent(id)}/messages`, input);
  }
  async typing(id: string, typing: boolean): Promise<void> {
    await this.#request('POST', `/operator/chats/${encodeURIComponent(id)}/typing`, { typing });
  }
  async read(id: string, upToMessageId: string): Promise<void> {
    await this.#request('POST', `/operator/chats/${encodeURIComponent(id)}/read`, { upToMessageId });
  }
  transfer(id: string, input: TransferInput): Promise<OperatorChatSummary> {
    return this.#json('POST', `/operator/chats/${encodeURIComponent(id)}/transfer`, input);
  }
  closeChat(id: string, input: OperatorChatCloseInput): Promise<OperatorChatSummary> {
    return this.#json('POST', `/operator/chats/${encodeURIComponent(id)}/close`, input);
  }

  complaints(query: { status?: readonly ComplaintStatus[]; cursor?: string } = {}): Promise<ComplaintPage> {
    return this.#json('GET', '/operator/complaints', undefined, query);
  }
  complaint(id: string): Promise<Complaint> {
    return this.#json('GET', `/operator/complaints/${encodeURIComponent(id)}`);
  }
  transition(id: string, input: ComplaintTransitionInput): Promise<Complaint> {
    return this.#json('POST', `/operator/complaints/${encodeURIComponent(id)}/transitions`, input);
  }
  updateComplaint(id: string, input: ComplaintUpdateInput): Promise<Complaint> {
    return this.#json('PATCH', `/operator/complaints/${encodeURIComponent(id)}`, input);
  }

  /** Active and scheduled outages (the public list). */
  outages(): Promise<OutageList> {
    return this.#json('GET', '/outages');
  }
  publishOutage(input: OutageInput): Promise<Outage> {
    return this.#json('POST', '/operator/outages', input);
  }
  resolveOutage(id: string): Promise<Outage> {
    return this.#json('POST', `/operator/outages/${encodeURIComponent(id)}/resolve`, {});
  }

  callbacks(query: { status?: readonly string[]; cursor?: string } = {}): Promise<OperatorCallbackPage> {
    return this.#json('GET', '/operator/callbacks', undefined, query);
  }
  completeCallback(id: string, input: CallbackCompleteInput): Promise<OperatorCallback> {
    return this.#json('POST', `/operator/callbacks/${encodeURIComponent(id)}/complete`, input);
  }

  report(from: string, to: string): Promise<IndicatorReport> {
    return this.#json('GET', '/operator/reports/indicators', undefined, { from, to, format: 'json' });
  }
  /** The report's form rows as CSV (UTF-8 with BOM), as the server wrote it. */
  async reportCsv(from: string, to: string): Promise<Blob> {
    const res = await this.#request('GET', '/operator/reports/indicators', undefined, { from, to, format: 'csv' });
    return new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
  }

  /**
   * Reads the operator event stream until `signal` aborts, reconnecting after a drop with `Last-Event-ID` (the
   * server replays what was missed). Stops for good on `401` / `403`.
   */
  async watch(
    onEvent: (event: OperatorEvent) => void,
    onState: (state: StreamState) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const parser = new SseParser();
    let failures = 0;
    while (!signal.aborted) {
      onState(failures === 0 ? 'connecting' : 'retrying');
      try {
        const headers: Record<string, string> = {
          Authorization: `Bearer ${this.#token}`,
          Accept: 'text/event-stream',
        };
        if (this.lastEventId !== undefined) headers['Last-Event-ID'] = this.lastEventId;
        const res = await fetch(`${this.#base}/operator/events`, { headers, signal, cache: 'no-store' });
        if (res.status === 401 || res.status === 403) {
          onState('unauthorized');
          return;
        }
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        onState('open');
        failures = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            if (message.id !== undefined) this.lastEventId = message.id;
            let data: unknown;
            try {
              data = parseAnswer(message.data);
            } catch {
              continue;
            }
            onEvent({ id: message.id ?? '', event: message.event, data } as OperatorEvent);
          }
        }
      } catch {
        if (signal.aborted) return;
      }
      failures += 1;
      const wait = Math.min(parser.retryMs * failures, 30_000) * (0.5 + Math.random() / 2);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  }
}
