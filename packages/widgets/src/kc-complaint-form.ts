// SPDX-License-Identifier: MIT
import { KcComplaintForm } from './components/complaint-form/complaint-form.js';
import { define } from './internal/define.js';

export { KcComplaintForm };

define('kc-complaint-form', KcComplaintForm);

declare global {
  interface HTMLElementTagNameMap {
    'kc-complaint-form': KcComplaintForm;
  }
}
