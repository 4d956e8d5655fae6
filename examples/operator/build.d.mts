// SPDX-License-Identifier: MIT
/**
 * Bundles the operator console into `examples/operator/dist/console.js` (with a source map).
 *
 * @returns the path of the bundle
 */
export function buildOperatorConsole(options?: { minify?: boolean }): Promise<string>;
