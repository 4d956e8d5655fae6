#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The kc reference server as a program: `kc-server` (from `dist`), or from the sources with
// `node --conditions=kc-source --import tsx packages/server/src/cli.ts`. Environment: see `optionsFromEnv`.
import { DataDirLockedError } from './db/lock.js';
import { runServer } from './run.js';

try {
  await runServer();
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(`\n  ${error.message}\n`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
