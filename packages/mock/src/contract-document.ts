// SPDX-License-Identifier: MIT
// The contract document as data. `@kc/contract` builds its operation list from this generated module but does not
// export the document itself yet; this is the one place that reaches for it, so that switching to a public export
// changes one line.
export { document as contractDocument } from '../../contract/src/generated/openapi-document.js';
