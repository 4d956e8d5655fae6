// SPDX-License-Identifier: MIT
// The schemas of the ratings module, loaded when it is first used (see `ratings.ts`).
export { Rating, RatingInput } from '../validation/schemas/index.js';
