// SPDX-License-Identifier: MIT
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';

/** Lit directives and helpers that turn a string into markup or styles. */
export const DANGEROUS_IMPORTS = ['lit', 'lit-element', 'lit-html', '@lit/reactive-element', 'lit/index.js'].map(
  (name) => ({
    name,
    importNames: ['unsafeCSS', 'unsafeHTML', 'unsafeSVG', 'unsafeMathML', 'unsafeStatic'],
    message: 'Render data as text: kc never turns strings into markup or styles.',
  }),
);
export const DANGEROUS_IMPORT_PATTERNS = [
  {
    group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*', 'lit/static-html*', 'lit-html/static*'],
    message: 'Render data as text: kc never turns strings into markup.',
  },
];
const sink = 'an HTML or script sink: render data as text with Lit templates (docs/security.md).';
const timer = '(setTimeout|setInterval|setImmediate)';
/** Syntax that parses a string as HTML or runs it as code. */
export const DANGEROUS_SINKS = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML|srcdoc)$/]',
    message: `innerHTML / outerHTML / srcdoc is ${sink}`,
  },
  { selector: 'MemberExpression[property.name="outerHTML"]', message: `outerHTML is ${sink}` },
  {
    selector:
      'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|parseFromString)$/]',
    message: `This call is ${sink}`,
  },
  {
    selector: 'CallExpression[callee.object.name="document"][callee.property.name=/^(write|writeln)$/]',
    message: `document.write is ${sink}`,
  },
  {
    selector: 'CallExpression[callee.name="eval"], CallExpression[callee.property.name="eval"]',
    message: `eval is ${sink}`,
  },
  {
    selector: 'NewExpression[callee.name="Function"], CallExpression[callee.name="Function"]',
    message: `Function is ${sink}`,
  },
  {
    selector: `CallExpression[callee.name=/^${timer}$/][arguments.0.type=/^(Literal|TemplateLiteral|BinaryExpression)$/], CallExpression[callee.property.name=/^${timer}$/][arguments.0.type=/^(Literal|TemplateLiteral|BinaryExpression)$/]`,
    message: `A timer with a string is ${sink}`,
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.test-results/**',
      'docs/api/**',
      'coverage/**',
      'packages/contract/src/generated/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Chai's `expect(x).to.be.true` style is an expression statement by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-unused-expressions': 'off',
    },
  },
  {
    // Everything kc ships renders server and user data as text: no HTML parsing sinks, no code from strings.
    // See docs/security.md; packages/widgets/test/security/sinks.node.test.ts proves these rules catch samples.
    files: ['packages/*/src/**/*.{ts,js,mjs}', 'examples/**/*.{ts,js,mjs}'],
    ignores: ['**/*.test.ts', '**/*.spec.ts', '**/*.node.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: DANGEROUS_IMPORTS, patterns: DANGEROUS_IMPORT_PATTERNS }],
      'no-restricted-syntax': ['error', ...DANGEROUS_SINKS],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', '**/*.node.test.ts', '**/test/**/*.ts'],
    rules: {
      // Tests poke at untyped fixtures and fake servers on purpose.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      // @open-wc/semantic-dom-diff types every chai `equal` as returning a Promise (it is one only for DOM
      // snapshots), which drowns this rule in false reports; the assertions that really are asynchronous are
      // required to be awaited below instead.
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ExpressionStatement > CallExpression[callee.property.name=/^(accessible|isAccessible|isNotAccessible|fixture|equalSnapshot)$/]',
          message: 'Await this assertion: it is asynchronous.',
        },
        {
          selector:
            'ExpressionStatement > CallExpression[callee.name=/^(fixture|aTimeout|nextFrame|waitUntil|oneEvent)$/]',
          message: 'Await this: it is asynchronous.',
        },
      ],
    },
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'examples/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'examples/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/widgets/src/**/*.ts', 'examples/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    plugins: { 'no-only-tests': noOnlyTests },
    rules: { 'no-only-tests/no-only-tests': 'error' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
