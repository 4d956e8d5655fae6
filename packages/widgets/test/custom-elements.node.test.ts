// SPDX-License-Identifier: MIT
// The custom elements manifest and the editor data made from it list every element kc registers, with the
// attributes its Lit properties really observe and the events it really dispatches. The expectations are read from
// the sources with the TypeScript compiler, not written here: a new attribute or event without JSDoc fails.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { buildCustomElements } from '../../../scripts/custom-elements.mjs';

const widgets = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Named {
  name: string;
  type?: { text: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: (Named & { fieldName?: string })[];
  members?: (Named & { kind: string; privacy?: string; static?: boolean })[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(join(widgets, path), 'utf8'), ts.ScriptTarget.ES2022, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** The tags registered by `src/kc-*.ts` with `define('kc-x', Class)`, and the module each class comes from. */
function definitions(): { tag: string; className: string; module: string }[] {
  const found: { tag: string; className: string; module: string }[] = [];
  for (const file of readdirSync(join(widgets, 'src')).filter((f) => /^kc-[a-z-]+\.ts$/.test(f))) {
    const source = parse(`src/${file}`);
    const imports = new Map<string, string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const named = statement.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) {
        for (const e of named.elements) imports.set(e.name.text, statement.moduleSpecifier.text);
      }
    }
    walk(source, (node) => {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) {
        const from = imports.get(ctor.text) ?? '';
        found.push({ tag: tag.text, className: ctor.text, module: join('src', from).replace(/\.js$/, '.ts') });
      }
    });
  }
  return found;
}

/** The attributes a Lit class observes through `@property`: `attribute: 'x'`, the lower-cased name, or none. */
function litAttributes(path: string): string[] {
  const attributes: string[] = [];
  walk(parse(path), (node) => {
    if (!ts.isPropertyDeclaration(node)) return;
    for (const decorator of ts.getDecorators(node) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || call.expression.getText() !== 'property') continue;
      const options = call.arguments[0];
      let attribute: string | false = node.name.getText().toLowerCase();
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const p of options.properties) {
          if (!ts.isPropertyAssignment(p) || p.name.getText() !== 'attribute') continue;
          if (p.initializer.kind === ts.SyntaxKind.FalseKeyword) attribute = false;
          else if (ts.isStringLiteral(p.initializer)) attribute = p.initializer.text;
        }
      }
      if (attribute) attributes.push(attribute);
    }
  });
  return attributes;
}

/** Event class name → event name, from every `static readonly eventName = '…'` under src/. */
function eventClasses(): Map<string, string> {
  const names = new Map<string, string>();
  const files = (dir: string): string[] =>
    readdirSync(join(widgets, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  for (const file of files('src').filter((f) => !f.endsWith('.test.ts'))) {
    walk(parse(file), (node) => {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'eventName' || !member.initializer) continue;
        const init = ts.isAsExpression(member.initializer) ? member.initializer.expression : member.initializer;
        if (ts.isStringLiteral(init)) names.set(node.name.text, init.text);
      }
    });
  }
  return names;
}

/** The kc events the class's module constructs (`new KcSubmitEvent(…)`). */
function dispatched(path: string, classes: Map<string, string>): string[] {
  const events = new Set<string>();
  walk(parse(path), (node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = classes.get(node.expression.text);
      if (name) events.add(name);
    }
  });
  return [...events];
}

