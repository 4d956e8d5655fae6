// SPDX-License-Identifier: MIT
/**
 * The contract's wire types, named as in `openapi.yaml`. The backend takes and returns exactly these; internal
 * records extend them with what never leaves the server (hashes, identity links).
 *
 * @packageDocumentation
 */
import type { components } from '@kc/contract';

type S = components['schemas'];

export type Locale = S['Locale'];
export type LocalizedText = S['LocalizedText'];
export type TextOrLocalized = S['TextOrLocalized'];
export type Channel = S['Channel'];
export type AppealKind = S['AppealKind'];
export type ComplaintStatus = S['ComplaintStatus'];
export type OutageStatus = S['OutageStatus'];
export type CallbackStatus = S['CallbackStatus'];
export type ChatStatus = S['ChatStatus'];
export type MessageState = S['MessageState'];
export type AuthorKind = S['AuthorKind'];
export type RatingSubjectKind = S['RatingSubjectKind'];
export type ProblemCode = S['ProblemCode'];
export type FieldError = S['FieldError'];
export type Problem = S['Problem'];
export type Config = S['Config'];
export type Category = S['Category'];
export type QueueStatus = S['QueueStatus'];
export type QueueChannelStatus = S['QueueChannelStatus'];
export type Outage = S['Outage'];
export type OutageList = S['OutageList'];
export type OutageInput = S['OutageInput'];
export type OutagePatch = S['OutagePatch'];
export type OutageResolveInput = S['OutageResolveInput'];
export type Attachment = S['Attachment'];
export type Responsible = S['Responsible'];
export type Delay = S['Delay'];
export type ForwardedTo = S['ForwardedTo'];
export type Resolution = S['Resolution'];
export type ExternalRef = S['ExternalRef'];
export type TimelineEntry = S['TimelineEntry'];
export type TimelineActor = S['TimelineActor'];
export type ComplaintComment = S['ComplaintComment'];
export type CommentInput = S['CommentInput'];
export type Applicant = S['Applicant'];
export type ApplicantView = S['ApplicantView'];
export type ComplaintDraft = S['ComplaintDraft'];
export type CitizenComplaint = S['CitizenComplaint'];
export type Complaint = S['Complaint'];
export type ComplaintReceipt = S['ComplaintReceipt'];
export type ComplaintLookup = S['ComplaintLookup'];
export type ComplaintView = S['ComplaintView'];
export type WithdrawInput = S['WithdrawInput'];
export type ComplaintSummary = S['ComplaintSummary'];
export type ComplaintPage = S['ComplaintPage'];
export type ComplaintTransitionInput = S['ComplaintTransitionInput'];
export type ComplaintUpdateInput = S['ComplaintUpdateInput'];
export type ChatSession = S['ChatSession'];
export type ChatCloseReasonWire = S['ChatCloseReason'];
export type QuickReply = S['QuickReply'];
export type ChatMessage = S['ChatMessage'];
export type ChatStartInput = S['ChatStartInput'];
export type ChatStarted = S['ChatStarted'];
export type ChatSessionState = S['ChatSessionState'];
export type ChatMessageInput = S['ChatMessageInput'];
export type TypingInput = S['TypingInput'];
export type ReadInput = S['ReadInput'];
export type ChatCloseInput = S['ChatCloseInput'];
export type ChatTranscript = S['ChatTranscript'];
export type OperatorPublic = S['OperatorPublic'];
export type OperatorRef = S['OperatorRef'];
export type OperatorChatSummary = S['OperatorChatSummary'];
export type OperatorChatPage = S['OperatorChatPage'];
export type OperatorChatDetail = S['OperatorChatDetail'];
export type OperatorMessageInput = S['OperatorMessageInput'];
export type TransferInput = S['TransferInput'];
export type OperatorChatCloseInput = S['OperatorChatCloseInput'];
export type KbArticle = S['KbArticle'];
export type KbSearchResult = S['KbSearchResult'];
export type CallbackSlot = S['CallbackSlot'];
export type CallbackSlots = S['CallbackSlots'];
export type CallbackWhen = S['CallbackWhen'];
export type CallbackInput = S['CallbackInput'];
export type CallbackReschedule = S['CallbackReschedule'];
export type Callback = S['Callback'];
export type CallbackCreated = S['CallbackCreated'];
export type OperatorCallback = S['OperatorCallback'];
export type CallbackOutcome = S['CallbackOutcome'];
export type CallbackCompleteInput = S['CallbackCompleteInput'];
export type OperatorCallbackPage = S['OperatorCallbackPage'];
export type RatingInput = S['RatingInput'];
export type Rating = S['Rating'];
export type Indicator = S['Indicator'];
export type IndicatorTarget = S['IndicatorTarget'];
export type FormRow = S['FormRow'];
export type IndicatorReport = S['IndicatorReport'];
