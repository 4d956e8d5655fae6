// SPDX-License-Identifier: MIT
import {
  createHmac,
  createPublicKey,
  timingSafeEqual,
  verify as verifySignature,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

/** The claims of a verified citizen identity token that the server uses. */
export interface IdentityClaims {
  /** The citizen's stable id at the portal (`sub`). */
  readonly sub: string;
  /** Every claim of the token (`iin`, `name`, `phone`, `email` when the portal sends them). */
  readonly claims: Readonly<Record<string, unknown>>;
}

/** How citizen identity tokens from the portal's own sign-in are verified. */
export interface IdentityVerifierOptions {
  /** A shared secret for HS256 tokens (`KC_IDENTITY_SECRET`). */
  readonly secret?: string;
  /** The portal's published keys (a JWKS URL, `KC_IDENTITY_JWKS_URL`) for RS256 and ES256 tokens. */
  readonly jwksUrl?: string;
  /** The required `iss` (`KC_IDENTITY_ISSUER`), when set. */
  readonly issuer?: string;
  /** The required `aud` (`KC_IDENTITY_AUDIENCE`), when set. */
  readonly audience?: string;
  /**
   * Clock skew allowed for `exp` and `nbf`, in seconds.
   *
   * @default 30
   */
  readonly clockToleranceSeconds?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
  /** `fetch`, for tests of the JWKS path. */
  readonly fetch?: typeof fetch;
}

/** Why a token was refused; never contains the token. */
export class TokenError extends Error {
  override readonly name = 'TokenError' as const;
  /** `token_expired` for an expired token, `unauthorized` for anything else. */
  readonly code: 'unauthorized' | 'token_expired';
  constructor(message: string, code: 'unauthorized' | 'token_expired' = 'unauthorized') {
    super(message);
    this.code = code;
  }
}

/** Verifies a compact JWT; resolves to its claims or rejects with a {@link TokenError}. */
export type IdentityVerifier = (token: string) => Promise<IdentityClaims>;

function b64url(part: string): Buffer {
  return Buffer.from(part, 'base64url');
}

function parseJson(part: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(b64url(part).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new TokenError(`the token's ${what} is not a JSON object`);
}

interface Jwk {
  kid?: string;
  kty?: string;
  alg?: string;
  use?: string;
  [k: string]: unknown;
}

const ALGORITHMS = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC' },
} as const;

/**
 * Builds the verifier of citizen identity tokens. HS256 is checked with the shared secret and RS256 / ES256 with
 * keys from the JWKS URL (cached for 10 minutes, fetched again for an unknown `kid`), all with `node:crypto`:
 * the three algorithms need no JOSE library. `alg: none` and any other algorithm are refused. `exp` is required;
 * `nbf`, `iss` and `aud` are checked when configured or present.
 *
 * @returns `undefined` when neither a secret nor a JWKS URL is configured (identity tokens are then refused).
 * @example
 * ```ts
 * const verify = createIdentityVerifier({ secret: process.env.KC_IDENTITY_SECRET, issuer: 'https://portal.example.kz' });
 * const { sub } = await verify!(token);
 * ```
 */
export function createIdentityVerifier(options: IdentityVerifierOptions): IdentityVerifier | undefined {
  const { secret, jwksUrl, issuer, audience } = options;
  if (!secret && !jwksUrl) return undefined;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  let keys: { at: number; byKid: Map<string, KeyObject>; all: KeyObject[] } | undefined;

  async function loadKeys(force: boolean): Promise<NonNullable<typeof keys>> {
    if (keys && !force && now() - keys.at < 600_000) return keys;
    const response = await doFetch(jwksUrl!, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new TokenError(`the identity keys could not be fetched (${response.status})`);
    const body = (await response.json()) as { keys?: Jwk[] };
    const byKid = new Map<string, KeyObject>();
    const all: KeyObject[] = [];
    for (const jwk of body.keys ?? []) {
      if (jwk.use && jwk.use !== 'sig') continue;
      try {
        const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
        all.push(key);
        if (jwk.kid) byKid.set(jwk.kid, key);
      } catch {
        // a key type we cannot use
      }
    }
    keys = { at: now(), byKid, all };
    return keys;
  }

  return async (token) => {
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenError('not a compact JWT');
    const [h, p, s] = parts as [string, string, string];
    const header = parseJson(h, 'header');
    const payload = parseJson(p, 'payload');
    const signed = Buffer.from(`${h}.${p}`);
    const signature = b64url(s);
    const alg = header.alg;
    if (alg === 'HS256') {
      if (!secret) throw new TokenError('HS256 tokens are not accepted');
      const expected = createHmac('sha256', secret).update(signed).digest();
      if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) {
        throw new TokenError('bad signature');
      }
    } else if (alg === 'RS256' || alg === 'ES256') {
      if (!jwksUrl) throw new TokenError(`${alg} tokens are not accepted`);
      const kid = typeof header.kid === 'string' ? header.kid : undefined;
      let set = await loadKeys(false);
      if (kid && !set.byKid.has(kid)) set = await loadKeys(true);
      const candidates = kid ? [set.byKid.get(kid)].filter((k): k is KeyObject => !!k) : set.all;
      const { hash, kty } = ALGORITHMS[alg];
      const good = candidates.some(
        (key) =>
          (key.asymmetricKeyType === 'rsa' ? 'RSA' : key.asymmetricKeyType === 'ec' ? 'EC' : '') === kty &&
          verifySignature(hash, signed, alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key, signature),
      );
      if (!good) throw new TokenError('bad signature');
    } else {
      throw new TokenError('unsupported algorithm');
    }
    const seconds = now() / 1000;
    if (typeof payload.exp !== 'number') throw new TokenError('the token has no exp');
    if (seconds > payload.exp + tolerance) throw new TokenError('the token has expired', 'token_expired');
    if (typeof payload.nbf === 'number' && seconds + tolerance < payload.nbf) throw new TokenError('not yet valid');
    if (issuer !== undefined && payload.iss !== issuer) throw new TokenError('wrong issuer');
    if (audience !== undefined) {
      const aud = payload.aud;
      const list = Array.isArray(aud) ? aud : [aud];
      if (!list.includes(audience)) throw new TokenError('wrong audience');
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new TokenError('the token has no sub');
    return { sub: payload.sub, claims: payload };
  };
}

/**
 * Signs an HS256 token: for tests, demos and portals that share a secret with the server.
 *
 * @example
 * ```ts
 * const token = signHs256({ sub: 'citizen-1', exp: Math.floor(Date.now() / 1000) + 600 }, secret);
 * ```
 */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}
