// SPDX-License-Identifier: MIT
// The custom elements manifest (`custom-elements.json`) of @kc/widgets, made from the elements' JSDoc by
// `@custom-elements-manifest/analyzer` (`scripts/custom-elements.mjs` runs it during `npm run build`), and the
// editor data made from it: VS Code's `html.customData` and JetBrains' `web-types.json`.
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { relative } from 'node:path';

// The analyzer writes relative to the working directory (this package); KC_CEM_OUTDIR may be absolute.
const outdir = relative(process.cwd(), process.env.KC_CEM_OUTDIR ?? 'dist') || '.';

/** The string of `'x'` or `'x' as const`. */
function literal(ts, node) {
  const inner = node && ts.isAsExpression(node) ? node.expression : node;
  return inner && ts.isStringLiteral(inner) ? inner.text : undefined;
}

/**
 * kc registers its tags with its own `define(tag, Class)` (tolerant of a second copy of kc on the page), which the
 * analyzer does not know: this plugin reads those calls in `src/kc-*.ts` and gives each class its tag name.
 */
function kcDefinePlugin() {
  const definitions = [];
  // Event classes by name → the event's name (`static readonly eventName = 'kc-submit'`).
  const eventNames = new Map();
  return {
    name: 'kc-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          if (ts.isPropertyDeclaration(member) && member.name.getText() === 'eventName') {
            const name = literal(ts, member.initializer);
            if (name) eventNames.set(node.name.text, name);
          }
        }
      }
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ctor || !ts.isStringLiteral(tag) || !ts.isIdentifier(ctor)) return;
      // The module the class comes from: the import of that name in the same file.
      let from;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const named = statement.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && named.elements.some((e) => e.name.text === ctor.text)) {
          from = statement.moduleSpecifier.text;
        }
      }
      const base = moduleDoc.path.replace(/[^/]*$/, '');
      const module = from ? new URL(from, `file:///${base}`).pathname.slice(1).replace(/\.js$/, '.ts') : moduleDoc.path;
      definitions.push({ tag: tag.text, name: ctor.text, module });
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: ctor.text, module },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      // `dispatchEvent(new KcSubmitEvent(…))` gives the analyzer an event with a type and no name; the JSDoc's
      // `@event kc-submit` gives the name and no type. Merge the two into one.
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          const named = declaration.events.filter((e) => e.name);
          for (const event of declaration.events) {
            if (event.name) continue;
            const name = eventNames.get(event.type?.text);
            const match = named.find((e) => e.name === name);
            if (match && !match.type) match.type = event.type;
          }
          // The rest get their class from its `eventName`.
          for (const event of named) {
            const type = [...eventNames].find(([, name]) => name === event.name)?.[0];
            if (type && !event.type) event.type = { text: type };
          }
          declaration.events = named;
        }
      }
      for (const { tag, name, module } of definitions) {
        const doc = customElementsManifest.modules.find((m) => m.path === module);
        const declaration = doc?.declarations?.find((d) => d.name === name);
        if (!declaration) throw new Error(`[kc] define('${tag}', ${name}): no class ${name} in ${module}`);
        declaration.tagName = tag;
        declaration.customElement = true;
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.d.ts', 'src/translations/**', 'src/**/strings/**'],
  outdir,
  litelement: true,
  // `customElements` in package.json is written by hand: a build must not edit package.json.
  packagejson: false,
  plugins: [
    kcDefinePlugin(),
    customElementVsCodePlugin({
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      descriptionSrc: 'summary',
      hideMethodDocs: true,
      hideLogs: true,
    }),
    // `web-types` in package.json is written by hand: a build must not edit package.json.
    customElementJetBrainsPlugin({
      outdir,
      webTypesFileName: 'web-types.json',
      packageJson: false,
      descriptionSrc: 'summary',
      hideMethodDocs: true,
      hideLogs: true,
    }),
  ],
};
