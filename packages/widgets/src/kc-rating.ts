// SPDX-License-Identifier: MIT
import { KcRating } from './components/rating/rating.js';
import { define } from './internal/define.js';

export { KcRating };

define('kc-rating', KcRating);

declare global {
  interface HTMLElementTagNameMap {
    'kc-rating': KcRating;
  }
}
