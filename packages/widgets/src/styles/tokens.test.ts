// SPDX-License-Identifier: MIT
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, type CSSResult } from 'lit';
import { tokenStyles } from './tokens.js';
import { baseStyles } from './base.js';
import { KcOutageBanner } from '../components/outage-banner/outage-banner.js';

// A bare element with only the tokens, to read what they resolve to.
class KcTestTokens extends LitElement {
  static override styles = [tokenStyles];
}
customElements.define('kc-test-tokens', KcTestTokens);

declare global {
  interface HTMLElementTagNameMap {
    'kc-test-tokens': KcTestTokens;
  }
}

/** WCAG 2.2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: "${hex}"`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// [foreground, background, minimum]: 4.5:1 for text, 3:1 for borders, focus rings and other non-text parts.
const PAIRS: [string, string, number][] = [
  ['text', 'surface', 4.5],
  ['text-muted', 'surface', 4.5],
  ['link', 'surface', 4.5],
  ['on-accent', 'accent', 4.5],
  ['accent', 'surface', 3],
  ['border', 'surface', 3],
  ['focus', 'surface', 3],
  ...(['info', 'warning', 'danger', 'success'] as const).flatMap((tone): [string, string, number][] => [
    [tone, `${tone}-surface`, 4.5],
    ['text', `${tone}-surface`, 4.5],
    ['link', `${tone}-surface`, 4.5],
    [tone, 'surface', 3],
  ]),
];

async function tokens(theme: 'light' | 'dark') {
  const el = await fixture<KcTestTokens>(html`<kc-test-tokens theme=${theme}></kc-test-tokens>`);
  const style = getComputedStyle(el);
  return (name: string) => style.getPropertyValue(`--_kc-color-${name}`).trim();
}

function cssOf(styles: CSSResult[]): string {
  return styles.map((s) => s.cssText).join('\n');
}

describe('design tokens', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`every text colour is at least 4.5:1 on its surfaces, and parts 3:1 (${theme})`, async () => {
      const get = await tokens(theme);
      const failures = PAIRS.map(([fg, bg, min]) => ({ fg, bg, min, ratio: contrast(get(fg), get(bg)) }))
        .filter(({ ratio, min }) => ratio < min)
        .map(({ fg, bg, min, ratio }) => `${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      expect(failures).to.deep.equal([]);
    });
  }

  describe('user preferences', () => {
    // Media emulation needs the DevTools protocol (Chromium); elsewhere (Firefox over WebDriver BiDi) the test
    // reads the rule the browser parsed instead.
    async function emulate(features: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
      try {
        await emulateMedia(features);
        return true;
      } catch {
        return false;
      }
    }

    /** The declarations of the parsed `@media (<query>)` rule of the token sheet. */
    function mediaRule(query: string): string {
      const sheet = tokenStyles.styleSheet!;
      const find = (rules: CSSRuleList): string | undefined => {
        for (const rule of rules) {
          if (rule instanceof CSSMediaRule && rule.conditionText.replace(/\s/g, '') === query.replace(/\s/g, '')) {
            return rule.cssText;
          }
          if ('cssRules' in rule) {
            const inner = find((rule as CSSGroupingRule).cssRules);
            if (inner) return inner;
          }
        }
        return undefined;
      };
      return find(sheet.cssRules) ?? '';
    }

    afterEach(() => emulate({ colorScheme: 'light', reducedMotion: 'no-preference' }));

    it('follows prefers-color-scheme unless theme says otherwise', async () => {
      const surface = (el: Element) => getComputedStyle(el).getPropertyValue('--_kc-color-surface').trim();
      if (await emulate({ colorScheme: 'dark' })) {
        const auto = await fixture<KcTestTokens>(html`<kc-test-tokens></kc-test-tokens>`);
        const forcedLight = await fixture<KcTestTokens>(html`<kc-test-tokens theme="light"></kc-test-tokens>`);
        expect(surface(auto)).to.equal('#16191d');
        expect(surface(forcedLight)).to.equal('#ffffff');
        await emulate({ colorScheme: 'light' });
        expect(surface(auto)).to.equal('#ffffff');
      } else {
        const rule = mediaRule('(prefers-color-scheme: dark)');
        expect(rule).to.match(/:host\(:not\(\[theme="?'?light'?"?\]\)\)/);
        expect(rule).to.contain('--_kc-color-surface: var(--kc-color-surface, #16191d)');
      }
    });

    it('stops motion when the user prefers reduced motion', async () => {
      const el = await fixture<KcTestTokens>(html`<kc-test-tokens></kc-test-tokens>`);
      const duration = () => getComputedStyle(el).getPropertyValue('--_kc-motion-duration').trim();
      expect(duration()).to.equal('150ms');
      if (await emulate({ reducedMotion: 'reduce' })) {
        expect(duration()).to.equal('0s');
      } else {
        expect(mediaRule('(prefers-reduced-motion: reduce)')).to.contain('--_kc-motion-duration: 0s');
      }
    });
  });

  it('a page overrides a token from any ancestor', async () => {
    const wrap = document.createElement('div');
    wrap.style.setProperty('--kc-color-text', '#000000');
    document.body.append(wrap);
    try {
      const el = await fixture<KcTestTokens>(html`<kc-test-tokens></kc-test-tokens>`, { parentNode: wrap });
      expect(getComputedStyle(el).getPropertyValue('--_kc-color-text').trim()).to.equal('#000000');
    } finally {
      fixtureCleanup();
      wrap.remove();
    }
  });

  it('every private token a stylesheet reads is declared, and every declared one is read', () => {
    const declared = new Set([...tokenStyles.cssText.matchAll(/(--_kc-[a-z-]+)\s*:/g)].map((m) => m[1]!));
    const componentCss = cssOf([baseStyles, ...KcOutageBanner.styles.slice(2)]);
    // Tokens a component sets locally for its own parts (`--_kc-accent`) are not global tokens.
    const local = new Set([...componentCss.matchAll(/(--_kc-[a-z-]+)\s*:/g)].map((m) => m[1]!));
    const read = new Set([...componentCss.matchAll(/var\((--_kc-[a-z-]+)/g)].map((m) => m[1]!));
    const undeclared = [...read].filter((t) => !declared.has(t) && !local.has(t));
    expect(undeclared).to.deep.equal([]);
    const unused = [...declared].filter((t) => !read.has(t));
    expect(unused).to.deep.equal([]);
  });

  it('never declares a public --kc-* property on :host', () => {
    const css = cssOf([tokenStyles, baseStyles, ...KcOutageBanner.styles]);
    expect([...css.matchAll(/(^|[\s;{])(--kc-[a-z-]+)\s*:/g)].map((m) => m[2])).to.deep.equal([]);
  });
});
