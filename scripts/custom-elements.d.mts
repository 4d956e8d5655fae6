// SPDX-License-Identifier: MIT
/**
 * Writes `custom-elements.json` of @kc/widgets and the VS Code and JetBrains data made from it into `outDir`
 * (default `packages/widgets/dist`).
 *
 * @returns the folder written
 */
export function buildCustomElements(outDir?: string): string;
