// SPDX-License-Identifier: MIT
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';

/**
 * The center's secret key, which hashes access codes and tokens: from `KC_SECRET` (base64 or hex, at least 32
 * bytes) when given, else generated once and kept in the database, so that it survives restarts and every instance
 * on one PostgreSQL shares it.
 *
 * @throws when `KC_SECRET` is given but shorter than 32 bytes.
 */
export async function loadSecret(db: Db, fromEnv?: string): Promise<Uint8Array> {
  if (fromEnv) {
    const bytes =
      /^[0-9a-f]+$/i.test(fromEnv) && fromEnv.length % 2 === 0
        ? Buffer.from(fromEnv, 'hex')
        : Buffer.from(fromEnv, 'base64');
    if (bytes.length < 32)
      throw new Error('KC_SECRET must be at least 32 bytes (64 hex digits or 44 base64 characters)');
    return new Uint8Array(bytes);
  }
  const fresh = randomBytes(32).toString('base64');
  await db.query("INSERT INTO kc_settings (name, value) VALUES ('secret', $1) ON CONFLICT (name) DO NOTHING", [fresh]);
  const { rows } = await db.query<{ value: string }>("SELECT value FROM kc_settings WHERE name = 'secret'");
  return new Uint8Array(Buffer.from(rows[0]!.value, 'base64'));
}

/**
 * The id of a client for rate limits and stream limits: a keyed hash of its address, so that no address is stored.
 *
 * @example
 * ```ts
 * clientIdOf('203.0.113.7', secret); // 'c-3f1a…' (the same for every instance sharing the secret)
 * ```
 */
export function clientIdOf(address: string, secret: Uint8Array): string {
  return `c-${createHmac('sha256', secret).update(`client:${address}`).digest('base64url').slice(0, 22)}`;
}
