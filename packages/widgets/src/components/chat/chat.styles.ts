// SPDX-License-Identifier: MIT
import { css } from 'lit';

export default css`
  @layer kc {
    :host {
      --_accent: var(--kc-chat-accent, var(--_kc-color-accent));
      --_surface: var(--kc-chat-surface, var(--_kc-color-surface));
      --_offset: var(--kc-chat-offset, var(--_kc-rem));
      position: fixed;
      inset-block-end: calc(var(--_offset) + env(safe-area-inset-bottom, 0px));
      inset-inline-end: calc(var(--_offset) + env(safe-area-inset-right, 0px));
      z-index: var(--kc-chat-z-index, 2147483000);
    }

    :host([position='bottom-start']) {
      inset-inline-end: auto;
      inset-inline-start: calc(var(--_offset) + env(safe-area-inset-left, 0px));
    }

    .base {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: var(--_kc-space-s);
    }

    :host([position='bottom-start']) .base {
      align-items: flex-start;
    }

    .launcher {
      display: inline-flex;
      align-items: center;
      gap: var(--_kc-space-s);
      min-block-size: calc(var(--_kc-rem) * 3);
      padding: var(--_kc-space-s) var(--_kc-space-m);
      border: 2px solid transparent;
      border-radius: calc(var(--_kc-rem) * 1.5);
      background: var(--_accent);
      color: var(--_kc-color-on-accent);
      font: inherit;
      font-weight: var(--_kc-font-weight-bold);
      cursor: pointer;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    }

    .icon {
      inline-size: calc(var(--_kc-rem) * 1.5);
      block-size: calc(var(--_kc-rem) * 1.5);
    }

    .unread {
      min-inline-size: calc(var(--_kc-rem) * 1.5);
      padding: 0 calc(var(--_kc-rem) * 0.375);
      border-radius: calc(var(--_kc-rem) * 0.75);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-danger);
      text-align: center;
    }

    .panel {
      display: flex;
      flex-direction: column;
      inline-size: var(--kc-chat-width, calc(var(--_kc-rem) * 24));
      max-inline-size: calc(100vw - 2 * var(--_offset));
      block-size: var(--kc-chat-height, min(calc(var(--_kc-rem) * 40), calc(100dvh - calc(var(--_kc-rem) * 6))));
      border: 1px solid var(--_kc-color-border);
      border-radius: var(--_kc-radius-m);
      background: var(--_surface);
      box-shadow: 0 4px 24px rgb(0 0 0 / 0.25);
      overflow: hidden;
    }

    .header {
      display: flex;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--_kc-space-s);
      padding: var(--_kc-space-s) var(--_kc-space-m);
      border-block-end: 1px solid var(--_kc-color-border);
    }

    .title {
      margin: 0;
      font-size: var(--_kc-font-size-large);
    }

    .state,
    .small,
    .hint,
    .meta,
    .status,
    .kb-status {
      margin: 0;
      color: var(--_kc-color-text-muted);
      font-size: var(--_kc-font-size-small);
    }

    .state[data-open='true'] {
      color: var(--_kc-color-success);
    }

    .hide svg {
      inline-size: calc(var(--_kc-rem) * 1.25);
      block-size: calc(var(--_kc-rem) * 1.25);
    }

    .offline,
    .inactivity {
      margin: 0;
      padding: var(--_kc-space-s) var(--_kc-space-m);
      background: var(--_kc-color-warning-surface);
      color: var(--_kc-color-warning);
    }

    .body {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: var(--_kc-space-s);
      min-block-size: 0;
      padding: var(--_kc-space-s) var(--_kc-space-m);
      overflow-y: auto;
    }

    .kb,
    .consent,
    .ended {
      display: flex;
      flex-direction: column;
      gap: var(--_kc-space-s);
    }

    .label {
      font-weight: var(--_kc-font-weight-bold);
    }

    textarea {
      inline-size: 100%;
      padding: var(--_kc-space-s);
      border: 1px solid var(--_kc-color-border);
      border-radius: var(--_kc-radius-s);
      background: var(--_kc-color-surface);
      color: var(--_kc-color-text);
      resize: vertical;
    }

    .answers,
    .channels,
    .files,
    .uploads {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .answers li,
    .channels li {
      padding-block: var(--_kc-space-xs);
    }

    /* Links in a list, not in running text: 24 px targets (WCAG 2.5.8). */
    .answers a,
    .channels a {
      display: inline-block;
      min-block-size: 24px;
    }

    summary {
      min-block-size: calc(var(--_kc-rem) * 1.5);
      cursor: pointer;
      color: var(--_kc-color-link);
    }

    .queue,
    .offer,
    .outage {
      padding: var(--_kc-space-s);
      border-inline-start: 4px solid var(--_kc-color-info);
      background: var(--_kc-color-info-surface);
    }

    .outage {
      border-color: var(--_kc-color-danger);
      background: var(--_kc-color-danger-surface);
    }

    .queue p,
    .offer p,
    .outage p,
    .outage h3,
    .outage h4,
    .channels-heading {
      margin: 0 0 var(--_kc-space-xs);
    }

    .log {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: var(--_kc-space-s);
      min-block-size: calc(var(--_kc-rem) * 6);
      overflow-y: auto;
      overscroll-behavior: contain;
    }

    .message {
      max-inline-size: 85%;
      padding: var(--_kc-space-s);
      border: 1px solid var(--_kc-color-border);
      border-radius: var(--_kc-radius-m);
      /* A long history stays smooth: off-screen messages skip layout and paint. */
      content-visibility: auto;
      contain-intrinsic-size: auto calc(var(--_kc-rem) * 4);
    }

    .message[data-author='citizen'] {
      align-self: flex-end;
      border-color: var(--_accent);
    }

    .message[data-author='system'],
    .message[data-author='bot'] {
      align-self: center;
      border-style: dashed;
    }

    .meta {
      display: flex;
      justify-content: space-between;
      gap: var(--_kc-space-s);
    }

    .author {
      font-weight: var(--_kc-font-weight-bold);
    }

    .text {
      margin: var(--_kc-space-xs) 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }

    .status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_kc-space-xs);
      margin-block-start: var(--_kc-space-xs);
    }

    .status[data-status='failed'] {
      color: var(--_kc-color-danger);
    }

    .retry {
      min-block-size: calc(var(--_kc-rem) * 1.5);
      padding: 0 var(--_kc-space-s);
    }

    .typing,
    .notice {
      margin: 0;
      color: var(--_kc-color-text-muted);
      font-style: italic;
    }

    .replies,
    .actions,
    .composer-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_kc-space-s);
    }

    .composer {
      display: flex;
      flex-direction: column;
      gap: var(--_kc-space-xs);
    }

    .composer-actions {
      justify-content: flex-end;
    }

    .attach:focus-within {
      outline: 3px solid var(--_kc-color-focus);
      outline-offset: 2px;
    }

    .uploads li {
      display: flex;
      align-items: center;
      gap: var(--_kc-space-s);
    }

    progress {
      flex: 1;
    }

    .end {
      display: flex;
      flex-direction: column;
      gap: var(--_kc-space-xs);
    }

    .end p {
      margin: 0;
    }

    @media (max-width: 480px) {
      :host([open]) {
        inset: 0;
      }

      :host([open]) .base {
        block-size: 100%;
      }

      :host([open]) .launcher {
        display: none;
      }

      .panel {
        inline-size: 100%;
        max-inline-size: none;
        block-size: 100%;
        border: 0;
        border-radius: 0;
        padding: env(safe-area-inset-top, 0px) env(safe-area-inset-right, 0px) env(safe-area-inset-bottom, 0px)
          env(safe-area-inset-left, 0px);
      }
    }

    @media (forced-colors: active) {
      .launcher,
      .message,
      .panel,
      .queue,
      .offer,
      .outage {
        border: 1px solid CanvasText;
      }

      .unread {
        border: 1px solid CanvasText;
      }
    }
  }
`;
