// SPDX-License-Identifier: MIT
/**
 * Friendly names for the schemas of the HTTP contract (`openapi.yaml`). Every type here is an alias of
 * `components['schemas'][…]` in the generated `./generated/openapi.ts`: change the YAML, run
 * `npm run contract:types`, and these follow.
 *
 * @packageDocumentation
 */
import type { components } from './generated/openapi.js';

export type { components, operations, paths } from './generated/openapi.js';

type S = components['schemas'];

// ------------------------------------------------------------------------------------------------- basics
/** A text the server gives in Kazakh, Russian and English. */
export type LocalizedText = S['LocalizedText'];
/** A server text in three languages, or a text a person typed (shown as typed). */
export type TextOrLocalized = S['TextOrLocalized'];
/** A language of the widgets: `kk`, `ru` or `en`. */
export type Locale = S['Locale'];
/** A channel through which a citizen contacts the center. */
export type Channel = S['Channel'];
/** The legal kind of an appeal: complaint, application, request, proposal (clause 3). */
export type AppealKind = S['AppealKind'];
/** The status of an appeal. */
export type ComplaintStatus = S['ComplaintStatus'];
export type OutageStatus = S['OutageStatus'];
export type OutageSeverity = S['OutageSeverity'];
export type CallbackStatus = S['CallbackStatus'];
export type ChatStatus = S['ChatStatus'];
export type MessageState = S['MessageState'];
export type AuthorKind = S['AuthorKind'];
export type RatingSubjectKind = S['RatingSubjectKind'];

// ------------------------------------------------------------------------------------------------- errors
/** An RFC 9457 problem document with a stable `code`. */
export type Problem = S['Problem'];
/** The stable error codes of the contract. */
export type ProblemCode = S['ProblemCode'];
/** One field of a validation failure. */
export type FieldError = S['FieldError'];

// ------------------------------------------------------------------------------------------------- config
/** Everything a widget needs to know about the center (`GET /config`). */
export type Config = S['Config'];
/**
 * The working calendar as the server publishes it. Structurally the same as the calendar code's
 * `WorkingSchedule`, which `@kc/contract`'s index exports under this name.
 */
export type WorkingSchedule = S['WorkingSchedule'];
export type TimeInterval = S['TimeInterval'];
export type Holiday = S['Holiday'];
export type WorkingDay = S['WorkingDay'];
export type ContactChannel = S['ContactChannel'];
export type AlternativeChannel = S['AlternativeChannel'];
export type WaitingInfo = S['WaitingInfo'];
export type Thresholds = S['Thresholds'];
export type AppealKindInfo = S['AppealKindInfo'];
export type Category = S['Category'];
export type AttachmentLimits = S['AttachmentLimits'];
export type PrivacyNotice = S['PrivacyNotice'];
export type LowScoreReason = S['LowScoreReason'];
export type RatingSettings = S['RatingSettings'];
export type CallbackSettings = S['CallbackSettings'];

// ------------------------------------------------------------------------------------------------- queue, outages
export type QueueStatus = S['QueueStatus'];
export type QueueChannelStatus = S['QueueChannelStatus'];
export type Outage = S['Outage'];
export type OutageInput = S['OutageInput'];
export type OutagePatch = S['OutagePatch'];
export type OutageList = S['OutageList'];
export type OutageResolveInput = S['OutageResolveInput'];

// ------------------------------------------------------------------------------------------------- appeals
export type Attachment = S['Attachment'];
export type Applicant = S['Applicant'];
/** A new appeal (`POST /complaints`). */
export type ComplaintDraft = S['ComplaintDraft'];
/** The answer to a new appeal; `accessCode` is shown once. */
export type ComplaintReceipt = S['ComplaintReceipt'];
/** An appeal as its applicant sees it. */
export type CitizenComplaint = S['CitizenComplaint'];
/** An appeal as operators see it. */
export type Complaint = S['Complaint'];
export type ComplaintSummary = S['ComplaintSummary'];
export type ComplaintLookup = S['ComplaintLookup'];
/** The answer to a lookup: the appeal and its view token. */
export type ComplaintView = S['ComplaintView'];
export type ComplaintComment = S['ComplaintComment'];
export type TimelineEntry = S['TimelineEntry'];
export type Responsible = S['Responsible'];
export type Delay = S['Delay'];
export type ForwardedTo = S['ForwardedTo'];
export type Resolution = S['Resolution'];
export type ExternalRef = S['ExternalRef'];
export type ConsentInput = S['ConsentInput'];
export type ConsentRecord = S['ConsentRecord'];
export type ComplaintTransitionInput = S['ComplaintTransitionInput'];
export type ComplaintUpdateInput = S['ComplaintUpdateInput'];
export type ApplicantView = S['ApplicantView'];
export type CategoryRef = S['CategoryRef'];
export type TimelineActor = S['TimelineActor'];
export type CommentAuthor = S['CommentAuthor'];
export type CommentInput = S['CommentInput'];
export type WithdrawInput = S['WithdrawInput'];
export type ComplaintPage = S['ComplaintPage'];
export type DelayInput = S['DelayInput'];
export type ForwardInput = S['ForwardInput'];
export type ResolutionInput = S['ResolutionInput'];

