// SPDX-License-Identifier: MIT

/** The version of `@kc/widgets`; a test keeps it equal to `package.json`. */
export const VERSION = '0.1.0';
