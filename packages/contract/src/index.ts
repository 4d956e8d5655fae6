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
// The contract's schemas may name the same shape `WorkingSchedule`; the two are structurally the same, and this
// explicit export settles which one `export *` yields (the calendar's, whose arrays are readonly, so that both a
// generated value and a literal can be passed).
export type { WorkingSchedule } from './calendar.js';

// ---------------------------------------------------------------------------------------------------------------
// The HTTP contract: schemas and operations generated from openapi.yaml.
