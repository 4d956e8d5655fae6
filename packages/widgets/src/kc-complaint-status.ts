// SPDX-License-Identifier: MIT
import { KcComplaintStatus } from './components/complaint-status/complaint-status.js';
import { define } from './internal/define.js';

export { KcComplaintStatus };

define('kc-complaint-status', KcComplaintStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kc-complaint-status': KcComplaintStatus;
  }
}
