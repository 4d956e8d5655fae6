// SPDX-License-Identifier: MIT
// What a browser bundle gets for `@kc/mock/node` (the "browser" condition of package.json).
throw new Error(
  '[kc] @kc/mock/node is for Node (it patches Node\'s request modules). In a browser, import { startMockWorker } from "@kc/mock/browser".',
);
