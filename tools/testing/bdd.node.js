// SPDX-License-Identifier: MIT
// In Node the same names come from the built-in test runner.
export { describe, it, before, after, beforeEach, afterEach } from 'node:test';
