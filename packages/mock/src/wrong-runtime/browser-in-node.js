// SPDX-License-Identifier: MIT
// What Node gets for `@kc/mock/browser` (the "node" condition of package.json).
throw new Error(
  '[kc] @kc/mock/browser is for browsers (it uses a service worker). In Node, import { startMockServer } from "@kc/mock/node".',
);
