// SPDX-License-Identifier: MIT

/**
 * The policy of pages the server itself serves (the example portal, the operator console): scripts and styles
 * only from this origin, no plugins, no framing by others, no `<base>` tricks.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/** The policy of API answers: they are data, never a document to render. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers every answer carries. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'x-dns-prefetch-control': 'off',
};

/** Headers of API answers: personal data is never cached, nor framed, nor read by a page of another site without CORS. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'content-security-policy': API_CSP,
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** Headers of served pages and their assets. */
export function pageHeaders(csp: string = PAGE_CSP): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    'content-security-policy': csp,
    'x-frame-options': 'SAMEORIGIN',
    'cross-origin-resource-policy': 'same-origin',
  };
}
