// SPDX-License-Identifier: MIT
import { css } from 'lit';

/**
 * What every kc element's shadow root shares: the box, type, focus ring, buttons, links, the visually hidden
 * utility, the in-place error state (`.kc-error`) and the success confirmation (`.kc-success`); buttons are
 * `.kc-button`, the main action of a form `.kc-button kc-button--primary`. In `@layer kc`, after `tokenStyles`.
 */
export const baseStyles = css`
  @layer kc {
    :host {
      box-sizing: border-box;
      font-family: var(--kc-font-family);
      font-size: var(--_kc-font-size);
      line-height: var(--_kc-font-line-height);
      color: var(--_kc-color-text);
      /*
       * The page's typography stops here: what a portal sets on the section holding a widget (centred, capitals,
       * spacing, slant, a cursor) is inherited through the shadow root otherwise. A rule of the page on the
       * element itself, or a user's text-spacing override, still wins. The languages are all left to right.
       */
      font-style: normal;
      font-weight: normal;
      font-variant: normal;
      letter-spacing: normal;
      word-spacing: normal;
      text-align: start;
      text-indent: 0;
      text-transform: none;
      text-shadow: none;
      white-space: normal;
      word-break: normal;
      hyphens: manual;
      direction: ltr;
      cursor: auto;
    }

    :host([hidden]) {
      display: none !important;
    }

    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }

    :focus-visible {
      outline: 3px solid var(--_kc-color-focus);
      outline-offset: 2px;
    }

    /*
     * A control scrolled into view by focus keeps clear of the chat's launcher at the bottom of the window and of a
     * portal's sticky header (WCAG 2.4.11).
     */
    a,
    button,
    input,
    select,
    textarea,
    summary,
    [tabindex] {
      scroll-margin-block: calc(var(--_kc-rem) * 6);
    }

    a {
      color: var(--_kc-color-link);
      text-decoration-thickness: max(1px, calc(var(--_kc-rem) * 0.0625));
      text-underline-offset: 0.15em;
    }

    a:hover {
      text-decoration-thickness: max(3px, calc(var(--_kc-rem) * 0.1875));
    }

    .kc-button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--_kc-space-xs);
      min-block-size: calc(var(--_kc-rem) * 2.75);
      min-inline-size: calc(var(--_kc-rem) * 2.75);
      padding: var(--_kc-space-s) var(--_kc-space-m);
      border: 2px solid var(--_kc-color-accent);
      border-radius: var(--_kc-radius-s);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-text);
      font: inherit;
      cursor: pointer;
      transition: background-color var(--_kc-motion-duration);
    }

    .kc-button:hover {
      background: var(--_kc-color-info-surface);
    }

    .kc-button--primary {
      background: var(--_kc-color-accent);
      color: var(--_kc-color-on-accent);
      font-weight: var(--_kc-font-weight-bold);
    }

    .kc-button--primary:hover {
      background: var(--_kc-color-link);
    }

    input,
    select,
    textarea {
      /* 16 px at least, or iOS Safari zooms the page when the field takes focus. */
      font: inherit;
      font-size: max(var(--_kc-rem), 16px);
    }

    .kc-visually-hidden {
      position: absolute !important;
      inline-size: 1px !important;
      block-size: 1px !important;
      margin: 0 !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip-path: inset(50%) !important;
      white-space: nowrap !important;
      border: 0 !important;
    }

    .kc-error {
      display: grid;
      gap: var(--_kc-space-s);
      justify-items: start;
      padding: var(--_kc-space-m);
      border: 2px solid var(--_kc-color-danger);
      border-radius: var(--_kc-radius-m);
      background: var(--_kc-color-danger-surface);
      color: var(--_kc-color-text);
    }

    .kc-error__heading {
      margin: 0;
      font-size: var(--_kc-font-size);
      font-weight: var(--_kc-font-weight-bold);
      color: var(--_kc-color-danger);
    }

    .kc-error__message {
      margin: 0;
    }

    .kc-loading {
      margin: 0;
      color: var(--_kc-color-text-muted);
    }

    /* A confirmation after a citizen's action (a complaint registered, a callback booked). */
    .kc-success {
      padding: var(--_kc-space-m);
      border: 2px solid var(--_kc-color-success);
      border-radius: var(--_kc-radius-m);
      background: var(--_kc-color-success-surface);
      color: var(--_kc-color-text);
    }

    /* The help every widget shows last (WCAG 3.2.6): the contact center's channels behind one disclosure. */
    .kc-help {
      margin-block-start: var(--_kc-space-m);
    }

    .kc-help summary {
      inline-size: fit-content;
      min-block-size: calc(var(--_kc-rem) * 1.5);
      cursor: pointer;
      color: var(--_kc-color-link);
    }

    .kc-help ul {
      margin: var(--_kc-space-xs) 0 0;
      padding: 0;
      list-style: none;
    }

    /* Links in a list, not in running text: 24 px targets (WCAG 2.5.8). */
    .kc-help a {
      display: inline-block;
      min-block-size: calc(var(--_kc-rem) * 1.5);
    }

    @media (forced-colors: active) {
      .kc-button,
      .kc-success,
      .kc-error {
        border-color: ButtonText;
      }

      :focus-visible {
        outline-color: Highlight;
      }
    }
  }
`;
