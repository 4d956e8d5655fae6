// SPDX-License-Identifier: MIT
// `npm run start:mock`: the example portal with every kc widget and no backend: the contact center runs in the
// browser on @kc/mock (msw), and the widgets come from the TypeScript sources. PORT (default 8080) and HOST (default 127.0.0.1) can be set.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { commonJsPlugin, COMMONJS_PACKAGES } from './commonjs.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const port = Number(process.env.PORT ?? 8080);
const hostname = process.env.HOST ?? '127.0.0.1';
const worker = require.resolve('msw/mockServiceWorker.js').slice(root.length);

const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname,
    nodeResolve: { browser: true, exportConditions: ['kc-source', 'browser', 'development'] },
    plugins: [
      commonJsPlugin(COMMONJS_PACKAGES, root),
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}/tsconfig.base.json` }),
    ],
    middleware: [
      function routes(context, next) {
        // A redirect, not a rewrite: the page's relative URLs (./kc-setup.ts) resolve against its own path.
        if (context.url === '/' || context.url === '/index.html') return context.redirect('/examples/with-mocks/');
        if (context.url === '/mockServiceWorker.js') context.url = worker;
        // The loader asks for `<tag>.js`; from the sources that is the TypeScript file of the same name.
        const path = context.path;
        if (path.startsWith('/packages/') && path.endsWith('.js') && !existsSync(root + path)) {
          if (existsSync(root + path.slice(0, -3) + '.ts')) context.url = path.slice(0, -3) + '.ts';
        }
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

console.log(`\n  kc example portal:  http://${hostname}:${port}/`);
console.log('  The contact center runs in your browser on @kc/mock. Ctrl-C stops.\n');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
