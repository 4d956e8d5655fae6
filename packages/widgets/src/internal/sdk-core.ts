// SPDX-License-Identifier: MIT
// The one SDK function an element given only a `base-url` needs, as its own module: `create-client.ts` imports it
// on first use, so that chunk holds `createCore` and what it needs, not the whole SDK index (every domain module).
export { createCore } from '@kc/sdk';
