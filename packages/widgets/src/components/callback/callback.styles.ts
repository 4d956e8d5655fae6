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
      border-radius: var(--kc-callback-radius, var(--_kc-radius-m));
      background: var(--kc-callback-surface, var(--_kc-color-surface));
      color: var(--kc-callback-text, var(--_kc-color-text));
      overflow-wrap: anywhere;
    }

    p,
    dl,
    dd {
      margin: 0;
    }

    .availability {
      padding: var(--_kc-space-s) var(--_kc-space-m);
      border-inline-start: 6px solid var(--_kc-color-success);
      background: var(--_kc-color-success-surface);
    }

    .availability[data-open='false'] {
      border-inline-start-color: var(--_kc-color-warning);
      background: var(--_kc-color-warning-surface);
    }

    .picker {
      display: grid;
      gap: var(--_kc-space-s);
    }

    .days {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_kc-space-xs);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .day {
      min-block-size: calc(var(--_kc-rem) * 2.75);
      padding: var(--_kc-space-xs) var(--_kc-space-s);
      border: 2px solid var(--kc-callback-accent, var(--_kc-color-accent));
      border-radius: var(--_kc-radius-s);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-text);
      font: inherit;
      cursor: pointer;
    }

    .day[aria-pressed='true'] {
      background: var(--kc-callback-accent, var(--_kc-color-accent));
      color: var(--_kc-color-on-accent);
      font-weight: var(--_kc-font-weight-bold);
    }

    .slot-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(calc(var(--_kc-rem) * 12), 1fr));
      gap: var(--_kc-space-xs) var(--_kc-space-m);
    }

    .own-time {
      color: var(--_kc-color-text-muted);
    }

    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: var(--_kc-space-xs) var(--_kc-space-m);
    }

    .facts dt {
      font-weight: var(--_kc-font-weight-bold);
    }

    .queued {
      display: grid;
      gap: var(--_kc-space-s);
      padding: var(--_kc-space-m);
      border: 2px solid var(--_kc-color-warning);
      border-radius: var(--_kc-radius-m);
      background: var(--_kc-color-warning-surface);
    }

    .kc-success,
    .cancelled {
      display: grid;
      gap: var(--_kc-space-s);
    }

    @media (max-width: 30rem) {
      .facts {
        grid-template-columns: 1fr;
      }
    }

    @media (forced-colors: active) {
      .day[aria-pressed='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      .availability,
      .queued {
        border-color: CanvasText;
      }
    }
  }
`;
