// SPDX-License-Identifier: MIT
import { ContextRoot, createContext } from '@lit/context';
import { config, type KcCore, type KcConfig, type KcGiven, type KcOutage } from '@kc/sdk';

export type { AlternativeChannel, KcGiven, LocalizedText } from '@kc/sdk';

/**
 * The client a kc element calls: a `@kc/sdk` core (`createCore`) or full client (`createClient`). Elements reach
 * the domains through the SDK's module functions (`outages(client)`), so a page bundles only the domains its
 * elements use: an element imports its domains itself (never through this shared module, which every element
 * loads). Tests give an element a fake whose `use()` returns fake modules.
 */
export type WidgetClient = KcCore;

/** The contact center's configuration (`GET /config`). */
export type Config = KcConfig;

/** A service interruption (the contract's `Outage`). */
export type Outage = KcOutage;

/**
 * The client an enclosing `<kc-provider>` shares with its descendants, as a promise: the provider shares it at once,
 * before its client exists (made from `base-url` after an import), so that its descendants wait for it instead of
 * reporting that they have none. The key is in the global symbol registry so
 * that two copies of kc on one page (a CDN script and a bundle) still find each other's provider.
 */
export const clientContext = createContext<Promise<WidgetClient> | undefined>(Symbol.for('kc.context.client'));

/** The configuration as `<kc-provider>` shares it: loading (neither field), loaded, or failed. */
export interface ConfigState {
  /** The configuration, once loaded. */
  readonly value?: Config;
  /** Why loading failed, when it did. */
  readonly error?: unknown;
  /** Loads it again (after a failure). */
  retry(): void;
}

/** The contact center's configuration, loaded once by `<kc-provider>` for every widget inside it. */
export const configContext = createContext<ConfigState | undefined>(Symbol.for('kc.context.config'));

/** The elements whose form offers what the citizen gave elsewhere on the page. */
const offering = new Set<{ requestUpdate(): void }>();

/**
 * Keeps what the citizen gave in a form (empty values left out) in the client's memory, `KcCore.given`, never in
 * storage, and has every form that offers it render again, so that nothing is asked twice (WCAG 3.3.7). The SDK
 * forgets it on `clearLocalData()` and when the page is left.
 */
export function give(client: WidgetClient, given: KcGiven): void {
  const { name, phone } = given;
  client.given = { ...client.given, ...(name && { name }), ...(phone && { phone }) };
  for (const element of offering) element.requestUpdate();
}

/** While `on`, `element` renders again whenever a form of the page is given something (see {@link give}). */
export function offerGiven(element: { requestUpdate(): void }, on: boolean): void {
  if (on) offering.add(element);
  else offering.delete(element);
}

/** The configuration calls of `client` (cached, and shared by concurrent callers, in the SDK). */
export const configOf = (client: WidgetClient) => config(client);

const rootKey = Symbol.for('kc.context.root');

/**
 * Attaches one `ContextRoot` to the document, so that a `<kc-provider>` upgraded after the elements inside it
 * (its chunk loaded later) still reaches them. Safe to call from every element and every copy of kc.
 */
export function ensureContextRoot(doc: Document): void {
  const holder = doc as Document & { [rootKey]?: ContextRoot };
  if (holder[rootKey]) return;
  const root = new ContextRoot();
  root.attach(doc.documentElement);
  holder[rootKey] = root;
}
