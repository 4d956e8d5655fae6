// SPDX-License-Identifier: MIT
import { css } from 'lit';

export default css`
  @layer kc {
    :host {
      display: block;
      --_kc-form-accent: var(--kc-complaint-form-accent, var(--_kc-color-accent));
      --_kc-form-radius: var(--kc-complaint-form-radius, var(--_kc-radius-s));
    }

    .form,
    .receipt {
      display: grid;
      gap: var(--_kc-space-m);
      max-inline-size: calc(var(--_kc-rem) * 40);
      padding: var(--_kc-space-m);
      background: var(--kc-complaint-form-surface, var(--_kc-color-surface));
      color: var(--kc-complaint-form-text, var(--_kc-color-text));
      overflow-wrap: anywhere;
    }

    .heading {
      margin: 0;
      font-size: var(--_kc-font-size-large);
      font-weight: var(--_kc-font-weight-bold);
      line-height: 1.3;
    }

    .step-of {
      display: block;
      font-size: var(--_kc-font-size-small);
      font-weight: normal;
      color: var(--_kc-color-text-muted);
    }

    p,
    dl,
    dd {
      margin: 0;
    }

    .pre {
      white-space: pre-line;
    }

    .field {
      display: grid;
      gap: var(--_kc-space-xs);
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }

    .field--invalid {
      padding-inline-start: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-color-danger);
    }

    label,
    legend {
      font-weight: var(--_kc-font-weight-bold);
    }

    legend {
      padding: 0;
      margin-block-end: var(--_kc-space-xs);
    }

    .hint {
      color: var(--_kc-color-text-muted);
    }

    .field-error {
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
    }

    input:not([type='radio'], [type='checkbox'], [type='file']),
    select,
    textarea {
      inline-size: 100%;
      min-block-size: calc(var(--_kc-rem) * 2.75);
      padding: var(--_kc-space-s);
      border: 2px solid var(--_kc-color-border);
      border-radius: var(--_kc-form-radius);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-text);
    }

    textarea {
      resize: vertical;
    }

    [aria-invalid='true'] {
      border-color: var(--_kc-color-danger) !important;
    }

    input[type='file'] {
      min-block-size: calc(var(--_kc-rem) * 2.75);
    }

    .choices {
      display: grid;
      gap: var(--_kc-space-s);
    }

    .choices--inline {
      grid-auto-flow: column;
      justify-content: start;
      gap: var(--_kc-space-m);
    }

    .choice {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      column-gap: var(--_kc-space-s);
    }

    .choice .hint {
      grid-column: 2;
    }

    .choice input {
      inline-size: calc(var(--_kc-rem) * 1.5);
      block-size: calc(var(--_kc-rem) * 1.5);
      margin: 0;
      accent-color: var(--_kc-form-accent);
    }

    .choice label {
      font-weight: normal;
      min-block-size: 24px;
      align-content: center;
    }

    .counter {
      color: var(--_kc-color-text-muted);
    }

    .counter--over {
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
    }

    .procedure,
    .queued,
    .notice {
      display: grid;
      gap: var(--_kc-space-xs);
      padding: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-form-accent);
      background: var(--_kc-color-info-surface);
    }

    .queued {
      border-color: var(--_kc-color-warning);
      background: var(--_kc-color-warning-surface);
    }

    .procedure__title,
    .queued__title,
    .summary__title,
    .receipt__next-title,
    .notice dt,
    .review dt {
      font-weight: var(--_kc-font-weight-bold);
    }

    .summary {
      display: grid;
      gap: var(--_kc-space-s);
      padding: var(--_kc-space-m);
      border: 4px solid var(--_kc-color-danger);
      border-radius: var(--_kc-form-radius);
    }

    .summary__title {
      font-size: var(--_kc-font-size-large);
    }

    .summary__list {
      margin: 0;
      padding-inline-start: 1.25em;
    }

    .summary a {
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
      display: inline-block;
      min-block-size: 24px;
    }

    .files {
      display: grid;
      gap: var(--_kc-space-s);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .file {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_kc-space-s);
    }

    .file__size {
      color: var(--_kc-color-text-muted);
    }

    .review {
      display: grid;
    }

    .review__row {
      display: grid;
      grid-template-columns: minmax(calc(var(--_kc-rem) * 8), 1fr) 2fr auto;
      gap: var(--_kc-space-s);
      padding-block: var(--_kc-space-s);
      border-block-end: 1px solid var(--_kc-color-border);
    }

    .link {
      min-block-size: 24px;
      min-inline-size: 24px;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_kc-color-link);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_kc-space-s);
    }

    .kc-button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }

    .receipt__list {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--_kc-space-xs) var(--_kc-space-m);
      align-items: center;
    }

    .receipt__list dt {
      font-weight: var(--_kc-font-weight-bold);
    }

    .receipt__number,
    .receipt__code {
      font-size: var(--_kc-font-size-large);
      font-weight: var(--_kc-font-weight-bold);
      font-family: ui-monospace, monospace;
      letter-spacing: 0.05em;
    }

    .receipt__code {
      margin-inline-end: var(--_kc-space-s);
    }

    @media (max-width: 30rem) {
      .review__row,
      .receipt__list {
        grid-template-columns: 1fr;
      }

      .choices--inline {
        grid-auto-flow: row;
      }
    }

    @media (forced-colors: active) {
      .field--invalid,
      .summary,
      .procedure,
      .queued {
        border-color: CanvasText;
      }
    }

    @media print {
      .no-print,
      [role='status'] {
        display: none !important;
      }

      .receipt {
        border: 2px solid #000;
        background: none;
        color: #000;
      }
    }
  }
`;
