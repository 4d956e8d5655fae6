// SPDX-License-Identifier: MIT
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pageHeaders } from '../security/headers.js';

/** A folder served under a URL prefix. */
export interface StaticDir {
  /** The URL prefix, e.g. `/operator` or `/`. */
  readonly prefix: string;
  /** The folder on disk. */
  readonly dir: string;
  /**
   * The file answered for the prefix itself and for folders.
   *
   * @default 'index.html'
   */
  readonly index?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves folders of files (GET and HEAD) with the page security headers. Paths that leave the folder, dot-files and
 * unknown file types answer 404.
 */
export function registerStatic(app: FastifyInstance, dirs: readonly StaticDir[], csp?: string): void {
  for (const d of dirs) {
    const root = resolve(d.dir);
    const prefix = d.prefix.replace(/\/+$/, '');
    const index = d.index ?? 'index.html';
    const handler = async (request: { params: unknown; method: string }, reply: FastifyReply): Promise<unknown> => {
      const rest = decodeURIComponent((request.params as { '*'?: string })['*'] ?? '');
      if (rest.split('/').some((s) => s.startsWith('.'))) return reply.callNotFound();
      let file = resolve(join(root, rest));
      if (file !== root && !file.startsWith(root + sep)) return reply.callNotFound();
      let stat;
      try {
        stat = statSync(file);
        if (stat.isDirectory()) {
          file = join(file, index);
          stat = statSync(file);
        }
      } catch {
        return reply.callNotFound();
      }
      const type = TYPES[extname(file).toLowerCase()];
      if (!type || !stat.isFile()) return reply.callNotFound();
      reply.headers({
        ...pageHeaders(csp),
        'content-type': type,
        'content-length': stat.size,
        'cache-control': 'no-cache',
      });
      reply.header('last-modified', stat.mtime.toUTCString());
      if (request.method === 'HEAD') return reply.send();
      return reply.send(createReadStream(file));
    };
    app.route({ method: ['GET', 'HEAD'], url: `${prefix}/*`, handler });
    if (prefix)
      app.route({ method: ['GET', 'HEAD'], url: prefix, handler: (_req, reply) => reply.redirect(`${prefix}/`) });
  }
}
