// SPDX-License-Identifier: MIT
/**
 * `@kc/contract`: the kc HTTP contract and the rules both ends apply identically — IIN/BIN validation, Kazakhstan
 * phone numbers, and the working calendar. `@kc/sdk` re-exports the rules; `@kc/backend` applies the same code.
 *
 * @packageDocumentation
 */

export * from './iin.js';
export * from './phone.js';
export * from './calendar.js';

// ---------------------------------------------------------------------------------------------------------------
// The HTTP contract: schemas and operations generated from openapi.yaml.
