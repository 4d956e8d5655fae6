// SPDX-License-Identifier: MIT
import { KcCallback } from './components/callback/callback.js';
import { define } from './internal/define.js';

export { KcCallback };

define('kc-callback', KcCallback);

declare global {
  interface HTMLElementTagNameMap {
    'kc-callback': KcCallback;
  }
}
