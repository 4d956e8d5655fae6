// SPDX-License-Identifier: MIT
// What each element's first use takes of the widgets' CDN build: one rule, used by the build (`togetherChunks` in
// `rollup.config.js`, which puts together what the same elements' first uses load) and by the measure
// (`bench/cdn.mjs`, behind `npm run size` and `bench/first-open.mjs`, which checks the rule in real browsers).
//
// A page fetches an element's file and everything it imports statically. An `import()` is fetched when its code runs:
// an element's first use runs some and not others. The rule says, by the module each `import()` names, which ones
// an element's first use does not run: ON_DEMAND for every element (another element, the upload code), the
// catalogs of the other languages, and ON_DEMAND[tag] for that element alone. Everything else counts.

/** @typedef {[RegExp, string]} Rule a module the `import()` names, and why a first use does not take it */

/** Taken by no element's first use. */
const EVERY_ELEMENT = /** @type {Rule[]} */ ([
  [
    /\/widgets\/src\/kc-[a-z-]+\.ts$/,
    'another element: the chat loads <kc-callback> only when it offers a call back (a long wait, the center ' +
      'closed) and <kc-rating> only once a chat ended; a page that uses one directly counts it as its own first use',
  ],
  [
    /\/sdk\/src\/complaints\/(xhr-)?upload\.ts$/,
    'the upload code, only when a citizen attaches a file (`upload.ts`, and the `xhr-upload.ts` it imports when ' +
      'called: the first may share a chunk with code loaded at once, the second is always its own file)',
  ],
]);

/** The event stream's reader (the SSE parser with it), imported when a widget first watches something live. */
const STREAM = /\/sdk\/src\/realtime\/sse\.ts$/;
/** The outbox's engine, imported when something is first sent through the outbox (or an earlier page left some). */
const OUTBOX = /\/sdk\/src\/storage\/outbox-engine\.ts$/;
/** IndexedDB (the `idb` wrapper with it), imported when the outbox or the drafts first write or read. */
const IDB = /\/sdk\/src\/storage\/idb\.ts$/;
/** The appeals' status half (look-up, watch, comments), imported when an appeal is first looked up. */
const APPEAL_STATUS = /\/sdk\/src\/complaints\/status\.ts$/;
/** A chat's session (its events, its message list), imported when the citizen asks for an operator or a chat resumes. */
const CHAT_SESSION = /\/sdk\/src\/chat\/session\.ts$/;
/** `<kc-chat>`'s conversation view (the queue, the message list, the composer, the end), imported at the same moments. */
const CHAT_CONVERSATION = /\/widgets\/src\/components\/chat\/conversation\.ts$/;

/**
 * What each element's first use does not take, beyond EVERY_ELEMENT, with the reason. A first use is what
 * `bench/first-open.mjs` does with the element alone on a page (given only a `base-url`), on a first visit (no kc
 * database yet: the outbox has nothing to flush). A new `import()` counts for every element until it is declared
 * here.
 */
export const ON_DEMAND = /** @type {Record<string, Rule[]>} */ ({
  'kc-provider': [
    [STREAM, 'the provider makes the client and loads the configuration; it watches nothing'],
    [OUTBOX, 'the provider sends nothing; with no kc database yet the outbox has nothing to flush'],
    [IDB, 'nothing is stored before a widget is used (the outbox checks for the database without opening it)'],
    [/\/widgets\/src\/translations\/[a-z]{2}\.ts$/, 'the provider shows no text of its own'],
  ],
  'kc-outage-banner': [
    [OUTBOX, 'the banner sends nothing'],
    [IDB, 'the banner stores nothing'],
  ],
  'kc-rating': [[STREAM, 'the rating watches nothing: it sends a score through the outbox']],
  'kc-callback': [[STREAM, 'the callback form reads the queue and the free slots, and watches nothing']],
  'kc-complaint-form': [
    [STREAM, 'the form files an appeal and shows its receipt; following it live is the status view'],
    [APPEAL_STATUS, 'looking an appeal up is the status view'],
  ],
  // The appeals module loads the outbox's engine and the checks of a new appeal (`submit.ts`) as soon as it is
  // made, so that an appeal filed offline can still be stored: the status view takes them too, but stores nothing.
  'kc-complaint-status': [[IDB, 'a lookup stores nothing (the outbox opens no database with nothing to send)']],
  // The chat's first open is the launcher, the panel and its question field with the knowledge base's answers. A
  // conversation is its next use (NEXT, below).
  'kc-chat': [
    [CHAT_SESSION, 'the session loads when the citizen asks for an operator (or this tab has a chat to resume)'],
    [CHAT_CONVERSATION, 'so does the view of a conversation'],
    [STREAM, 'the chat follows events once a conversation starts'],
    [OUTBOX, 'messages go through the outbox once a conversation starts'],
    [IDB, 'the chat stores nothing before a conversation starts'],
  ],
});

