// SPDX-License-Identifier: MIT
import type { KcLocale } from '@kc/sdk';
import type { WidgetClient } from './client.js';

/** The SDK's language for a catalog code (`kk-Latn` → `kk`). */
export function sdkLocale(code: string): KcLocale {
  const language = code.slice(0, 2);
  return language === 'ru' || language === 'en' ? language : 'kk';
}

/**
 * Makes a `@kc/sdk` client core for an element that has only a `base-url`. The SDK's core (`createCore` alone,
 * not the SDK's index) is imported on first use, so a page whose elements share a `<kc-provider>`'s client never
 * loads this path.
 */
export async function createClientFor(options: { baseUrl: string; locale: string }): Promise<WidgetClient> {
  const { createCore } = await import('./sdk-core.js');
  return createCore({ baseUrl: options.baseUrl, locale: sdkLocale(options.locale) });
}
