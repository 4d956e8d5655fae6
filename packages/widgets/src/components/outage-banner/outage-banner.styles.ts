// SPDX-License-Identifier: MIT
import { css } from 'lit';

export default css`
  @layer kc {
    :host {
      display: block;
      position: relative;
    }

    .banner {
      margin: 0;
      border: 2px solid var(--kc-outage-banner-accent, var(--_kc-accent));
      border-radius: var(--kc-outage-banner-radius, var(--_kc-radius-m));
      background: var(--kc-outage-banner-surface, var(--_kc-color-surface));
      color: var(--kc-outage-banner-text, var(--_kc-color-text));
      overflow-wrap: anywhere;
    }

    .banner,
    .outage {
      --_kc-accent: var(--_kc-color-info);
      --_kc-accent-surface: var(--_kc-color-info-surface);
    }

    [data-severity='minor'] {
      --_kc-accent: var(--_kc-color-warning);
      --_kc-accent-surface: var(--_kc-color-warning-surface);
    }

    [data-severity='major'],
    [data-severity='critical'] {
      --_kc-accent: var(--_kc-color-danger);
      --_kc-accent-surface: var(--_kc-color-danger-surface);
    }

    .heading {
      margin: 0;
      padding: var(--_kc-space-s) var(--_kc-space-m);
      background: var(--kc-outage-banner-accent-surface, var(--_kc-accent-surface));
      color: var(--_kc-color-text);
      font-size: var(--_kc-font-size-large);
      font-weight: var(--_kc-font-weight-bold);
      line-height: 1.3;
      border-start-start-radius: inherit;
      border-start-end-radius: inherit;
    }

    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .outage {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: var(--_kc-space-s) var(--_kc-space-m);
      padding: var(--_kc-space-m);
      border-inline-start: 6px solid var(--_kc-accent);
    }

    .outage + .outage {
      border-block-start: 1px solid var(--_kc-color-border);
    }

    .body {
      display: grid;
      gap: var(--_kc-space-xs);
      min-inline-size: 0;
    }

    .severity {
      justify-self: start;
      padding: 0 var(--_kc-space-s);
      border-radius: var(--_kc-radius-s);
      background: var(--_kc-accent-surface);
      color: var(--_kc-accent);
      font-size: var(--_kc-font-size-small);
      font-weight: var(--_kc-font-weight-bold);
    }

    .message {
      margin: 0;
      font-weight: var(--_kc-font-weight-bold);
      white-space: pre-line;
    }

    .meta,
    .channels {
      margin: 0;
      color: var(--_kc-color-text-muted);
    }

    .channels {
      padding: 0;
    }

    .channels dt {
      font-weight: var(--_kc-font-weight-bold);
      color: var(--_kc-color-text);
    }

    .channels dd {
      margin: 0 0 var(--_kc-space-xs);
    }

    .alternatives {
      margin: 0;
      padding-inline-start: 1.25em;
    }

    .alternatives a {
      display: inline-block;
      min-block-size: 24px;
    }

    /* After the notice, where focus reaches it: the focus order follows what the eye sees (WCAG 2.4.3). */
    .dismiss {
      align-self: end;
    }

    @media (max-width: 30rem) {
      .outage {
        grid-template-columns: 1fr;
      }

      .dismiss {
        justify-self: start;
      }
    }

    @media (forced-colors: active) {
      .banner,
      .outage {
        border-color: CanvasText;
      }

      .severity {
        border: 1px solid CanvasText;
      }
    }
  }
`;
