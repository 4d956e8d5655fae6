// SPDX-License-Identifier: MIT
// The contract document as data, for validating requests and responses with the contract's own schemas.
export { document as contractDocument } from '@kc/contract/document';
