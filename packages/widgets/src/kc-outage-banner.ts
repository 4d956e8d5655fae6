// SPDX-License-Identifier: MIT
import { KcOutageBanner } from './components/outage-banner/outage-banner.js';
import { define } from './internal/define.js';

export { KcOutageBanner };

define('kc-outage-banner', KcOutageBanner);

declare global {
  interface HTMLElementTagNameMap {
    'kc-outage-banner': KcOutageBanner;
  }
}
