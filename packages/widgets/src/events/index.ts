// SPDX-License-Identifier: MIT
export { KcErrorEvent, type KcErrorDetail } from './kc-error.js';
export { KcOutageDismissEvent, type KcOutageDismissDetail } from './kc-outage-dismiss.js';
export { KcSubmitEvent, type KcSubmitDetail } from './kc-submit.js';
export { KcSubmittedEvent, type KcSubmittedDetail } from './kc-submitted.js';
export { KcSubmitErrorEvent, type KcSubmitErrorDetail } from './kc-submit-error.js';
export { KcFollowStatusEvent, type KcFollowStatusDetail } from './kc-follow-status.js';
export { KcCallbackRequestedEvent, type KcCallbackRequestedDetail } from './kc-callback-requested.js';
export { KcCallbackCancelledEvent, type KcCallbackCancelledDetail } from './kc-callback-cancelled.js';
export { KcRatedEvent, type KcRatedDetail, type KcRatingSubject } from './kc-rated.js';
export { KcComplaintRequestedEvent, type KcComplaintRequestedDetail } from './kc-complaint-requested.js';
