// SPDX-License-Identifier: MIT
// The element classes and shared pieces, without registering any tag: import `@kc/widgets/kc-<tag>.js` (or call
// `define()`) to register one.
export { KcElement, type ErrorCallback } from './internal/kc-element.js';
export { define, type VersionedElement } from './internal/define.js';
export { VERSION } from './internal/version.js';
export {
  clientContext,
  configContext,
  type WidgetClient,
  type Config,
  type Outage,
  type AlternativeChannel,
  type LocalizedText,
} from './internal/client.js';
export { KcNoClientError } from './internal/errors.js';
export { safeHref, telHref } from './internal/url.js';
export { formatDateTime, formatNumber, DEFAULT_TIME_ZONE } from './internal/format.js';
export { resolveLocale, FALLBACK_LOCALE } from './internal/locale.js';
export {
  registerTranslation,
  matchCatalog,
  loadCatalog,
  availableCatalogs,
  plural,
  formatList,
  type Translation,
  type StringsOverride,
  type ChannelName,
  type SeverityName,
  type ContentLanguage,
} from './translations/index.js';
export { registerLocale, type KcLocale } from './translations/locale.js';
export * from './events/index.js';
export { tokenStyles } from './styles/tokens.js';
export { baseStyles } from './styles/base.js';
export { KcProvider } from './components/provider/provider.js';
export { KcOutageBanner } from './components/outage-banner/outage-banner.js';
export type { DismissStorage } from './components/outage-banner/dismissed.js';
export { ElementStrings } from './internal/element-strings.js';
export { KcComplaintForm, type ComplaintIdentity } from './components/complaint-form/complaint-form.js';
export type { ComplaintFormStrings, FormStep, FormErrorCode } from './components/complaint-form/strings/index.js';
export { KcComplaintStatus } from './components/complaint-status/complaint-status.js';
export type { ComplaintStatusStrings, TimelineType, OutcomeName } from './components/complaint-status/strings/index.js';
export { KcChat } from './components/chat/chat.js';
export { KcChatToggleEvent, KcChatStartedEvent, KcChatEndedEvent } from './components/chat/events.js';
export type { ChatStrings, ChatEndReason } from './components/chat/strings/index.js';
export { KcCallback } from './components/callback/callback.js';
export type { CallbackStrings, CallbackErrorCode } from './components/callback/strings/index.js';
export { KcRating } from './components/rating/rating.js';
export type { RatingStrings, RatingErrorCode } from './components/rating/strings/index.js';
export { fieldStyles } from './styles/fields.js';
export { CustomStates } from './internal/custom-states.js';
