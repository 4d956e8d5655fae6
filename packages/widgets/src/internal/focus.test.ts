// SPDX-License-Identifier: MIT
import { expect, fixture, html } from '@open-wc/testing';
import { deepActiveElement, setFocus } from './focus.js';

class KcTestFocusHost extends HTMLElement {
  constructor() {
    super();
    const button = document.createElement('button');
    button.textContent = 'Inside';
    this.attachShadow({ mode: 'open' }).append(button);
  }
}
customElements.define('kc-test-focus-host', KcTestFocusHost);

describe('setFocus', () => {
  it('focuses a heading for as long as it has focus, without adding it to the tab order', async () => {
    const wrap = await fixture(
      html`<div>
        <h2>Errors</h2>
        <button>Next</button>
      </div>`,
    );
    const heading = wrap.querySelector('h2')!;
    let before = false;
    setFocus(heading, { onBeforeFocus: () => (before = true) });
    expect(before).to.equal(true);
    expect(document.activeElement).to.equal(heading);
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    wrap.querySelector('button')!.focus();
    expect(heading.hasAttribute('tabindex')).to.equal(false);
  });

  it('leaves an element that is focusable as it is', async () => {
    const button = await fixture<HTMLButtonElement>(html`<button>Go</button>`);
    setFocus(button);
    expect(document.activeElement).to.equal(button);
    expect(button.hasAttribute('tabindex')).to.equal(false);
  });
});

describe('deepActiveElement', () => {
  it('finds the focused element inside shadow roots', async () => {
    const host = await fixture<KcTestFocusHost>(html`<kc-test-focus-host></kc-test-focus-host>`);
    const inner = host.shadowRoot!.querySelector('button')!;
    inner.focus();
    expect(document.activeElement).to.equal(host);
    expect(deepActiveElement()).to.equal(inner);
  });
});

declare global {
  interface HTMLElementTagNameMap {
    'kc-test-focus-host': KcTestFocusHost;
  }
}
