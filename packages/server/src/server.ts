// SPDX-License-Identifier: MIT
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  createBackend,
  demoConfig,
  demoSettings,
  fail,
  type Backend,
  type BackendSettings,
  type CallContext,
  type Clock,
  type Identity,
  type OperatorRecord,
  type Result,
  type StreamEvent,
  type StreamGrant,
} from '@kc/backend';
import { contractOperations, type Config, type ContractOperation } from '@kc/contract';
import { contractDocument } from './contract-document.js';
import type { Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { sendFailure, sendProblem } from './http/problem.js';
import { multipartBoundary, parseMultipart } from './http/multipart.js';
import { SseStreams, type SseOptions } from './http/sse.js';
import { registerStatic, type StaticDir } from './http/static.js';
import { compileContract, type OperationValidator } from './http/validation.js';
import { API_HEADERS } from './security/headers.js';
import { createIdentityVerifier, TokenError, type IdentityVerifierOptions } from './security/jwt.js';
import {
  generateDemoToken,
  operatorTokenLookup,
  type OperatorIdentity,
  type OperatorToken,
} from './security/operators.js';
import { clientIdOf, loadSecret } from './security/secret.js';
import { sniffContentType } from './security/sniff.js';
import { SqlStore } from './store/sql-store.js';

/** Options of {@link createServer}. Every one has a default; the CLI maps environment variables onto them. */
export interface ServerOptions {
  /** A real PostgreSQL (`DATABASE_URL`); when set, `dataDir` only holds attachments. */
  readonly databaseUrl?: string;
  /**
   * Where PGlite keeps its data (and attachments): one server process per folder (`KC_DATA_DIR`).
   *
   * @default '.data' in the working directory
   */
  readonly dataDir?: string;
  /** PGlite in memory: nothing kept (tests). Attachments then go to `attachmentsDir`, or a folder under `dataDir`. */
  readonly memory?: boolean;
  /**
   * The port; `0` picks a free one (tests).
   *
   * @default 8080
   */
  readonly port?: number;
  /**
   * The address to listen on.
   *
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * The contact center's public configuration (`GET /config`).
   *
   * @default the backend's demo configuration (an akimat's contact center)
   */
  readonly config?: Config;
  /**
   * Settings of the backend (limits, operators, knowledge base…); `secret` comes from {@link ServerOptions.secret}.
   *
   * @default the backend's demo settings when `config` is not given, else none
   */
  readonly settings?: Partial<Omit<BackendSettings, 'secret'>>;
  /** The backend's clock (tests). */
  readonly clock?: Clock;
  /** The key that hashes codes and tokens (`KC_SECRET`); by default generated once and kept in the database. */
  readonly secret?: string;
  /**
   * Origins allowed to call the API from a browser (`KC_ALLOWED_ORIGINS`); `*` allows any. Others get no
   * `Access-Control-Allow-Origin`, so their pages cannot read the answers.
   *
   * @default [] (same origin only)
   */
  readonly allowedOrigins?: readonly string[];
  /** Operator tokens (`KC_OPERATOR_TOKENS`); when none are given, one demo supervisor token is generated. */
  readonly operatorTokens?: readonly OperatorToken[];
  /**
   * The operator the generated demo token signs in as.
   *
   * @default the first supervisor among the settings' operators, else a new operator `demo`
   */
  readonly demoOperatorId?: string;
  /** How citizen identity tokens are verified (`KC_IDENTITY_*`); without a secret or keys they are ignored. */
  readonly identity?: IdentityVerifierOptions;
  /** Where attachments are kept; share it between instances. Default: `<dataDir>/attachments`. */
  readonly attachmentsDir?: string;
  /** Folders of pages to serve (the example portal, the operator console), with a strict CSP. */
  readonly staticDirs?: readonly StaticDir[];
  /** The CSP of served pages. */
  readonly pageCsp?: string;
  /** Limits of the event streams. */
  readonly sse?: SseOptions;
  /**
   * The largest JSON body, in bytes.
   *
   * @default 262144
   */
  readonly bodyLimit?: number;
  /**
   * Check every answer against the contract, and answer `500` instead of a body that breaks it.
   *
   * @default true
   */
  readonly validateResponses?: boolean;
  /** Use `X-Forwarded-For` for the client address (behind a proxy you trust) (`KC_TRUST_PROXY`). */
  readonly trustProxy?: boolean | string;
  /**
   * Log requests (method, route template, status, time; never bodies, query strings, tokens or personal data).
   *
   * @default false
   */
  readonly log?: boolean;
  /** Where logs go (one JSON line per entry). @default standard output */
  readonly logStream?: { write(line: string): void };
  /** Fills an empty database before the server starts (demo data). Runs once: a marker is kept in the database. */
  readonly seed?: (backend: Backend, store: SqlStore) => Promise<void>;
  /**
   * How often the backend's periodic work runs (activating scheduled outages, closing inactive chats, expiry), ms.
   *
   * @default 5000
   */
  readonly tickMs?: number;
  /**
   * How often uploads never attached to anything are purged, files included, ms. An upload counts as unused once
   * it is older than the backend's `attachmentTtlSeconds` (24 hours unless set; `KC_UNUSED_UPLOAD_HOURS`).
   *
   * @default 3600000 (hourly)
   */
  readonly uploadSweepMs?: number;
  /** Adds routes or plugins before the server starts listening (e.g. a development server for the examples). */
  readonly configure?: (app: FastifyInstance) => void | Promise<void>;
}

/** A running server. */
export interface KcServer {
  /** The base URL, e.g. `http://127.0.0.1:8080` (the API is under `/api/v1`). */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The Fastify instance. */
  readonly app: FastifyInstance;
  /** The database. */
  readonly db: Db;
  /** The store on it. */
  readonly store: SqlStore;
  /** The backend it hosts. */
  readonly backend: Backend;
  /** The generated demo token, when no operator tokens were configured. */
  readonly demoToken: OperatorToken | undefined;
  /** How many event streams are open. */
  readonly openStreams: () => number;
  /**
   * Purges now what the periodic sweep purges (see {@link ServerOptions.uploadSweepMs}).
   *
   * @returns how many files were deleted.
   */
  purgeUnusedUploads(): Promise<number>;
  /** Ends the streams, stops listening, closes the database and releases its lock. Idempotent. */
  close(): Promise<void>;
}

type Operation = (input: Record<string, unknown>) => Promise<Result<unknown>>;

/** Headers the API reads, for CORS preflight. */
const ALLOWED_HEADERS = [
  'Content-Type',
  'Authorization',
  'Idempotency-Key',
  'Last-Event-ID',
  'If-None-Match',
  'X-Kc-Chat-Token',
  'X-Kc-View-Token',
  'X-Kc-Callback-Token',
];
const EXPOSED_HEADERS = ['Retry-After', 'ETag', 'Location', 'Idempotency-Replayed'];

/**
 * The API answers sent compressed when the client accepts it: the public readings every widget makes on every page
 * (the configuration alone is some 30 KB of JSON, a quarter of that compressed). No answer that holds a citizen's data
 * or a token is compressed: next to text that someone else chose (an appeal's description, a chat message), the
 * compressed length could tell about a secret to whoever watches the traffic (BREACH).
 */
const COMPRESSED_OPERATIONS: ReadonlySet<string> = new Set([
  'getConfig',
  'getQueueStatus',
  'listOutages',
  'searchKnowledgeBase',
  'getCallbackSlots',
]);

const API = '/api/v1';

/** Streams that end after an event: a closed chat has nothing more to say (its replay ends there too). */
const ENDS_AFTER: Readonly<Record<string, string>> = { watchChatSession: 'session.closed' };
const TICK_MS = 5_000;

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function bearer(request: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
  return m?.[1];
}

function identityFrom(claims: Readonly<Record<string, unknown>>, sub: string): Identity {
  const identity: Identity = { subjectId: sub };
  const str = (k: string): string | undefined => (typeof claims[k] === 'string' ? claims[k] : undefined);
  const name = str('name');
  const iin = str('iin');
  const phone = str('phone_number') ?? str('phone');
  if (name) identity.name = name;
  if (iin) identity.iin = iin;
  if (phone) identity.phone = phone;
  return identity;
}

function requiredRoles(op: ContractOperation): readonly string[] {
  for (const requirement of op.security) if (requirement.operatorBearer) return requirement.operatorBearer;
  return [];
}

/**
 * Starts the reference server: the backend on PostgreSQL (PGlite in `dataDir`, in memory, or a real server at
 * `databaseUrl`) behind HTTP, with one route per operation of the contract, validated against the contract's own
 * schemas, realtime over SSE, and the operator API behind tokens.
 *
 * @throws {@link DataDirLockedError} when another server uses the same data directory.
 * @example
 * ```ts
 * // in a test: an in-memory database on a free port
 * const server = await createServer({ memory: true, port: 0, config: demoConfig });
 * const res = await fetch(`${server.url}/api/v1/config`);
 * await server.close();
 * ```
 */
export async function createServer(options: ServerOptions): Promise<KcServer> {
  const dataDir = resolve(options.dataDir ?? '.data');
  const db = options.databaseUrl
    ? await openPostgres({ connectionString: options.databaseUrl })
    : await openPglite(options.memory ? { memory: true } : { dataDir });
  try {
    return await start(db, dataDir, options);
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function start(db: Db, dataDir: string, options: ServerOptions): Promise<KcServer> {
  await migrate(db);
  const secret = await loadSecret(db, options.secret);
  const store = await SqlStore.open(db);
  const config = options.config ?? demoConfig;
  const settings = options.settings ?? (options.config ? {} : demoSettings);
  const settingsOperators = settings.operators ?? [];
  const demoOperator =
    options.demoOperatorId ?? settingsOperators.find((o) => o.roles.includes('supervisor'))?.id ?? 'demo';
  const demoToken = options.operatorTokens?.length ? undefined : generateDemoToken(demoOperator);
  const tokens = options.operatorTokens?.length ? options.operatorTokens : [demoToken!];
  const findOperator = operatorTokenLookup(tokens);
  const operators: OperatorRecord[] = [...settingsOperators];
  for (const t of tokens) {
    if (operators.some((o) => o.id === t.id)) continue;
    operators.push({ id: t.id, displayName: t.id, roles: [t.role], online: false, maxChats: 3, lastSeenAt: null });
  }
  const backend = createBackend({
    store,
    config,
    settings: { ...settings, operators, secret },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const operations = backend as unknown as Record<string, Operation>;

  if (options.seed) {
    const { rows } = await db.query("SELECT 1 FROM kc_settings WHERE name = 'seeded'");
    if (rows.length === 0) {
      await options.seed(backend, store);
      await db.query("INSERT INTO kc_settings (name, value) VALUES ('seeded', now()::text) ON CONFLICT DO NOTHING");
    }
  }

  const attachmentsDir = resolve(options.attachmentsDir ?? join(dataDir, 'attachments'));
  const verifyIdentity = options.identity ? createIdentityVerifier(options.identity) : undefined;
  const validators = compileContract(contractDocument);
  const validateResponses = options.validateResponses ?? true;
  const clock = options.clock;
  const sse = new SseStreams(options.sse, clock ? () => clock.now().getTime() : Date.now);
  const limits = config.attachments;

  const app = Fastify({
    logger: options.log
      ? {
          level: 'info',
          // Only what cannot identify a citizen: no headers, no bodies, no query strings, no paths with ids.
          serializers: { req: () => ({}), res: () => ({}) },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 262_144,
    trustProxy: options.trustProxy ?? false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Shutdown does not wait for keep-alive connections of clients that stay connected; a request cut off is
    // retried by the client with its Idempotency-Key.
    forceCloseConnections: true,
  });
  // Content types the contract does not use are refused (415) rather than parsed.
  app.removeContentTypeParser('text/plain');
  // An empty JSON body (a bodiless POST that still names the type) is no body; anything else goes through
  // Fastify's parser, which refuses prototype poisoning.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
  app.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: limits.maxBytes + 65_536 },
    (_request, body, done) => done(null, body),
  );

  // Compressed answers (brotli or gzip, as the client accepts, from 1 KB): the pages and their assets, and the public
  // readings of COMPRESSED_OPERATIONS. Event streams write to their socket themselves and are never compressed.
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // A middle quality: answers are compressed as they are sent, and 11 costs ten times the CPU for a few per cent.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });

  const allowed = new Set(options.allowedOrigins ?? []);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && (allowed.has('*') || allowed.has(origin))),
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    strictPreflight: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(API)) reply.headers(API_HEADERS);
  });
  if (options.log) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? '(none)',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    });
  }

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, 413, 'payload_too_large');
    if (status === 415) return sendProblem(reply, 415, 'unsupported_media_type');
    if (status >= 400 && status < 500) return sendProblem(reply, 400, 'malformed_request');
    request.log.error({ code: error.code, message: error.message }, 'internal error');
    return sendProblem(reply, 500, 'internal_error');
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith(API)) reply.headers(API_HEADERS);
    return sendProblem(reply, 404, 'not_found');
  });

  const clientId = (request: FastifyRequest): string => clientIdOf(request.ip, secret);

  // A stream's status is sent before its events exist, so an event outside the contract can only be logged; each
  // event object is checked once, however many readers it goes to.
  const checkedEvents = new WeakSet<object>();
  function checkEvent(op: ContractOperation, validator: OperationValidator, event: StreamEvent): void {
    if (checkedEvents.has(event)) return;
    checkedEvents.add(event);
    const problems = validator.event(event.type, event.data);
    if (problems.length > 0) {
      app.log.error({ operation: op.operationId, event: event.type, problems }, 'event breaks the contract');
    }
  }

  // An operator is online while at least one of their consoles holds the operator event stream.
  const consoles = new Map<string, number>();
  function consoleOpened(operatorId: string, stream: { whenClosed(fn: () => void): void }): void {
    const n = (consoles.get(operatorId) ?? 0) + 1;
    consoles.set(operatorId, n);
    if (n === 1) void backend.setOperatorOnline(operatorId, true).catch(() => {});
    stream.whenClosed(() => {
      const left = (consoles.get(operatorId) ?? 1) - 1;
      if (left > 0) {
        consoles.set(operatorId, left);
        return;
      }
      consoles.delete(operatorId);
      void backend.setOperatorOnline(operatorId, false).catch(() => {});
    });
  }

  async function context(
    request: FastifyRequest,
    reply: FastifyReply,
    op: ContractOperation,
  ): Promise<CallContext | FastifyReply> {
    const ctx: CallContext = {
      clientId: clientId(request),
      instance: request.url.split('?')[0]!,
      identity: null,
      operator: null,
    };
    const set = (key: keyof CallContext, name: string): void => {
      const v = header(request, name);
      if (v !== undefined) (ctx as Record<string, unknown>)[key] = v;
    };
    set('idempotencyKey', 'idempotency-key');
    set('chatToken', 'x-kc-chat-token');
    set('viewToken', 'x-kc-view-token');
    set('callbackToken', 'x-kc-callback-token');
    set('ifNoneMatch', 'if-none-match');
    const token = bearer(request);
    if (op.operator) {
      const found: OperatorIdentity | undefined = token ? findOperator(token) : undefined;
      if (!found) return sendProblem(reply, 401, 'unauthorized', { detail: 'An operator token is required.' });
      const roles = requiredRoles(op);
      if (roles.length > 0 && !roles.includes(found.role) && found.role !== 'supervisor') {
        return sendProblem(reply, 403, 'forbidden', { detail: `This action needs the ${roles.join(' or ')} role.` });
      }
      ctx.operator = { id: found.id, role: found.role };
    } else if (token && verifyIdentity) {
      try {
        const claims = await verifyIdentity(token);
        ctx.identity = identityFrom(claims.claims, claims.sub);
      } catch (error) {
        const code = error instanceof TokenError ? error.code : 'unauthorized';
        return sendProblem(reply, 401, code, { detail: 'The identity token is not valid.' });
      }
    }
    return ctx;
  }

  function send(reply: FastifyReply, op: ContractOperation, validator: OperationValidator, result: Result<unknown>) {
    const headers = result.headers;
    const explicitType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const contentType = result.ok
      ? (explicitType ?? 'application/json; charset=utf-8')
      : 'application/problem+json; charset=utf-8';
    const empty = result.status === 204 || result.status === 304 || result.body === undefined;
    if (validateResponses) {
      const problems = validator.response(result.status, empty ? '' : contentType, empty ? undefined : result.body);
      if (problems.length > 0) {
        reply.log.error({ operation: op.operationId, status: result.status, problems }, 'response breaks the contract');
        return sendProblem(reply, 500, 'internal_error', {
          detail: 'The server produced an answer outside its contract.',
        });
      }
    }
    reply.code(result.status).headers(headers);
    if (empty) return reply.send();
    reply.header('content-type', contentType);
    return reply.send(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
  }

  async function upload(request: FastifyRequest, reply: FastifyReply, ctx: CallContext) {
    if (!ctx.idempotencyKey) {
      return sendFailure(
        reply,
        fail(400, 'idempotency_key_missing', {
          errors: [{ field: 'header.Idempotency-Key', code: 'required', message: 'Required.' }],
        }),
      );
    }
    const boundary = multipartBoundary(header(request, 'content-type'));
    if (!boundary) return sendProblem(reply, 415, 'unsupported_media_type', { detail: 'Send multipart/form-data.' });
    const parts = Buffer.isBuffer(request.body) ? parseMultipart(request.body, boundary) : undefined;
    if (!parts) return sendProblem(reply, 400, 'malformed_request', { detail: 'The multipart body cannot be parsed.' });
    const file = parts.find((p) => p.name === 'file');
    if (!file) {
      return sendProblem(reply, 400, 'validation_failed', {
        errors: [{ field: '/file', code: 'required', message: 'Required.' }],
      });
    }
    if (file.data.length > limits.maxBytes) {
      return sendProblem(reply, 413, 'payload_too_large', { detail: `Files may be up to ${limits.maxBytes} bytes.` });
    }
    const sniffed = sniffContentType(file.data);
    const declared =
      file.contentType === 'image/jpg' || file.contentType === 'image/pjpeg' ? 'image/jpeg' : file.contentType;
    const accepted = `Accepted: ${limits.allowedTypes.join(', ')}.`;
    if (!sniffed || !limits.allowedTypes.includes(sniffed)) {
      return sendProblem(reply, 415, 'unsupported_media_type', { detail: accepted });
    }
    if (declared && declared !== 'application/octet-stream' && declared !== sniffed) {
      return sendProblem(reply, 415, 'unsupported_media_type', {
        detail: `The file's content is ${sniffed}, not ${declared}. ${accepted}`,
      });
    }
    // Content-addressed: a retry of the same upload names the same file, so its fingerprint matches.
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const path = join(attachmentsDir, storageKey);
    if (!existsSync(path)) {
      mkdirSync(join(attachmentsDir, sha256.slice(0, 2)), { recursive: true });
      const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(temp, file.data, { mode: 0o600 });
      renameSync(temp, path);
    }
    return operations.uploadAttachment!({
      body: { fileName: file.fileName || 'file', contentType: sniffed, size: file.data.length, sha256, storageKey },
      ctx,
    });
  }

  for (const op of contractOperations) {
    const validator = validators.get(op.operationId);
    const operation = operations[op.operationId];
    if (!validator) throw new Error(`[kc] no schema for ${op.operationId}`);
    if (typeof operation !== 'function') throw new Error(`[kc] the backend has no operation ${op.operationId}`);
    const url = `${API}${op.path.replace(/\{([^}]+)\}/g, ':$1')}`;
    app.route({
      method: op.method,
      url,
      ...(op.operationId === 'uploadAttachment' ? { bodyLimit: limits.maxBytes + 65_536 } : {}),
      ...(COMPRESSED_OPERATIONS.has(op.operationId) ? {} : { compress: false as const }),
      handler: async (request, reply) => {
        const ctx = await context(request, reply, op);
        if (!('clientId' in ctx)) return ctx;
        const contentType = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (op.operationId === 'uploadAttachment') {
          const result = await upload(request, reply, ctx);
          return 'ok' in result ? send(reply, op, validator, result) : result;
        }
        // A body sent to an operation that takes none is ignored (clients may send `{}`).
        if (
          request.body !== undefined &&
          validator.bodyTypes.length > 0 &&
          !validator.bodyTypes.includes(contentType)
        ) {
          return sendProblem(reply, 415, 'unsupported_media_type', {
            detail: `Send ${validator.bodyTypes.join(' or ')}.`,
          });
        }
        if (op.requiresIdempotencyKey && !ctx.idempotencyKey) {
          return sendFailure(
            reply,
            fail(400, 'idempotency_key_missing', {
              errors: [{ field: 'header.Idempotency-Key', code: 'required', message: 'Required.' }],
            }),
          );
        }
        const checked = validator.request({
          params: request.params as Record<string, string>,
          query: request.query as Record<string, string>,
          headers: request.headers,
          body: request.body,
        });
        if (!checked.ok) {
          return sendProblem(reply, 400, 'validation_failed', {
            detail: `${checked.errors.length} field${checked.errors.length === 1 ? ' is' : 's are'} not valid.`,
            errors: checked.errors,
          });
        }
        const input: Record<string, unknown> = { ...checked.value, ctx };
        const lastEventId = header(request, 'last-event-id');
        if (lastEventId !== undefined) input.lastEventId = lastEventId;
        if (!op.stream) return send(reply, op, validator, await operation(input));

        const refusal = sse.refusal(ctx.clientId!);
        if (refusal === 429)
          return sendProblem(reply, 429, 'rate_limited', { retryAfterSeconds: 5, detail: 'Too many open streams.' });
        if (refusal === 503) return sendProblem(reply, 503, 'service_unavailable', { retryAfterSeconds: 5 });
        const grant = (await operation(input)) as Result<StreamGrant>;
        if (!grant.ok) return sendFailure(reply, grant);
        const expiresAt = grant.body.expiresAt === undefined ? undefined : Date.parse(grant.body.expiresAt);
        const stream = sse.open(request, reply, ctx.clientId!, expiresAt);
        const subscription = await backend.subscribe(
          grant.body.stream,
          (event: StreamEvent) => {
            if (validateResponses) checkEvent(op, validator, event);
            stream.send(event);
            if (ENDS_AFTER[op.operationId] === event.type) stream.close();
          },
          { afterId: grant.body.afterId },
        );
        stream.whenClosed(() => subscription.unsubscribe());
        if (op.operationId === 'watchOperatorEvents' && ctx.operator) consoleOpened(ctx.operator.id, stream);
        return reply;
      },
    });
  }

  if (options.staticDirs?.length) registerStatic(app, options.staticDirs, options.pageCsp);
  if (options.configure) await options.configure(app);
  app.addHook('preClose', (done) => {
    sse.closeAll();
    done();
  });

  // The backend's periodic work (scheduled outages, inactive chats, expiry), and spent rate-limit windows.
  let ticking = false;
  let ticks = 0;
  const maintenance = setInterval(() => {
    if (ticking) return;
    ticking = true;
    void (async () => {
      await backend.tick();
      if (++ticks % 120 === 0) {
        await db.query('DELETE FROM kc_rate_limits WHERE reset_at < $1::timestamptz', [new Date().toISOString()]);
      }
    })()
      .catch((error: unknown) => app.log.error({ message: String(error) }, 'maintenance failed'))
      .finally(() => (ticking = false));
  }, options.tickMs ?? TICK_MS);
  maintenance.unref();

  // Uploads nobody attached within their time to live: rows, then the files no other upload shares.
  const uploadTtlMs = (settings.attachmentTtlSeconds ?? 86_400) * 1000;
  const now = (): number => (clock ? clock.now().getTime() : Date.now());
  let sweeping: Promise<number> | undefined;
  const purgeUnusedUploads = (): Promise<number> =>
    (sweeping ??= (async () => {
      const keys = await store.purgeUnusedAttachments(new Date(now() - uploadTtlMs).toISOString());
      let deleted = 0;
      for (const key of keys) {
        if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) continue; // only names this server gave
        try {
          await unlink(join(attachmentsDir, key));
          deleted++;
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOENT') throw error;
        }
      }
      return deleted;
    })().finally(() => (sweeping = undefined)));
  const uploadSweep = setInterval(() => {
    purgeUnusedUploads().catch((error: unknown) =>
      app.log.error({ message: String(error) }, 'purging unused uploads failed'),
    );
  }, options.uploadSweepMs ?? 3_600_000);
  uploadSweep.unref();

  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 8080, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    app,
    db,
    store,
    backend,
    demoToken,
    openStreams: () => sse.size,
    purgeUnusedUploads,
    close() {
      closing ??= (async () => {
        clearInterval(maintenance);
        clearInterval(uploadSweep);
        await sweeping?.catch(() => 0);
        sse.dispose();
        while (ticking) await new Promise((r) => setTimeout(r, 20));
        await app.close();
        await store.close();
        await db.close();
      })();
      return closing;
    },
  };
}
