// SPDX-License-Identifier: MIT
import { KcProvider } from './components/provider/provider.js';
import { define } from './internal/define.js';

export { KcProvider };

define('kc-provider', KcProvider);

declare global {
  interface HTMLElementTagNameMap {
    'kc-provider': KcProvider;
  }
}
