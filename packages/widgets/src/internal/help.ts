// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../translations/translation.js';
import type { AlternativeChannel, Config } from './client.js';
import { isWebLink, safeHref, telHref, type LinkScheme } from './url.js';

/** The schemes a channel of the help links to: a phone call or a web page, nothing else. */
const HELP: readonly LinkScheme[] = ['https:', 'http:', 'tel:'];

/** The schemes another channel offered instead (an outage's alternatives, the chat's offer) links to: mail too. */
export const ALTERNATIVE_SCHEMES: readonly LinkScheme[] = ['https:', 'http:', 'tel:', 'mailto:'];

/**
 * One channel as a list item, as text: its label and value (`Call center — 1414`), a link only when `href` (or a
 * phone channel's value) is a safe URL of one of `schemes`; a web link opens beside the page, so nothing typed is
 * lost.
 */
export function channelItem(
  channel: Partial<AlternativeChannel>,
  label: string,
  schemes: readonly LinkScheme[] = HELP,
): TemplateResult {
  const value = channel.value && !label.includes(channel.value) ? channel.value : undefined;
  const href = safeHref(channel.href, schemes) ?? (channel.channel === 'phone' ? telHref(channel.value) : undefined);
  const text = value ? `${label} — ${value}` : label;
  if (!href) return html`<li>${text}</li>`;
  return isWebLink(href)
    ? html`<li><a href=${href} target="_blank" rel="noopener noreferrer">${text}</a></li>`
    : html`<li><a href=${href}>${text}</a></li>`;
}

/**
 * The help every widget shows last, the same in each (WCAG 3.2.6 Consistent help): a disclosure named
 * `common.help` with the contact center's channels from the configuration. Nothing while the configuration is
 * unknown or lists no channel, and nothing in a widget inside another kc widget (the callback form a chat
 * offers), whose host shows it already.
 */
export function renderHelp(host: Element, config: Config | undefined, t: Translation): TemplateResult | typeof nothing {
  const root = host.getRootNode();
  if (!config?.channels.length || (root instanceof ShadowRoot && root.host.localName.startsWith('kc-'))) return nothing;
  return html`<details class="kc-help" part="help">
    <summary>${t.common.help}</summary>
    <ul>
      ${config.channels.map((c) => channelItem(c, c.label[t.$content]))}
    </ul>
  </details>`;
}
