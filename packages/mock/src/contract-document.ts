// SPDX-License-Identifier: MIT
// The contract document as data, for the validators (the mock and the contract suite are test tools: the document
// never reaches a production bundle of the widgets or the SDK).
export { document as contractDocument } from '@kc/contract/document';
