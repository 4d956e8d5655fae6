// SPDX-License-Identifier: MIT
/**
 * Bundles the React example into `examples/react/dist/app.js`.
 *
 * @returns the path of the bundle
 */
export function buildReactExample(): Promise<string>;
