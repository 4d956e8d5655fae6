// SPDX-License-Identifier: MIT

/**
 * Moves focus to `element`, also when it is not focusable by itself (a heading, an error summary, a confirmation):
 * it then gets `tabindex="-1"` until it loses focus, so that it never joins the tab order (GOV.UK Frontend's
 * `setFocus`). `onBeforeFocus` runs first, for example to scroll a label into view.
 *
 * @example
 * setFocus(this.renderRoot.querySelector('.error-summary')!);
 */
export function setFocus(element: HTMLElement, options: { onBeforeFocus?: () => void; preventScroll?: boolean } = {}) {
  // A natively focusable element (button, link, field) has tabIndex 0 without the attribute.
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  options.onBeforeFocus?.();
  element.focus({ preventScroll: options.preventScroll ?? false });
}

/** The element that really has focus, looking inside open shadow roots (`document.activeElement` stops at hosts). */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
