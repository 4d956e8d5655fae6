// SPDX-License-Identifier: MIT
/**
 * Secrets: access codes, tokens and their keyed hashes. Web Crypto only (`crypto.subtle`), so it runs in Node 20
 * and in browsers alike.
 *
 * @packageDocumentation
 */
import type { Random } from './context.js';

const encoder = new TextEncoder();

/** Crockford's base-32 alphabet: no I, L, O, U, so a code read aloud or retyped is not confused. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bits of entropy in an access code: 16 characters of base 32. */
export const ACCESS_CODE_BITS = 80;

/**
 * A new access code: 80 bits from the CSPRNG as 16 Crockford base-32 characters in groups of four,
 * e.g. `7K3F-9QXD-M2PA-HV8E`.
 */
export function newAccessCode(random: Random): string {
  const bytes = random.bytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * The canonical form of a typed access code: upper case, no hyphens or spaces, and the letters Crockford reads as
 * digits (O → 0, I and L → 1) mapped.
 */
export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** `n` random bytes as unpadded base64url. */
export function randomToken(random: Random, prefix: string, n = 32): string {
  return prefix + base64url(random.bytes(n));
}

/** Unpadded base64url of bytes. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Compares two byte strings in time that depends only on their lengths. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** SHA-256 of a text, as lowercase hex. */
export async function sha256Hex(text: string | Uint8Array): Promise<string> {
  const data = typeof text === 'string' ? encoder.encode(text) : text;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keyed hashing with one secret: HMAC-SHA-256 of secrets (access codes, tokens) with a per-record salt, and signed
 * short-lived tokens. A stolen database alone does not let anyone test guesses.
 */
export class Hasher {
  private readonly key: Promise<CryptoKey>;

  constructor(secret: Uint8Array) {
    if (secret.length < 32) throw new RangeError('[kc] the backend secret must have at least 32 bytes');
    this.key = globalThis.crypto.subtle.importKey(
      'raw',
      secret as BufferSource,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  }

  private async mac(data: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await this.key, data as BufferSource));
  }

  /** Hashes `secret` with a new random salt: `'h1$<salt>$<mac>'`. */
  async hash(secret: string, random: Random): Promise<string> {
    const salt = random.bytes(16);
    return `h1$${base64url(salt)}$${base64url(await this.mac(concat(salt, encoder.encode(secret))))}`;
  }

  /** Whether `secret` matches a stored hash; constant time in the secret. A malformed hash never matches. */
  async verify(secret: string, stored: string): Promise<boolean> {
    const [version, saltText, macText] = stored.split('$');
    const salt = saltText === undefined ? null : fromBase64url(saltText);
    const expected = macText === undefined ? null : fromBase64url(macText);
    const actual = await this.mac(concat(salt ?? new Uint8Array(16), encoder.encode(secret)));
    return version === 'h1' && salt !== null && expected !== null && constantTimeEqual(actual, expected);
  }

  /** A token carrying `claims` and an expiry, signed: `'<prefix><payload>.<mac>'`. */
  async sign(prefix: string, claims: Record<string, string | number>): Promise<string> {
    const payload = base64url(encoder.encode(JSON.stringify(claims)));
    return `${prefix}${payload}.${base64url(await this.mac(encoder.encode(prefix + payload)))}`;
  }

  /** The claims of a token made by {@link sign}, or null when it is not one or was altered. */
  async open(prefix: string, token: string): Promise<Record<string, unknown> | null> {
    if (!token.startsWith(prefix)) return null;
    const [payload, macText] = token.slice(prefix.length).split('.');
    if (payload === undefined || macText === undefined) return null;
    const expected = fromBase64url(macText);
    if (!expected || !constantTimeEqual(await this.mac(encoder.encode(prefix + payload)), expected)) return null;
    const bytes = fromBase64url(payload);
    try {
      const claims: unknown = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null;
      return claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * A JSON text with object keys sorted, so that equal values give equal texts (for request fingerprints).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
