// SPDX-License-Identifier: MIT
import { plural } from '../../../translations/translation.js';
import type { RatingStrings } from './index.js';

const chars = (n: number) => plural('en', n, { one: 'character', other: 'characters' });

/** `<kc-rating>` in English. */
const en = {
  heading: {
    chat: 'Rate the online chat',
    call: 'Rate your call to the contact center',
    callback: 'Rate the callback',
    complaint: 'Rate how your appeal was handled',
  },
  callRefLabel: 'Call reference',
  callRefHint: 'It came in a text message after the call.',
  resolvedLegend: 'Was your question solved?',
  yes: 'Yes',
  no: 'No',
  csatLegend: 'How satisfied are you with the service?',
  csat: ['Very poor', 'Poor', 'Fair', 'Good', 'Excellent'],
  cesLegend: 'How easy was it to get your question dealt with?',
  ces: [
    'Very difficult',
    'Difficult',
    'Somewhat difficult',
    'Neither difficult nor easy',
    'Somewhat easy',
    'Easy',
    'Very easy',
  ],
  npsLegend: 'How likely are you to recommend this way of contacting us to others?',
  npsHint: '0 means not at all likely, 10 means extremely likely.',
  npsLow: 'not at all likely',
  npsHigh: 'extremely likely',
  commentLabel: 'Comment (optional)',
  commentLimit: (limit) => `Up to ${limit} ${chars(limit)}.`,
  charactersLeft: (n) => `You have ${n} ${chars(n)} remaining`,
  charactersOver: (n) => `You have ${n} ${chars(n)} too many`,
  reasonsLegend: 'What went wrong? (optional)',
  followUp: 'Contact me to sort it out',
  phoneLabel: 'Phone number to contact you',
  phoneHint: 'A Kazakhstan number, for example +7 701 123 45 67',
  complaintOffer: 'If you disagree with how your question was handled, you can file a complaint.',
  complaintButton: 'File a complaint',
  submit: 'Send rating',
  submitting: 'Sending…',
  errorSummary: 'There is a problem',
  errors: {
    callRefRequired: 'Enter the call reference from the text message',
    resolvedRequired: 'Say whether your question was solved',
    csatRequired: 'Choose a score from 1 to 5',
    commentTooLong: (limit) => `The comment must be ${limit} ${chars(limit)} or fewer`,
    phoneRequired: 'Enter a phone number so that we can contact you',
    phoneInvalid: 'Enter a Kazakhstan phone number, like +7 701 123 45 67',
  },
  refused: 'The contact center did not accept the rating. Check your answers and try again.',
  thanksHeading: 'Thank you for your rating',
  thanks: 'Your answer helps the contact center do better.',
  thanksFollowUp: 'A specialist will contact you to sort it out.',
  thanksQueued:
    'The contact center cannot be reached right now: your rating is saved on this device and will be sent automatically.',
  delivered: 'Your rating has been sent.',
  alreadyHeading: 'We already have your rating',
  already: 'Each contact can be rated once. Thank you!',
} satisfies RatingStrings;

export default en;
