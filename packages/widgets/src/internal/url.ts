// SPDX-License-Identifier: MIT

/** The URL schemes a kc element may link to. */
export type LinkScheme = 'http:' | 'https:' | 'tel:' | 'mailto:';

const WEB: readonly LinkScheme[] = ['http:', 'https:'];

/**
 * `href` as an absolute URL when its scheme is one of `schemes`, else `undefined`. The URL parser drops the tabs,
 * newlines and leading controls that filter-evasion payloads hide a `javascript:` scheme behind, so the scheme
 * checked is the one the browser would follow. A `tel:` URL must hold only a phone number.
 *
 * @example
 * safeHref('javascript:alert(1)') // → undefined
 * safeHref('https://egov.kz/')   // → 'https://egov.kz/'
 */
export function safeHref(href: string | null | undefined, schemes: readonly LinkScheme[] = WEB): string | undefined {
  if (!href) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (!(schemes as readonly string[]).includes(url.protocol)) return undefined;
  if (url.protocol === 'tel:' && !/^tel:\+?[0-9]{2,15}$/.test(url.href.replace(/[-().\s]|%20/g, ''))) return undefined;
  return url.href;
}

/** A `tel:` URL for a phone number as people write it (`8 (7172) 55-44-33`, `1414`), or `undefined`. */
export function telHref(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[\s\-().]/g, '');
  return /^\+?[0-9]{2,15}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** Whether a URL leaves for another site (and so takes `rel="noopener noreferrer"`). */
export function isWebLink(href: string): boolean {
  return href.startsWith('http:') || href.startsWith('https:');
}
