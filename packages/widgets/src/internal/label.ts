// SPDX-License-Identifier: MIT

/**
 * The catalog's text for a value the server sent (a status, a timeline entry's type, an author's kind), or `other`
 * for a value this version does not know yet: the contract lets the server add enum values and clients show them
 * generically ("Versioning" in docs/contract.md). Never the raw code, never an inherited property (`constructor`).
 */
export const label = (texts: Readonly<Record<string, string>>, value: string, other: string): string =>
  Object.prototype.hasOwnProperty.call(texts, value) ? (texts[value] as string) : other;
