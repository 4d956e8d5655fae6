// SPDX-License-Identifier: MIT
import type { Identity } from '@kc/backend';

/** Claims of a portal identity token, as the portal's sign-in would issue them. */
export interface IdentityClaims {
  /** The citizen's stable id at the portal. */
  sub: string;
  name?: string;
  /** IIN, 12 digits. */
  iin?: string;
  /** Phone in E.164. */
  phone?: string;
  /** Expiry, seconds since the epoch. */
  exp?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function base64url(text: string): string {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(part: string): string {
  const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4));
  return decoder.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * An unsigned JWT (`alg: none`) with these claims, for `Authorization: Bearer` against the mock. The reference
 * server refuses unsigned tokens: sign real ones with the portal's key.
 */
export function encodeIdentityToken(claims: IdentityClaims): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.`;
}

/**
 * Reads the identity of a JWT's claims **without checking its signature** (the mock's default): `null` for
 * something that is not a JWT, has no `sub`, or expired before `now`.
 */
export function decodeIdentityToken(token: string, now: Date): Identity | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  let claims: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(fromBase64url(parts[1]));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    claims = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') return null;
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= now.getTime()) return null;
  const identity: Identity = { subjectId: claims.sub };
  if (typeof claims.name === 'string') identity.name = claims.name;
  if (typeof claims.iin === 'string') identity.iin = claims.iin;
  if (typeof claims.phone === 'string') identity.phone = claims.phone;
  return identity;
}
