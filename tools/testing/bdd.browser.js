// SPDX-License-Identifier: MIT
// In the browser the test runner provides mocha's BDD globals.
export const describe = globalThis.describe;
export const it = globalThis.it;
export const before = globalThis.before;
export const after = globalThis.after;
export const beforeEach = globalThis.beforeEach;
export const afterEach = globalThis.afterEach;
