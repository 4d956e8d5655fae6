// SPDX-License-Identifier: MIT
import { registerTranslation } from './index.js';
import type { Translation } from './translation.js';
import { callbackStrings, type CallbackStrings } from '../components/callback/strings/index.js';
import { chatStrings, type ChatStrings } from '../components/chat/strings/index.js';
import { complaintFormStrings, type ComplaintFormStrings } from '../components/complaint-form/strings/index.js';
import { complaintStatusStrings, type ComplaintStatusStrings } from '../components/complaint-status/strings/index.js';
import { ratingStrings, type RatingStrings } from '../components/rating/strings/index.js';

/**
 * Every text of kc in one language: the shared catalog and the strings of each element. A module that exports one
 * object `satisfies KcLocale` is a whole new language (`kk-Latn`): a missing section or key does not compile.
 *
 * @example
 * // kk-latn.ts
 * export default { catalog: { $code: 'kk-Latn', …, common: {…}, outageBanner: {…} }, chat: {…}, … } satisfies KcLocale;
 * // the page
 * registerLocale(kkLatn); // <html lang="kk-Latn"> now shows it in every element
 */
export interface KcLocale {
  catalog: Translation;
  chat: ChatStrings;
  callback: CallbackStrings;
  rating: RatingStrings;
  complaintForm: ComplaintFormStrings;
  complaintStatus: ComplaintStatusStrings;
}

/**
 * Adds or replaces a whole language: the shared catalog (as {@link registerTranslation}) and every element's
 * strings, under the catalog's `$code`. Call it before the elements render to show it at once.
 */
export function registerLocale(locale: KcLocale): void {
  const code = locale.catalog.$code;
  chatStrings.register(code, locale.chat);
  callbackStrings.register(code, locale.callback);
  ratingStrings.register(code, locale.rating);
  complaintFormStrings.register(code, locale.complaintForm);
  complaintStatusStrings.register(code, locale.complaintStatus);
  registerTranslation(locale.catalog);
}