describe('custom-elements.json and the editor data', () => {
  let out: string;
  let manifest: Manifest;
  const defined = definitions();
  const byTag = new Map<string, Declaration>();

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'kc-cem-'));
    buildCustomElements(out);
    manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
    for (const module of manifest.modules) {
      for (const d of module.declarations ?? []) if (d.tagName) byTag.set(d.tagName, d);
    }
    process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  });

  it('finds the seven tags kc registers', () => {
    assert.deepEqual(defined.map((d) => d.tag).sort(), [
      'kc-callback',
      'kc-chat',
      'kc-complaint-form',
      'kc-complaint-status',
      'kc-outage-banner',
      'kc-provider',
      'kc-rating',
    ]);
  });

  it('lists every element with its class, a summary and a definition export', () => {
    for (const { tag, className, module } of defined) {
      const d = byTag.get(tag);
      assert.ok(d, `${tag} is in the manifest`);
      assert.equal(d.name, className);
      assert.equal(d.customElement, true);
      assert.ok(d.summary && d.summary.length > 20, `${tag} has a @summary`);
      const owner = manifest.modules.find((m) => m.path === module);
      assert.ok(
        owner?.declarations?.some((x) => x.name === className),
        `${className} is declared in ${module}`,
      );
      const registrar = manifest.modules.find((m) => m.path === `src/${tag}.ts`);
      assert.ok(
        registrar?.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag),
        `src/${tag}.ts exports the definition of ${tag}`,
      );
    }
  });

  it('lists the attributes each element observes, its own and those of KcElement', () => {
    const base = litAttributes('src/internal/kc-element.ts');
    assert.ok(base.includes('base-url') && base.includes('theme'));
    for (const { tag, module } of defined) {
      const expected = [...new Set([...litAttributes(module), ...base, 'lang'])].sort();
      const listed = (byTag.get(tag)?.attributes ?? []).map((a) => a.name).sort();
      assert.deepEqual(listed, expected, `${tag}'s attributes`);
    }
  });

  it('lists the events each element dispatches, each with its event class, and kc-error', () => {
    const classes = eventClasses();
    assert.ok(classes.size >= 10, 'the event classes are found');
    for (const { tag, module } of defined) {
      const events = byTag.get(tag)?.events ?? [];
      const names = events.map((e) => e.name);
      assert.ok(
        events.every((e) => e.name),
        `${tag} has no event without a name`,
      );
      for (const name of [...dispatched(module, classes), 'kc-error']) {
        assert.ok(names.includes(name), `${tag} documents ${name} (it lists ${names.join(', ')})`);
        const type = events.find((e) => e.name === name)?.type?.text;
        assert.equal(classes.get(type ?? ''), name, `${tag}'s ${name} has its event class`);
      }
    }
  });

  it('lists the CSS parts each element renders and its custom properties', () => {
    let checked = 0;
    for (const { tag, module } of defined) {
      const d = byTag.get(tag);
      // The element's folder: its class, its styles and its helpers (not its tests).
      const folder = dirname(join(widgets, module));
      const source = readdirSync(folder)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.spec.ts'))
        .map((f) => readFileSync(join(folder, f), 'utf8').replace(/^\s*\*.*$/gm, ''))
        .join('\n');
      const used = new Set([...source.matchAll(/\bpart="([^"$]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
      const parts = (d?.cssParts ?? []).map((p) => p.name);
      for (const part of used) assert.ok(parts.includes(part), `${tag} documents its part ${part}`);
      const own = [...source.matchAll(new RegExp(`var\\((--${tag}-[a-z-]+)`, 'g'))].map((m) => m[1]!);
      const properties = (d?.cssProperties ?? []).map((p) => p.name);
      for (const property of own) assert.ok(properties.includes(property), `${tag} documents ${property}`);
      checked += used.size + own.length;
    }
    assert.ok(checked > 80, `the parts and properties are found in the sources (${checked})`);
    assert.deepEqual(
      byTag.get('kc-provider')?.slots?.map((s) => s.name),
      [''],
      'the provider has a default slot',
    );
  });

  it('gives VS Code and JetBrains every element with its attributes', () => {
    const vscode = JSON.parse(readFileSync(join(out, 'vscode.html-custom-data.json'), 'utf8')) as {
      tags: { name: string; attributes: { name: string }[] }[];
    };
    const webTypes = JSON.parse(readFileSync(join(out, 'web-types.json'), 'utf8')) as {
      name: string;
      contributions: {
        html: { elements: { name: string; attributes: { name: string }[]; js?: { events?: Named[] } }[] };
      };
    };
    assert.equal(webTypes.name, '@kc/widgets');
    for (const { tag } of defined) {
      const attributes = (byTag.get(tag)?.attributes ?? []).map((a) => a.name).sort();
      const code = vscode.tags.find((t) => t.name === tag);
      assert.ok(code, `VS Code knows ${tag}`);
      for (const a of attributes)
        assert.ok(
          code.attributes.some((x) => x.name === a),
          `VS Code: ${tag} ${a}`,
        );
      const jb = webTypes.contributions.html.elements.find((e) => e.name === tag);
      assert.ok(jb, `JetBrains knows ${tag}`);
      for (const a of attributes)
        assert.ok(
          jb.attributes.some((x) => x.name === a),
          `JetBrains: ${tag} ${a}`,
        );
      const events = (byTag.get(tag)?.events ?? []).map((e) => e.name);
      for (const e of events)
        assert.ok(
          jb.js?.events?.some((x) => x.name === e),
          `JetBrains: ${tag} fires ${e}`,
        );
    }
  });

  it('docs/theming.md lists every part, own token and state of every element', () => {
    const guide = readFileSync(join(widgets, '../../docs/theming.md'), 'utf8');
    for (const { tag } of defined.filter((d) => d.tag !== 'kc-provider')) {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`<${tag}>\` |`));
      assert.ok(row, `the theming guide has a row for <${tag}>`);
      const [, parts = '', tokens = '', states = ''] = row.split(' | ');
      const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const d = byTag.get(tag) as Declaration & { cssStates?: Named[] };
      assert.deepEqual(
        names(parts),
        (d.cssParts ?? []).map((p) => p.name),
        `${tag}'s parts`,
      );
      const own = (d.cssProperties ?? []).map((p) => p.name).filter((n) => n.startsWith(`--${tag}-`));
      assert.deepEqual(names(tokens), own, `${tag}'s tokens`);
      assert.deepEqual(
        names(states),
        (d.cssStates ?? []).map((p) => p.name),
        `${tag}'s states`,
      );
    }
  });

  it('types every tag in HTMLElementTagNameMap and every kc event in GlobalEventHandlersEventMap', () => {
    const maps = { tags: new Map<string, string>(), events: new Map<string, string>() };
    const files = (dir: string): string[] =>
      readdirSync(join(widgets, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    for (const file of files('src').filter((f) => !f.endsWith('.test.ts'))) {
      walk(parse(file), (node) => {
        if (!ts.isInterfaceDeclaration(node)) return;
        const map =
          node.name.text === 'HTMLElementTagNameMap'
            ? maps.tags
            : node.name.text === 'GlobalEventHandlersEventMap'
              ? maps.events
              : undefined;
        for (const member of map ? node.members : []) {
          if (ts.isPropertySignature(member) && ts.isStringLiteral(member.name) && member.type) {
            map?.set(member.name.text, member.type.getText());
          }
        }
      });
    }
    for (const { tag, className } of defined) {
      assert.equal(maps.tags.get(tag), className, `HTMLElementTagNameMap['${tag}']`);
      for (const event of byTag.get(tag)?.events ?? []) {
        if (!event.name.startsWith('kc-')) continue;
        assert.equal(maps.events.get(event.name), event.type?.text, `GlobalEventHandlersEventMap['${event.name}']`);
      }
    }
  });

  it('is referenced from package.json and shipped', () => {
    const pkg = JSON.parse(readFileSync(join(widgets, 'package.json'), 'utf8')) as {
      customElements: string;
      'web-types': string;
      files: string[];
    };
    assert.equal(pkg.customElements, './dist/custom-elements.json');
    assert.equal(pkg['web-types'], './dist/web-types.json');
    assert.ok(pkg.files.includes('dist'));
  });
});
