// SPDX-License-Identifier: MIT
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An operator role. A supervisor has every right of an operator. */
export type OperatorRole = 'operator' | 'supervisor';

/** Who an operator token belongs to. */
export interface OperatorIdentity {
  /** A stable id of the operator (the name given in `KC_OPERATOR_TOKENS`). */
  readonly id: string;
  /** The role. */
  readonly role: OperatorRole;
}

/** An operator token and its holder. */
export interface OperatorToken extends OperatorIdentity {
  /** The secret token (at least 16 characters). */
  readonly token: string;
}

/**
 * Parses `KC_OPERATOR_TOKENS`: comma-separated `id:role:token` entries, role `operator` or `supervisor`, tokens of
 * at least 16 characters.
 *
 * @throws when an entry is malformed (the message names the entry's position, never the token).
 * @example
 * ```ts
 * parseOperatorTokens('aigerim:operator:3f9c…,daniyar:supervisor:8a71…');
 * ```
 */
export function parseOperatorTokens(value: string): OperatorToken[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [id, role, ...rest] = entry.split(':');
      const token = rest.join(':');
      if (!id || !/^[\w.-]{1,64}$/.test(id)) throw new Error(`KC_OPERATOR_TOKENS entry ${i + 1}: bad id`);
      if (role !== 'operator' && role !== 'supervisor') {
        throw new Error(`KC_OPERATOR_TOKENS entry ${i + 1}: role must be operator or supervisor`);
      }
      if (token.length < 16) throw new Error(`KC_OPERATOR_TOKENS entry ${i + 1}: the token needs ≥ 16 characters`);
      return { id, role, token };
    });
}

/**
 * A fresh demo supervisor token (128 bits from the CSPRNG).
 *
 * @param id - the operator it signs in as
 */
export function generateDemoToken(id = 'demo'): OperatorToken {
  return { id, role: 'supervisor', token: `kc-demo-${randomBytes(16).toString('hex')}` };
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Builds the lookup of operator tokens. Tokens are compared by their SHA-256 in constant time, so neither the
 * comparison's timing nor a memory dump of the table reveals them.
 *
 * @example
 * ```ts
 * const find = operatorTokenLookup(parseOperatorTokens(process.env.KC_OPERATOR_TOKENS ?? ''));
 * find(bearer)?.role; // 'operator' | 'supervisor' | undefined
 * ```
 */
export function operatorTokenLookup(tokens: readonly OperatorToken[]): (token: string) => OperatorIdentity | undefined {
  const table = tokens.map((t) => ({ hash: digest(t.token), identity: { id: t.id, role: t.role } }));
  return (token) => {
    const h = digest(token);
    let found: OperatorIdentity | undefined;
    for (const row of table) if (timingSafeEqual(row.hash, h)) found = row.identity;
    return found;
  };
}
