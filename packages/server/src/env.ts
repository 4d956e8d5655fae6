// SPDX-License-Identifier: MIT
import { resolve } from 'node:path';
import type { IdentityVerifierOptions } from './security/jwt.js';
import { parseOperatorTokens } from './security/operators.js';
import type { ServerOptions } from './server.js';

/** The options the environment decides; the rest (config, pages) the caller adds. */
export type EnvOptions = Pick<
  ServerOptions,
  | 'databaseUrl'
  | 'dataDir'
  | 'port'
  | 'host'
  | 'secret'
  | 'allowedOrigins'
  | 'operatorTokens'
  | 'identity'
  | 'attachmentsDir'
  | 'trustProxy'
  | 'log'
  | 'sse'
  | 'settings'
>;

/**
 * Reads the server's environment variables:
 *
 * | variable | meaning | default |
 * | --- | --- | --- |
 * | `PORT`, `HOST` | where to listen | `8080`, `127.0.0.1` |
 * | `KC_DATA_DIR` | PGlite data and attachments | `.data` |
 * | `DATABASE_URL` | a real PostgreSQL instead of PGlite | — |
 * | `KC_ATTACHMENTS_DIR` | attachments (share it between instances) | `$KC_DATA_DIR/attachments` |
 * | `KC_SECRET` | key for codes and tokens, ≥ 32 bytes hex or base64 | generated, kept in the database |
 * | `KC_OPERATOR_TOKENS` | `id:role:token,…` (role `operator` or `supervisor`) | one demo token, printed |
 * | `KC_ALLOWED_ORIGINS` | comma-separated origins allowed by CORS, or `*` | same origin only |
 * | `KC_IDENTITY_SECRET` | HS256 secret of the portal's identity tokens | — |
 * | `KC_IDENTITY_JWKS_URL` | the portal's published keys (RS256, ES256) | — |
 * | `KC_IDENTITY_ISSUER`, `KC_IDENTITY_AUDIENCE` | required `iss` and `aud` | not checked |
 * | `KC_TRUST_PROXY` | trust `X-Forwarded-For` (`true`, or a list of proxy addresses) | `false` |
 * | `KC_LOG` | `0` turns request logs off | on |
 * | `KC_STREAMS_PER_CLIENT`, `KC_STREAMS_MAX` | open event streams per client address, per process | `16`, `10000` |
 * | `KC_WRITE_LIMIT` | unsafe citizen requests per client and minute | `120` |
 * | `KC_UNUSED_UPLOAD_HOURS` | uploads attached to nothing within this time are purged, files included | `24` |
 *
 * @throws when a variable is malformed (`PORT`, `KC_OPERATOR_TOKENS`).
 * @example
 * ```ts
 * const server = await createServer({ ...optionsFromEnv(process.env), config });
 * ```
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): EnvOptions {
  const list = (v: string | undefined): string[] =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim().replace(/\/+$/, ''))
      .filter(Boolean);
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const identity: IdentityVerifierOptions = {
    ...(env.KC_IDENTITY_SECRET ? { secret: env.KC_IDENTITY_SECRET } : {}),
    ...(env.KC_IDENTITY_JWKS_URL ? { jwksUrl: env.KC_IDENTITY_JWKS_URL } : {}),
    ...(env.KC_IDENTITY_ISSUER ? { issuer: env.KC_IDENTITY_ISSUER } : {}),
    ...(env.KC_IDENTITY_AUDIENCE ? { audience: env.KC_IDENTITY_AUDIENCE } : {}),
  };
  const trust = env.KC_TRUST_PROXY;
  const int = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${v}`);
    return n;
  };
  const perClient = int('KC_STREAMS_PER_CLIENT');
  const maxStreams = int('KC_STREAMS_MAX');
  const writeLimit = int('KC_WRITE_LIMIT');
  const uploadHours = int('KC_UNUSED_UPLOAD_HOURS');
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.KC_DATA_DIR || '.data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.KC_ATTACHMENTS_DIR ? { attachmentsDir: resolve(env.KC_ATTACHMENTS_DIR) } : {}),
    ...(env.KC_SECRET ? { secret: env.KC_SECRET } : {}),
    allowedOrigins: list(env.KC_ALLOWED_ORIGINS),
    operatorTokens: parseOperatorTokens(env.KC_OPERATOR_TOKENS ?? ''),
    identity,
    trustProxy: trust === 'true' ? true : trust && trust !== 'false' ? trust : false,
    log: env.KC_LOG !== '0',
    sse: { ...(perClient ? { maxPerClient: perClient } : {}), ...(maxStreams ? { maxTotal: maxStreams } : {}) },
    settings: {
      ...(writeLimit ? { writeLimit: { limit: writeLimit, windowSeconds: 60 } } : {}),
      ...(uploadHours ? { attachmentTtlSeconds: uploadHours * 3600 } : {}),
    },
  };
}
