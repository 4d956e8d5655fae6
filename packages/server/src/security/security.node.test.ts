// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, it } from 'node:test';
import { createIdentityVerifier, signHs256, TokenError } from './jwt.js';
import { generateDemoToken, operatorTokenLookup, parseOperatorTokens } from './operators.js';
import { clientIdOf } from './secret.js';
import { sniffContentType } from './sniff.js';

const SECRET = 'a-shared-secret-of-the-portal-and-the-center';
const NOW = Date.UTC(2026, 10, 22, 6, 0);
const exp = NOW / 1000 + 600;

describe('identity tokens', () => {
  const verify = createIdentityVerifier({
    secret: SECRET,
    issuer: 'https://portal.example.kz',
    audience: 'kc',
    now: () => NOW,
  })!;
  const good = { sub: 'citizen-1', iss: 'https://portal.example.kz', aud: 'kc', exp, name: 'Әлия' };

  it('accepts an HS256 token with the right issuer, audience and time', async () => {
    const claims = await verify(signHs256(good, SECRET));
    assert.equal(claims.sub, 'citizen-1');
    assert.equal(claims.claims.name, 'Әлия');
    assert.equal((await verify(signHs256({ ...good, aud: ['other', 'kc'] }, SECRET))).sub, 'citizen-1');
  });

  it('refuses a wrong signature, issuer, audience, an expired or future token, and alg none', async () => {
    const refuse = (token: string, code: 'unauthorized' | 'token_expired' = 'unauthorized') =>
      assert.rejects(verify(token), (e: unknown) => e instanceof TokenError && e.code === code);
    await refuse(signHs256(good, 'another-secret'));
    await refuse(signHs256({ ...good, iss: 'https://evil.example' }, SECRET));
    await refuse(signHs256({ ...good, aud: 'other' }, SECRET));
    await refuse(signHs256({ ...good, exp: NOW / 1000 - 60 }, SECRET), 'token_expired');
    await refuse(signHs256({ ...good, nbf: NOW / 1000 + 600 }, SECRET));
    await refuse(signHs256({ ...good, exp: undefined }, SECRET));
    await refuse(signHs256({ ...good, sub: '' }, SECRET));
    const [, payload] = signHs256(good, SECRET).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    await refuse(none);
    await refuse('not-a-token');
    await refuse(`${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${payload}.AAAA`);
  });

  it('verifies RS256 and ES256 tokens with keys published as a JWKS', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwks = {
      keys: [
        { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'r1', use: 'sig' },
        { ...ec.publicKey.export({ format: 'jwk' }), kid: 'e1', use: 'sig' },
      ],
    };
    let fetches = 0;
    const verifyKeys = createIdentityVerifier({
      jwksUrl: 'https://portal.example.kz/.well-known/jwks.json',
      now: () => NOW,
      fetch: async () => {
        fetches++;
        return new Response(JSON.stringify(jwks), { headers: { 'content-type': 'application/json' } });
      },
    })!;
    const token = (alg: 'RS256' | 'ES256', kid: string, key: typeof rsa.privateKey): string => {
      const h = Buffer.from(JSON.stringify({ alg, kid })).toString('base64url');
      const p = Buffer.from(JSON.stringify({ sub: 'citizen-2', exp })).toString('base64url');
      const s = sign('sha256', Buffer.from(`${h}.${p}`), alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key);
      return `${h}.${p}.${s.toString('base64url')}`;
    };
    assert.equal((await verifyKeys(token('RS256', 'r1', rsa.privateKey))).sub, 'citizen-2');
    assert.equal((await verifyKeys(token('ES256', 'e1', ec.privateKey))).sub, 'citizen-2');
    await assert.rejects(verifyKeys(token('RS256', 'e1', rsa.privateKey)), TokenError);
    await assert.rejects(verifyKeys(signHs256({ sub: 'x', exp }, SECRET)), TokenError, 'no HS256 without a secret');
    assert.ok(fetches <= 2, 'keys are cached');
  });

  it('is off without a secret or keys', () => {
    assert.equal(createIdentityVerifier({}), undefined);
  });
});

describe('operator tokens', () => {
  it('parse id:role:token entries and find a token by constant-time hash comparison', () => {
    const tokens = parseOperatorTokens(' aigerim:operator:0123456789abcdef0 , daniyar:supervisor:fedcba9876543210:x ');
    assert.deepEqual(
      tokens.map((t) => [t.id, t.role]),
      [
        ['aigerim', 'operator'],
        ['daniyar', 'supervisor'],
      ],
    );
    const find = operatorTokenLookup(tokens);
    assert.deepEqual(find('0123456789abcdef0'), { id: 'aigerim', role: 'operator' });
    assert.deepEqual(find('fedcba9876543210:x'), { id: 'daniyar', role: 'supervisor' });
    assert.equal(find('0123456789abcdef1'), undefined);
    assert.equal(find(''), undefined);
  });

  it('refuse malformed entries without echoing the token', () => {
    assert.throws(() => parseOperatorTokens('a:admin:0123456789abcdef'), /entry 1: role/);
    assert.throws(
      () => parseOperatorTokens('a:operator:short'),
      (e: Error) => !e.message.includes('short'),
    );
    assert.throws(() => parseOperatorTokens('bad id:operator:0123456789abcdef'), /bad id/);
  });

  it('generate a fresh demo supervisor token', () => {
    const a = generateDemoToken();
    assert.equal(a.role, 'supervisor');
    assert.match(a.token, /^kc-demo-[0-9a-f]{32}$/);
    assert.notEqual(a.token, generateDemoToken().token);
  });
});

describe('file type sniffing', () => {
  it('knows PDF, PNG and JPEG by their magic bytes and nothing else', () => {
    assert.equal(sniffContentType(Buffer.from('%PDF-1.7\n%âãÏÓ')), 'application/pdf');
    assert.equal(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
    assert.equal(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(sniffContentType(Buffer.from('<html><script>alert(1)</script>')), undefined);
    assert.equal(sniffContentType(Buffer.from('%PD')), undefined);
    assert.equal(sniffContentType(Buffer.from('MZ\x90\x00')), undefined);
  });
});

describe('client ids', () => {
  it('are keyed hashes of the address, never the address', () => {
    const key = new Uint8Array(32).fill(7);
    const id = clientIdOf('203.0.113.7', key);
    assert.match(id, /^c-[\w-]{22}$/);
    assert.ok(!id.includes('203'));
    assert.equal(id, clientIdOf('203.0.113.7', key));
    assert.notEqual(id, clientIdOf('203.0.113.8', key));
    assert.notEqual(id, clientIdOf('203.0.113.7', new Uint8Array(32).fill(8)));
  });
});
