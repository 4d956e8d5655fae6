// SPDX-License-Identifier: MIT
import { css } from 'lit';

export default css`
  @layer kc {
    :host {
      display: block;
    }

    .base {
      display: grid;
      gap: var(--_kc-space-m);
      max-inline-size: calc(var(--_kc-rem) * 40);
      padding: var(--_kc-space-m);
      border-radius: var(--kc-rating-radius, var(--_kc-radius-m));
      background: var(--kc-rating-surface, var(--_kc-color-surface));
      color: var(--kc-rating-text, var(--_kc-color-text));
      overflow-wrap: anywhere;
    }

    p {
      margin: 0;
    }

    .inline {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_kc-space-m);
    }

    .options {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(calc(var(--_kc-rem) * 5.5), 1fr));
      gap: var(--_kc-space-xs);
    }

    .options[data-count='7'] {
      grid-template-columns: repeat(auto-fit, minmax(calc(var(--_kc-rem) * 4.5), 1fr));
    }

    .options[data-count='11'] {
      grid-template-columns: repeat(auto-fit, minmax(calc(var(--_kc-rem) * 2.75), 1fr));
    }

    .option {
      position: relative;
      display: grid;
      justify-items: center;
      align-content: start;
      gap: var(--_kc-space-xs);
      min-block-size: calc(var(--_kc-rem) * 2.75);
      padding: var(--_kc-space-s) var(--_kc-space-xs);
      border: 2px solid var(--_kc-color-border);
      border-radius: var(--_kc-radius-s);
      text-align: center;
      cursor: pointer;
    }

    .option input {
      inline-size: calc(var(--_kc-rem) * 1.5);
      block-size: calc(var(--_kc-rem) * 1.5);
      margin: 0;
      accent-color: var(--kc-rating-accent, var(--_kc-color-accent));
    }

    .option:has(input:checked) {
      border-color: var(--kc-rating-accent, var(--_kc-color-accent));
      background: var(--_kc-color-info-surface);
      box-shadow: inset 0 0 0 1px var(--kc-rating-accent, var(--_kc-color-accent));
    }

    .option:has(input:focus-visible) {
      outline: 3px solid var(--_kc-color-focus);
      outline-offset: 2px;
    }

    .number {
      font-weight: var(--_kc-font-weight-bold);
    }

    .word {
      font-size: var(--_kc-font-size-small);
    }

    .word:empty {
      display: none;
    }

    .follow-up {
      display: grid;
      gap: var(--_kc-space-m);
      padding: var(--_kc-space-m);
      border-inline-start: 4px solid var(--_kc-color-warning);
      background: var(--_kc-color-warning-surface);
    }

    .complaint {
      display: grid;
      gap: var(--_kc-space-s);
      justify-items: start;
    }

    .counter {
      color: var(--_kc-color-text-muted);
    }

    .counter--over {
      color: var(--_kc-color-danger);
      font-weight: var(--_kc-font-weight-bold);
    }

    .kc-success {
      display: grid;
      gap: var(--_kc-space-s);
    }

    @media (forced-colors: active) {
      .option:has(input:checked) {
        border-color: Highlight;
      }

      .follow-up {
        border-color: CanvasText;
      }
    }
  }
`;
