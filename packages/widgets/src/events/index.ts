// SPDX-License-Identifier: MIT
export { KcErrorEvent, type KcErrorDetail } from './kc-error.js';
export { KcOutageDismissEvent, type KcOutageDismissDetail } from './kc-outage-dismiss.js';
export { KcSubmitEvent, type KcSubmitDetail } from './kc-submit.js';
export { KcSubmittedEvent, type KcSubmittedDetail } from './kc-submitted.js';
export { KcSubmitErrorEvent, type KcSubmitErrorDetail } from './kc-submit-error.js';
export { KcFollowStatusEvent, type KcFollowStatusDetail } from './kc-follow-status.js';
