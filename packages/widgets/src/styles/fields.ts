// SPDX-License-Identifier: MIT
import { css } from 'lit';

/**
 * Form fields shared by the form-like elements (`<kc-callback>`, `<kc-rating>`): a field with its label, hint and
 * error (GOV.UK's layout: the error above the control, a red bar beside the field), the error summary, fieldsets
 * of radios and checkboxes with targets of at least 24 px, and the polite status line. In `@layer kc`, after
 * `baseStyles`.
 */
export const fieldStyles = css`
  @layer kc {
    .kc-form {
      display: grid;
      gap: var(--_kc-space-m);
      overflow-wrap: anywhere;
    }

    .kc-heading {
      margin: 0;
      font-size: var(--_kc-font-size-large);
      font-weight: var(--_kc-font-weight-bold);
      line-height: 1.3;
    }

    .kc-field {
      display: grid;
      gap: var(--_kc-space-xs);
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }

    .kc-field--error {
      padding-inline-start: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-color-danger);
    }

    .kc-label,
    .kc-field > legend {
      padding: 0;
      font-weight: var(--_kc-font-weight-bold);
    }

    /* A long legend wraps in a narrow window instead of widening its fieldset (WebKit; WCAG 1.4.10). */
    fieldset {
      min-inline-size: 0;
    }

    legend {
      display: table;
      box-sizing: border-box;
      max-inline-size: 100%;
      white-space: normal;
    }

    /* WebKit sizes a legend by its fieldset's border box: leave room for the error bar's padding and border. */
    .kc-field--error > legend {
      max-inline-size: calc(100% - var(--_kc-space-m) - 4px);
    }

    .kc-hint {
      margin: 0;
      color: var(--_kc-color-text-muted);
    }

    .kc-field-error {
      margin: 0;
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
    }

    .kc-input {
      inline-size: 100%;
      max-inline-size: calc(var(--_kc-rem) * 30);
      min-block-size: calc(var(--_kc-rem) * 2.75);
      padding: var(--_kc-space-xs) var(--_kc-space-s);
      border: 2px solid var(--_kc-color-border);
      border-radius: var(--_kc-radius-s);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-text);
    }

    .kc-field--error .kc-input {
      border-color: var(--_kc-color-danger);
    }

    textarea.kc-input {
      max-inline-size: calc(var(--_kc-rem) * 40);
      resize: vertical;
    }

    .kc-choices {
      display: grid;
      gap: var(--_kc-space-xs);
    }

    .kc-choice {
      display: flex;
      align-items: center;
      gap: var(--_kc-space-s);
      min-block-size: calc(var(--_kc-rem) * 2.75);
      cursor: pointer;
    }

    .kc-choice input {
      flex: none;
      inline-size: calc(var(--_kc-rem) * 1.5);
      block-size: calc(var(--_kc-rem) * 1.5);
      margin: 0;
      accent-color: var(--_kc-color-accent);
    }

    .kc-summary {
      display: grid;
      gap: var(--_kc-space-s);
      padding: var(--_kc-space-m);
      border: 4px solid var(--_kc-color-danger);
      border-radius: var(--_kc-radius-m);
      background: var(--_kc-color-surface);
    }

    .kc-summary ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }

    /* Each link a target of 24 px at least (WCAG 2.5.8): they stand in a list, not in running text. */
    .kc-summary a {
      display: inline-block;
      min-block-size: 24px;
      padding-block: 2px;
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
    }

    .kc-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_kc-space-s);
    }

    .kc-details summary {
      display: inline-block;
      min-block-size: 24px;
      color: var(--_kc-color-link);
      text-decoration: underline;
      cursor: pointer;
    }

    .kc-details dl {
      margin: var(--_kc-space-s) 0 0;
      padding-inline-start: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-color-border);
    }

    .kc-details dt {
      font-weight: var(--_kc-font-weight-bold);
    }

    .kc-details dd {
      margin: 0 0 var(--_kc-space-xs);
      white-space: pre-line;
    }

    [tabindex='-1']:focus {
      outline: none;
    }

    [tabindex='-1']:focus-visible {
      outline: 3px solid var(--_kc-color-focus);
      outline-offset: 2px;
    }

    @media (forced-colors: active) {
      .kc-summary,
      .kc-field--error {
        border-color: CanvasText;
      }
    }
  }
`;
