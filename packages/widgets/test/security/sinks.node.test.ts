// SPDX-License-Identifier: MIT
// The static check behind "everything is rendered as text": the lint rules of eslint.config.js that forbid HTML and
// script sinks in shipped sources. This proves they apply to every package's sources and catch each sink.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const root = new URL('../../../../', import.meta.url).pathname;

const dangerous: Record<string, string> = {
  'lit unsafeHTML': `import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const a = unsafeHTML;`,
  'lit unsafeSVG': `import { unsafeSVG } from 'lit/directives/unsafe-svg.js';\nexport const a = unsafeSVG;`,
  'lit unsafeCSS': `import { unsafeCSS } from 'lit';\nexport const a = unsafeCSS;`,
  'lit static html': `import { html } from 'lit/static-html.js';\nexport const a = html;`,
  'innerHTML =': `export function f(el: Element, s: string) { el.innerHTML = s; }`,
  'innerHTML +=': `export function f(el: Element, s: string) { el.innerHTML += s; }`,
  'outerHTML =': `export function f(el: Element, s: string) { el.outerHTML = s; }`,
  'srcdoc =': `export function f(el: HTMLIFrameElement, s: string) { el.srcdoc = s; }`,
  insertAdjacentHTML: `export function f(el: Element, s: string) { el.insertAdjacentHTML('beforeend', s); }`,
  createContextualFragment: `export const f = (s: string) => document.createRange().createContextualFragment(s);`,
  'DOMParser.parseFromString': `export const f = (s: string) => new DOMParser().parseFromString(s, 'text/html');`,
  'document.write': `export function f(s: string) { document.write(s); }`,
  eval: `export function f(s: string) { return eval(s) as unknown; }`,
  'window.eval': `export function f(s: string) { return window.eval(s) as unknown; }`,
  'new Function': `export const f = (s: string) => new Function(s);`,
  'string setTimeout': `export function f(s: string) { setTimeout('run(' + s + ')', 10); }`,
  'template setInterval': 'export function f(s: string) { window.setInterval(`run(${s})`, 10); }',
  'javascript: URL': `export const href = 'javascript:void 0';`,
};

const harmless: Record<string, string> = {
  'Lit html template': `import { html } from 'lit';\nexport const f = (s: string) => html\`<p>\${s}</p>\`;`,
  textContent: `export function f(el: Element, s: string) { el.textContent = s; }`,
  'reading innerHTML in a helper': `export const f = (el: Element) => el.innerHTML.length;`,
  'function setTimeout': `export function f(g: () => void) { setTimeout(g, 10); }`,
  'css tag': `import { css } from 'lit';\nexport const s = css\`:host { display: block; }\`;`,
};

/** The rules eslint.config.js applies to `file`, run on `code` without type information. */
async function lint(file: string, code: string): Promise<string[]> {
  const config = (await new ESLint({ cwd: root }).calculateConfigForFile(file)) as {
    rules: Record<string, unknown>;
  };
  const names = [
    'no-restricted-imports',
    'no-restricted-syntax',
    'no-eval',
    'no-implied-eval',
    'no-new-func',
    'no-script-url',
  ];
  const rules = Object.fromEntries(names.map((n) => [n, config.rules[n]]).filter(([, v]) => v !== undefined));
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules }], {
    filename: `${root}${file}`,
  });
  return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const shipped = [
  'packages/widgets/src/components/chat/chat.ts',
  'packages/sdk/src/index.ts',
  'packages/server/src/server.ts',
  'packages/backend/src/index.ts',
  'packages/mock/src/index.ts',
  'packages/contract/src/index.ts',
];

describe('the dangerous-sink lint rules', () => {
  for (const file of shipped) {
    it(`apply to ${file}`, async () => {
      const config = (await new ESLint({ cwd: root }).calculateConfigForFile(file)) as {
        rules: Record<string, [number | string, ...unknown[]]>;
      };
      const syntax = JSON.stringify(config.rules['no-restricted-syntax']);
      assert.match(syntax, /insertAdjacentHTML/);
      assert.match(syntax, /innerHTML/);
      assert.match(JSON.stringify(config.rules['no-restricted-imports']), /unsafeCSS/);
    });
  }

  for (const [name, code] of Object.entries(dangerous)) {
    it(`catch ${name}`, async () => {
      const messages = await lint('packages/widgets/src/components/chat/chat.ts', code);
      assert.ok(
        messages.some((m) => !m.startsWith('parse')),
        `no report for ${name}: ${messages.join('; ')}`,
      );
      assert.ok(!messages.some((m) => m.startsWith('parse')), messages.join('; '));
    });
  }

  for (const [name, code] of Object.entries(harmless)) {
    it(`leave ${name} alone`, async () => {
      assert.deepEqual(await lint('packages/sdk/src/index.ts', code), []);
    });
  }
});