/**
 * An element's next use after its first, measured on its own (`npm run size`, `bench/first-open.mjs`): what it takes
 * beyond the first use, with what it still does not take beyond EVERY_ELEMENT (`onDemand`).
 */
export const NEXT = /** @type {Record<string, { use: string, onDemand: Rule[] }>} */ ({
  'kc-chat': { use: 'to a first message to an operator', onDemand: [] },
});

/** A language's catalog (an element's texts, or the shared ones), and the language it is in. */
export const CATALOG = /\/(strings|translations)\/([a-z]{2})\.ts$/;

/**
 * Whether `tag`'s first use in `language` runs an `import()` of `moduleId` (with `next`, its next use: NEXT).
 * Without a language, no catalog: each language's texts stay their own file.
 *
 * @param {string} tag
 * @param {string} moduleId
 * @param {string} [language]
 * @param {{ next?: boolean }} [options]
 */
export function takes(tag, moduleId, language, { next = false } = {}) {
  const own = next ? (NEXT[tag]?.onDemand ?? ON_DEMAND[tag]) : ON_DEMAND[tag];
  if ([...EVERY_ELEMENT, ...(own ?? [])].some(([pattern]) => pattern.test(moduleId))) return false;
  const catalog = moduleId.match(CATALOG);
  return catalog ? catalog[2] === language : true;
}

/**
 * A rollup plugin that records, for each output chunk, which modules its `import()`s name, by the file each one
 * lands in: `targets.get(fileName).get(importedFile)` is the list of module ids. Rollup's own output lists only the
 * files, and a file merged from several chunks has no single module to tell which `import()` it stands for.
 */
export function dynamicTargets() {
  /** @type {Map<string, Map<string, string[]>>} */
  const targets = new Map();
  return {
    targets,
    plugin: {
      name: 'kc-dynamic-targets',
      generateBundle(_options, bundle) {
        targets.clear();
        const fileOf = new Map();
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') for (const id of chunk.moduleIds) fileOf.set(id, chunk.fileName);
        }
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          const byFile = new Map();
          for (const id of chunk.moduleIds) {
            for (const target of this.getModuleInfo(id)?.dynamicallyImportedIds ?? []) {
              const file = fileOf.get(target);
              if (file) byFile.set(file, [...(byFile.get(file) ?? []), target]);
            }
          }
          targets.set(chunk.fileName, byFile);
        }
      },
    },
  };
}

/**
 * The files `tag`'s first use loads from its entry `entryFile`: static imports always, an `import()` when the
 * element's first use takes one of the modules it names in that file ({@link takes}, with `options`).
 *
 * @param {Map<string, { imports: string[], dynamicImports: string[] }>} files output chunks by file name
 * @param {Map<string, Map<string, string[]>>} targets from {@link dynamicTargets}
 * @param {string} tag
 * @param {string} entryFile
 * @param {string} [language]
 * @param {{ next?: boolean }} [options]
 */
export function firstUseFiles(files, targets, tag, entryFile, language, options) {
  const seen = new Set();
  const visit = (fileName) => {
    if (seen.has(fileName) || !files.has(fileName)) return;
    seen.add(fileName);
    const chunk = files.get(fileName);
    for (const dep of chunk.imports) visit(dep);
    for (const dep of chunk.dynamicImports) {
      const modules = targets.get(fileName)?.get(dep) ?? [];
      if (modules.some((id) => takes(tag, id, language, options))) visit(dep);
    }
  };
  visit(entryFile);
  return seen;
}
