// SPDX-License-Identifier: MIT
export { KcErrorEvent, type KcErrorDetail } from './kc-error.js';
export { KcOutageDismissEvent, type KcOutageDismissDetail } from './kc-outage-dismiss.js';
