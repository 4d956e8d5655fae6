// SPDX-License-Identifier: MIT
import type { ChatStrings } from './index.js';

const s = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** English. */
const en = {
  launcher: 'Chat with the contact center',
  launcherUnread: (count) => `Chat with the contact center, ${s(count, 'new message', 'new messages')}`,
  title: 'Online chat',
  hide: 'Hide chat',
  openNow: 'Open now',
  closedNow: 'Closed now',
  opensAt: (time) => `Closed now. Opens ${time}`,

  kbIntro: 'Type your question: we will show answers from the knowledge base. An operator is one step away.',
  kbLabel: 'Your question',
  kbSearching: 'Searching the knowledge base…',
  kbFound: (count) => `${s(count, 'answer', 'answers')} from the knowledge base`,
  kbNone: 'No ready answer found. Write to an operator.',
  kbMore: 'Read on the site',
  askOperator: 'Write to an operator',

  consentHeading: 'Before the chat starts',
  consentNotice: 'Full privacy notice',
  consentAccept: 'I agree, start the chat',
  back: 'Back',
  starting: 'Connecting to the contact center…',
  startFailed: 'The chat could not start.',

  queuePosition: (position) => (position ? `You are number ${position} in the queue.` : 'You are in the queue.'),
  queueWait: (minutes) => `Waiting time: about ${s(minutes, 'minute', 'minutes')}.`,
  queueWaitUnknown: 'Waiting time is not known yet.',
  longWait: 'The wait is long. We can call you back, or you can use another channel.',
  closedOffer: 'The contact center is closed now. Order a callback for its working hours, or use another channel.',
  requestCallback: 'Order a callback',
  otherChannels: 'Other channels',
  callbackUnavailable: 'The callback form could not be loaded. Use one of the other channels.',

  log: 'Conversation',
  you: 'You',
  operator: 'Operator',
  center: 'Contact center',
  status: {
    sending: 'Sending…',
    queued: 'Not sent yet: it will go out when the connection returns',
    sent: 'Sent',
    delivered: 'Delivered',
    read: 'Read',
    failed: 'Not sent',
  },
  retry: 'Send again',
  typing: (name) => `${name} is typing…`,
  joined: (name) => `Operator ${name} joined the chat.`,
  left: (name) => `Operator ${name} left the chat.`,
  transferred: (name) => (name ? `The chat was passed to operator ${name}.` : 'The chat is back in the queue.'),
  newMessage: (author, text) => `${author}: ${text}`,
  savedOffline: 'No connection. The message is saved and will be sent when the connection returns.',
  earlier: 'Show earlier messages',
  quickReplies: 'Quick replies',
  input: 'Message',
  send: 'Send',
  attach: 'Attach a file',
  uploading: (name) => `Uploading ${name}`,
  uploadFailed: (name) => `${name} could not be uploaded.`,
  removeFile: (name) => `Remove ${name}`,
  kilobytes: (size) => `${size} KB`,

  offline: 'No connection. Your messages are kept and will be sent when it returns.',
  outageHeading: 'Service interruption',
  resumesAt: (time) => `Expected to resume: ${time}`,
  resumeUnknown: 'The time of resumption is not known yet.',
  alternatives: 'Alternative channels',
  inactivity: (time) => `Write anything to continue: otherwise the chat closes at ${time}.`,

  end: 'End chat',
  endConfirm: 'End the chat?',
  endYes: 'Yes, end it',
  endNo: 'No, continue',
  ended: {
    citizen_closed: 'You ended the chat.',
    operator_closed: 'The chat has ended.',
    inactivity: 'The chat closed after a long silence.',
    center_closed: 'The chat closed: the contact center is closed now.',
    outage: 'The chat closed because of a service interruption.',
  },
  transcript: 'Save the conversation',
  transcriptFile: 'chat.txt',
  newChat: 'Start a new chat',
  ratingUnavailable: 'The rating form could not be loaded.',
} satisfies ChatStrings;

export default en;
