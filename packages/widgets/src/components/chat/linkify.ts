// SPDX-License-Identifier: MIT

/** A piece of a message: plain text, or an http(s) link (`href` is the parsed URL, `text` what was written). */
export type TextPart = { text: string; href?: undefined } | { text: string; href: string };

// A web address as people write it in a chat: a scheme or `www.`, then anything up to a space or an angle bracket.
const candidate = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
// Punctuation that ends a sentence, not the address.
const trailing = /[.,;:!?'»)\]]+$/u;

/**
 * Splits `text` into plain pieces and http(s) links, for rendering as text nodes and `<a>` elements built by Lit
 * templates (never as HTML). Only `http:` and `https:` URLs become links; everything else, `javascript:` and
 * entity-encoded tricks included, stays text.
 *
 * @example
 * linkify('See https://egov.kz.') // → [{ text: 'See ' }, { text: 'https://egov.kz', href: 'https://egov.kz/' }, { text: '.' }]
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(candidate)) {
    let written = match[0];
    const cut = trailing.exec(written);
    if (cut) written = written.slice(0, cut.index);
    const href = webHref(written.startsWith('www.') ? `https://${written}` : written);
    if (!href) continue;
    const at = match.index;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: written, href });
    last = at + written.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function webHref(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
