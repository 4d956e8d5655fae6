// SPDX-License-Identifier: MIT
/** Vue's compiler options for pages with kc: every `kc-*` tag is a custom element. */
export const compilerOptions: { isCustomElement: (tag: string) => boolean };
/**
 * Bundles the Vue example into `examples/vue/dist/app.js`.
 *
 * @returns the path of the bundle
 */
export function buildVueExample(): Promise<string>;
