// SPDX-License-Identifier: MIT
// The shell samples of the guides that start the reference server (docs/server.md, docs/embedding.md): every
// variable they set is one the server reads, and the server understands each command as the guide says. The
// placeholders (`<token>`) are filled with values of the right shape. The pages of the guides are opened in a
// browser by examples.node.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionsFromEnv, type EnvOptions } from '@kc/server';
import { buildCustomElements } from '../scripts/custom-elements.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const guide = (name: string) => readFileSync(join(root, 'docs', name), 'utf8');

/** The `sh` blocks of a guide's section (from its heading to the next heading of the same level or higher). */
function shellBlocks(text: string, heading: string): string[] {
  const from = text.indexOf(`\n${heading}\n`);
  assert.ok(from >= 0, `the guide has «${heading}»`);
  const level = heading.split(' ')[0] ?? '##';
  const rest = text.slice(from + heading.length + 2);
  const end = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  const section = end >= 0 ? rest.slice(0, end) : rest;
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** The `NAME=value` assignments before the command, placeholders filled. */
function environment(block: string): Record<string, string> {
  const words = block
    .replace(/\\\n/g, ' ')
    .trim()
    .split(/\s+(?![^<]*>)/);
  const env: Record<string, string> = {};
  for (const word of words) {
    const match = /^([A-Z_]+)=(.*)$/.exec(word);
    if (!match) break;
    env[match[1]!] = match[2]!
      .replace(/<64 hex digits[^>]*>/, 'ab'.repeat(32))
      .replace(/<password>/, 'pw')
      .replace(/<[^>]*token[^>]*>/, 'a-random-operator-token-0001');
    assert.doesNotMatch(env[match[1]!]!, /[<>]/, `${match[1]} has a placeholder the test does not fill`);
  }
  return env;
}

/** The variables the server documents (the table of `optionsFromEnv`). */
const documented = new Set(
  [...readFileSync(join(root, 'packages/server/src/env.ts'), 'utf8').matchAll(/^ \* \| ([^|]+)\|/gm)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/`([A-Z_]+)`/g)].map((v) => v[1]!),
  ),
);

function read(block: string): { env: Record<string, string>; options: EnvOptions } {
  const env = environment(block);
  for (const name of Object.keys(env)) assert.ok(documented.has(name), `${name} is a variable the server reads`);
  return { env, options: optionsFromEnv(env) };
}

describe('the guides’ commands that start the server', () => {
  it('finds the documented variables', () => {
    for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'KC_SECRET', 'KC_ALLOWED_ORIGINS', 'KC_TRUST_PROXY']) {
      assert.ok(documented.has(name), name);
    }
  });

  it('server.md: one instance on PGlite', () => {
    const [block] = shellBlocks(guide('server.md'), '### One instance on PGlite');
    const { options } = read(block ?? '');
    assert.equal(options.dataDir, '/var/lib/kc');
    assert.equal(options.databaseUrl, undefined, 'PGlite, not PostgreSQL');
    assert.deepEqual(options.allowedOrigins, ['https://portal.example.kz']);
    assert.deepEqual(
      options.operatorTokens?.map((t) => [t.id, t.role]),
      [['aigerim', 'supervisor']],
    );
    assert.equal(options.host, '0.0.0.0');
    assert.equal(options.port, 8080);
  });

  it('server.md: one instance on PostgreSQL, the command every instance runs', () => {
    const [block] = shellBlocks(guide('server.md'), '### One instance on PostgreSQL');
    const { options } = read(block ?? '');
    assert.equal(options.databaseUrl, 'postgres://kc:pw@db.internal:5432/kc');
    assert.equal(options.secret?.length, 64);
    assert.equal(options.attachmentsDir, '/srv/kc/attachments');
    assert.deepEqual(options.allowedOrigins, ['https://portal.example.kz']);
  });

  it('embedding.md: the portals allowed by CORS', () => {
    const [block] = shellBlocks(guide('embedding.md'), '## CORS: let the portal call the API');
    const { options } = read(block ?? '');
    assert.deepEqual(options.allowedOrigins, ['https://portal.example.kz', 'https://www.portal.example.kz']);
  });
});

describe('the React example’s JSX typings', () => {
  it('type every element of custom-elements.json with its properties and its events', () => {
    const out = mkdtempSync(join(tmpdir(), 'kc-cem-'));
    try {
      buildCustomElements(out);
      const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as {
        modules: {
          declarations?: {
            tagName?: string;
            attributes?: { fieldName?: string }[];
            events?: { name: string }[];
          }[];
        }[];
      };
      const typings = readFileSync(join(root, 'examples/react/src/kc-elements.d.ts'), 'utf8');
      const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
      assert.equal(elements.length, 7);
      for (const { tagName, attributes = [], events = [] } of elements) {
        const start = typings.indexOf(`'${tagName}': KcProps<`);
        assert.ok(start >= 0, `${tagName} is typed`);
        const entry = typings.slice(start, typings.indexOf('>;', start));
        for (const { name } of events.filter((e) => e.name !== 'kc-error' && e.name.startsWith('kc-'))) {
          assert.ok(entry.includes(`'${name}'`), `${tagName}: ${name}`);
        }
        const inherited = new Set(['baseUrl', 'theme']);
        for (const { fieldName } of attributes) {
          if (fieldName && !inherited.has(fieldName))
            assert.ok(entry.includes(`'${fieldName}'`), `${tagName}.${fieldName}`);
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
