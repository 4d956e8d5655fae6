// SPDX-License-Identifier: MIT
import { VERSION } from './version.js';
import { warnOnce } from './warn.js';

/** A custom element class that says which version of kc it comes from. */
export interface VersionedElement extends CustomElementConstructor {
  readonly kcVersion?: string;
}

/**
 * Registers `ctor` as `tag`, tolerating a second copy of kc on the page (a CDN script and a bundled copy, or two
 * bundles). When the tag is free it is defined; when this class or another copy of the same kc version already
 * owns it, nothing happens; when another version owns it, that one stays and a dev-only `[kc]` warning
 * (`define-version`) says so once. Never throws.
 *
 * @example
 * define('kc-outage-banner', KcOutageBanner);
 */
export function define(tag: string, ctor: VersionedElement): void {
  const existing: VersionedElement | undefined = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const mine = ctor.kcVersion ?? VERSION;
  if (existing.kcVersion === mine) return;
  warnOnce(
    'define-version',
    `<${tag}> is already defined by ${existing.kcVersion ? `kc ${existing.kcVersion}` : 'another script'}; kc ${mine} leaves it in place.`,
  );
}
