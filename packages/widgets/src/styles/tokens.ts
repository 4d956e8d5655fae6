// SPDX-License-Identifier: MIT
import { css } from 'lit';

/**
 * The global design tokens, resolved on each element's `:host` into private `--_kc-*` properties that its own CSS
 * reads. A page themes every widget by setting the public `--kc-*` properties on any ancestor (`:root`), in light
 * and dark; setting one means owning its value in both schemes (set it inside your own `prefers-color-scheme`
 * query, or give the element `theme="light"`).
 *
 * - `--kc-color-surface`, `--kc-color-text`, `--kc-color-text-muted`, `--kc-color-border`, `--kc-color-accent`,
 *   `--kc-color-on-accent`, `--kc-color-link`, `--kc-color-focus`, and for each of `info`, `warning`, `danger`,
 *   `success` a `--kc-color-<tone>` (text and lines) on a `--kc-color-<tone>-surface` (background);
 * - `--kc-font-family` (inherits the page's font when unset), `--kc-font-size`, `--kc-font-size-small`,
 *   `--kc-font-size-large`, `--kc-font-weight-bold`, `--kc-font-line-height`;
 * - `--kc-rem`, the unit every size is a multiple of: the page's `rem`, but never less than 16 px, so that a portal
 *   that shrinks its root (`html { font-size: 62.5% }`, as Bootstrap 3 does) does not shrink the widgets' text and
 *   targets with it; set it to `1rem` to follow such a root, or to any length;
 * - `--kc-space-xs`, `--kc-space-s`, `--kc-space-m`;
 * - `--kc-radius-s`, `--kc-radius-m`;
 * - `--kc-motion-duration` (0 s when the user prefers reduced motion).
 *
 * Every text colour is at least 4.5:1 on the surfaces it is used on, light and dark (`tokens.test.ts` computes it).
 */
export const tokenStyles = css`
  @layer kc {
    :host {
      --_kc-color-surface: var(--kc-color-surface, #ffffff);
      --_kc-color-text: var(--kc-color-text, #1b1f24);
      --_kc-color-text-muted: var(--kc-color-text-muted, #4a5361);
      --_kc-color-border: var(--kc-color-border, #6e7781);
      --_kc-color-accent: var(--kc-color-accent, #0b57d0);
      --_kc-color-on-accent: var(--kc-color-on-accent, #ffffff);
      --_kc-color-link: var(--kc-color-link, #0b57d0);
      --_kc-color-focus: var(--kc-color-focus, #0b57d0);
      --_kc-color-info: var(--kc-color-info, #0842a0);
      --_kc-color-info-surface: var(--kc-color-info-surface, #e8f0fe);
      --_kc-color-warning: var(--kc-color-warning, #7a4100);
      --_kc-color-warning-surface: var(--kc-color-warning-surface, #fff4e0);
      --_kc-color-danger: var(--kc-color-danger, #b3261e);
      --_kc-color-danger-surface: var(--kc-color-danger-surface, #fdecea);
      --_kc-color-success: var(--kc-color-success, #146c2e);
      --_kc-color-success-surface: var(--kc-color-success-surface, #e6f4ea);

      --_kc-rem: var(--kc-rem, max(1rem, 16px));
      --_kc-font-size: var(--kc-font-size, var(--_kc-rem));
      --_kc-font-size-small: var(--kc-font-size-small, calc(var(--_kc-rem) * 0.875));
      --_kc-font-size-large: var(--kc-font-size-large, calc(var(--_kc-rem) * 1.25));
      --_kc-font-weight-bold: var(--kc-font-weight-bold, 700);
      --_kc-font-line-height: var(--kc-font-line-height, 1.5);

      --_kc-space-xs: var(--kc-space-xs, calc(var(--_kc-rem) * 0.25));
      --_kc-space-s: var(--kc-space-s, calc(var(--_kc-rem) * 0.5));
      --_kc-space-m: var(--kc-space-m, var(--_kc-rem));

      --_kc-radius-s: var(--kc-radius-s, 4px);
      --_kc-radius-m: var(--kc-radius-m, 8px);

      --_kc-motion-duration: var(--kc-motion-duration, 150ms);
      color-scheme: light;
    }

    :host([theme='dark']) {
      --_kc-color-surface: var(--kc-color-surface, #16191d);
      --_kc-color-text: var(--kc-color-text, #e8eaed);
      --_kc-color-text-muted: var(--kc-color-text-muted, #b4bcc7);
      --_kc-color-border: var(--kc-color-border, #8b949e);
      --_kc-color-accent: var(--kc-color-accent, #8ab4f8);
      --_kc-color-on-accent: var(--kc-color-on-accent, #0b1d3a);
      --_kc-color-link: var(--kc-color-link, #8ab4f8);
      --_kc-color-focus: var(--kc-color-focus, #8ab4f8);
      --_kc-color-info: var(--kc-color-info, #a8c7fa);
      --_kc-color-info-surface: var(--kc-color-info-surface, #0f2444);
      --_kc-color-warning: var(--kc-color-warning, #f5c77e);
      --_kc-color-warning-surface: var(--kc-color-warning-surface, #3a2a08);
      --_kc-color-danger: var(--kc-color-danger, #f2b8b5);
      --_kc-color-danger-surface: var(--kc-color-danger-surface, #3b1412);
      --_kc-color-success: var(--kc-color-success, #8fd5a3);
      --_kc-color-success-surface: var(--kc-color-success-surface, #0f2e1a);
      color-scheme: dark;
    }

    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --_kc-color-surface: var(--kc-color-surface, #16191d);
        --_kc-color-text: var(--kc-color-text, #e8eaed);
        --_kc-color-text-muted: var(--kc-color-text-muted, #b4bcc7);
        --_kc-color-border: var(--kc-color-border, #8b949e);
        --_kc-color-accent: var(--kc-color-accent, #8ab4f8);
        --_kc-color-on-accent: var(--kc-color-on-accent, #0b1d3a);
        --_kc-color-link: var(--kc-color-link, #8ab4f8);
        --_kc-color-focus: var(--kc-color-focus, #8ab4f8);
        --_kc-color-info: var(--kc-color-info, #a8c7fa);
        --_kc-color-info-surface: var(--kc-color-info-surface, #0f2444);
        --_kc-color-warning: var(--kc-color-warning, #f5c77e);
        --_kc-color-warning-surface: var(--kc-color-warning-surface, #3a2a08);
        --_kc-color-danger: var(--kc-color-danger, #f2b8b5);
        --_kc-color-danger-surface: var(--kc-color-danger-surface, #3b1412);
        --_kc-color-success: var(--kc-color-success, #8fd5a3);
        --_kc-color-success-surface: var(--kc-color-success-surface, #0f2e1a);
        color-scheme: dark;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      :host {
        --_kc-motion-duration: 0s;
      }
    }
  }
`;
