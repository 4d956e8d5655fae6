// SPDX-License-Identifier: MIT

/** The file types the server recognises by their first bytes. */
export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: ReadonlyArray<readonly [SniffedType, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/**
 * Reads a file's type from its magic bytes, never from its name or the declared type: an attachment is accepted
 * only when what it says it is and what it is agree.
 *
 * @returns The type, or `undefined` for anything else.
 * @example
 * ```ts
 * sniffContentType(Buffer.from('%PDF-1.7\n')); // 'application/pdf'
 * ```
 */
export function sniffContentType(bytes: Uint8Array): SniffedType | undefined {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return undefined;
}
