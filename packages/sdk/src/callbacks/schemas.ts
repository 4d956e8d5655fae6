// SPDX-License-Identifier: MIT
// The schemas of the callbacks module, loaded when it is first used (see `callbacks.ts`).
export {
  Callback,
  CallbackCreated,
  CallbackInput,
  CallbackReschedule,
  CallbackSlots,
} from '../validation/schemas/index.js';
