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
// The contract's schemas may name the same shape `WorkingSchedule`: the two are structurally identical (assignable
// both ways), and this explicit export settles which one `export *` yields.
export type { WorkingSchedule } from './calendar.js';

// ---------------------------------------------------------------------------------------------------------------
// The HTTP contract: schemas and operations generated from openapi.yaml.
export * from './schemas.js';
export * from './operations.js';
