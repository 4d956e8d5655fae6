// SPDX-License-Identifier: MIT
import { css } from 'lit';

export default css`
  @layer kc {
    :host {
      display: block;
      --_kc-status-accent: var(--kc-complaint-status-accent, var(--_kc-color-accent));
      --_kc-status-radius: var(--kc-complaint-status-radius, var(--_kc-radius-s));
    }

    .root {
      display: grid;
      gap: var(--_kc-space-m);
      max-inline-size: calc(var(--_kc-rem) * 40);
      padding: var(--_kc-space-m);
      background: var(--kc-complaint-status-surface, var(--_kc-color-surface));
      color: var(--kc-complaint-status-text, var(--_kc-color-text));
      overflow-wrap: anywhere;
    }

    p,
    dl,
    dd {
      margin: 0;
    }

    .pre {
      white-space: pre-line;
    }

    .muted,
    .hint {
      color: var(--_kc-color-text-muted);
    }

    .lookup,
    .complaint,
    .box {
      display: grid;
      gap: var(--_kc-space-m);
    }

    .field {
      display: grid;
      gap: var(--_kc-space-xs);
    }

    .field--invalid {
      padding-inline-start: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-color-danger);
    }

    label {
      font-weight: var(--_kc-font-weight-bold);
    }

    .field-error {
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
    }

    input,
    textarea {
      inline-size: 100%;
      min-block-size: calc(var(--_kc-rem) * 2.75);
      padding: var(--_kc-space-s);
      border: 2px solid var(--_kc-color-border);
      border-radius: var(--_kc-status-radius);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-text);
    }

    #trackingNumber,
    #accessCode {
      max-inline-size: calc(var(--_kc-rem) * 20);
      font-family: ui-monospace, monospace;
      letter-spacing: 0.05em;
    }

    [aria-invalid='true'] {
      border-color: var(--_kc-color-danger);
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

    .message--problem {
      padding: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-color-danger);
      background: var(--_kc-color-danger-surface);
    }

    .heading {
      font-size: var(--_kc-font-size-large);
      font-weight: var(--_kc-font-weight-bold);
      line-height: 1.3;
    }

    .subheading,
    .status-label,
    .outcome,
    .facts dt,
    .entry__event {
      font-weight: var(--_kc-font-weight-bold);
    }

    .status {
      display: inline-block;
      padding: 0 var(--_kc-space-s);
      border: 2px solid var(--_kc-status-accent);
      border-radius: var(--_kc-status-radius);
      font-weight: var(--_kc-font-weight-bold);
    }

    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--_kc-space-xs) var(--_kc-space-m);
    }

    .box {
      padding: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-status-accent);
      background: var(--_kc-color-info-surface);
    }

    .box--warning {
      border-color: var(--_kc-color-warning);
      background: var(--_kc-color-warning-surface);
    }

    .box--success {
      border-color: var(--_kc-color-success);
      background: var(--_kc-color-success-surface);
    }

    .timeline,
    .comments,
    .refs {
      display: grid;
      gap: var(--_kc-space-s);
      margin: 0;
      padding-inline-start: 1.25em;
    }

    .refs a {
      display: inline-block;
      min-block-size: 24px;
    }

    @media (max-width: 30rem) {
      .facts {
        grid-template-columns: 1fr;
      }
    }

    @media (forced-colors: active) {
      .status,
      .box,
      .field--invalid,
      .message--problem {
        border-color: CanvasText;
      }
    }
  }
`;