// ------------------------------------------------------------------------------------------------- chat
export type ChatSession = S['ChatSession'];
export type ChatSessionState = S['ChatSessionState'];
export type ChatStarted = S['ChatStarted'];
export type ChatStartInput = S['ChatStartInput'];
export type ChatMessage = S['ChatMessage'];
export type ChatMessageInput = S['ChatMessageInput'];
export type ChatTranscript = S['ChatTranscript'];
export type ChatCloseReason = S['ChatCloseReason'];
export type QuickReply = S['QuickReply'];
export type MessageAuthor = S['MessageAuthor'];
export type OperatorPublic = S['OperatorPublic'];
export type TypingInput = S['TypingInput'];
export type ReadInput = S['ReadInput'];
export type ChatCloseInput = S['ChatCloseInput'];
export type KbArticle = S['KbArticle'];
export type KbSearchResult = S['KbSearchResult'];

// ------------------------------------------------------------------------------------------------- callbacks, ratings
export type CallbackSlots = S['CallbackSlots'];
export type CallbackSlot = S['CallbackSlot'];
export type CallbackInput = S['CallbackInput'];
export type CallbackWhen = S['CallbackWhen'];
export type Callback = S['Callback'];
export type CallbackCreated = S['CallbackCreated'];
export type OperatorCallback = S['OperatorCallback'];
export type RatingInput = S['RatingInput'];
export type Rating = S['Rating'];
export type CallbackReschedule = S['CallbackReschedule'];
export type CallbackOutcome = S['CallbackOutcome'];
export type CallbackCompleteInput = S['CallbackCompleteInput'];
export type OperatorCallbackPage = S['OperatorCallbackPage'];

// ------------------------------------------------------------------------------------------------- operator
export type OperatorChatSummary = S['OperatorChatSummary'];
export type OperatorChatDetail = S['OperatorChatDetail'];
export type IndicatorReport = S['IndicatorReport'];
export type Indicator = S['Indicator'];
export type FormRow = S['FormRow'];
export type IndicatorTarget = S['IndicatorTarget'];
export type OperatorRef = S['OperatorRef'];
export type OperatorChatPage = S['OperatorChatPage'];
export type OperatorMessageInput = S['OperatorMessageInput'];
export type TransferInput = S['TransferInput'];
export type OperatorChatCloseInput = S['OperatorChatCloseInput'];

// ------------------------------------------------------------------------------------------------- streams
/** One message of a chat stream: `{ id, event, data }`, discriminated by `event`. */
export type ChatEvent = S['ChatStreamEvent'];
/** One message of an appeal stream. */
export type ComplaintEvent = S['ComplaintStreamEvent'];
/** One message of the outage stream. */
export type OutageEvent = S['OutageStreamEvent'];
/** One message of the operator stream. */
export type OperatorEvent = S['OperatorStreamEvent'];
/** Any stream message of the contract. */
export type StreamEvent = ChatEvent | ComplaintEvent | OutageEvent | OperatorEvent;

export type ChatEventName = ChatEvent['event'];
export type ComplaintEventName = ComplaintEvent['event'];
export type OutageEventName = OutageEvent['event'];
export type OperatorEventName = OperatorEvent['event'];

/**
 * The `data` payload of one event name of a stream union.
 *
 * @example
 * ```ts
 * type Joined = EventData<ChatEvent, 'operator.joined'>; // { operator: { displayName: string }, at: string }
 * ```
 */
export type EventData<E extends { event: string; data: unknown }, N extends E['event']> = Extract<
  E,
  { event: N }
>['data'];
