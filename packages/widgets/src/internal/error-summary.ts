// SPDX-License-Identifier: MIT
import { html, nothing, type TemplateResult } from 'lit';

/** One problem of a failed check: the field's id and what is wrong, in the citizen's language. */
export interface SummaryEntry<F extends string = string> {
  readonly field: F;
  readonly message: string;
}

/**
 * The GOV.UK error summary: an alert labelled by its heading, focusable so that a failed check can move focus to
 * it, with one link per problem that moves focus to the field (`focusField`) instead of changing the page's URL.
 * Renders nothing when there is no problem. The element styles it through `.kc-summary` and `::part(error-summary)`.
 */
export function renderErrorSummary<F extends string>(
  heading: TemplateResult,
  entries: readonly SummaryEntry<F>[],
  focusField: (field: F) => void,
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  return html`<div
    class="kc-summary"
    part="error-summary"
    id="summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="summary-title"
  >
    ${heading}
    <ul>
      ${entries.map(
        ({ field, message }) =>
          html`<li>
            <a
              href=${`#${field}`}
              @click=${(e: Event) => {
                e.preventDefault();
                focusField(field);
              }}
              >${message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}
