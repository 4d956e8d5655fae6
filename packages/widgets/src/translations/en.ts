// SPDX-License-Identifier: MIT
import { formatList, plural, type Translation } from './translation.js';

const notices = (n: number) => plural('en', n, { one: 'notice', other: 'notices' });

/** English. */
const en = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  $content: 'en',
  $dates: 'intl',

  common: {
    loading: 'Loading…',
    retry: 'Try again',
    errorHeading: 'Could not load',
    errorNetwork: 'There is no connection to the contact center. Check your internet connection and try again.',
    errorRateLimited: (seconds) =>
      seconds
        ? `Too many requests. Try again in ${seconds} ${plural('en', seconds, { one: 'second', other: 'seconds' })}.`
        : 'Too many requests. Try again a little later.',
    errorUnknown: 'Sorry, there is a problem. Try again, or contact the center another way.',
    errorNoClient: 'This service is temporarily unavailable.',
    channel: {
      web: 'website',
      chat: 'online chat',
      phone: 'phone',
      callback: 'callback',
      email: 'e-mail',
      messenger: 'messengers',
      visit: 'visit in person',
      e_otinish: 'eOtinish',
    },
    list: (items) => formatList('en', items),
    help: 'Help from the contact center',
  },

  outageBanner: {
    heading: (count) => (count > 1 ? `Service interruption: ${count} ${notices(count)}` : 'Service interruption'),
    severity: {
      info: 'Information',
      minor: 'Partial interruption',
      major: 'Major interruption',
      critical: 'Critical interruption',
    },
    activeSince: (time) => `Since ${time}`,
    scheduledFor: (time) => `Scheduled for ${time}`,
    affectedChannels: 'Affected channels',
    alternativeChannels: 'Alternative channels',
    expectedResume: (time) => `Expected to resume: ${time}`,
    resumeUnknown: 'We do not know yet when service will resume.',
    dismiss: 'Dismiss',
    dismissLabel: (severity) => `Dismiss notice: ${severity}`,
    dismissed: 'Notice dismissed.',
    announceNew: (count) =>
      count > 1 ? `${count} new service interruption ${notices(count)}.` : 'New service interruption notice.',
  },
} satisfies Translation;

export default en;
