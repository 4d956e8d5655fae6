// SPDX-License-Identifier: MIT
// The contract document as data, for validating requests and responses with the contract's own schemas.
// `@kc/contract` generates this module but does not export the document yet; this is the one place that reaches for
// it (the build inlines it), so that switching to a public export changes one line.
export { document as contractDocument } from '../../contract/src/generated/openapi-document.js';
