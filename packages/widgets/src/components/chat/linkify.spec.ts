// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { linkify } from './linkify.js';

describe('linkify', () => {
  it('turns http(s) addresses into links and leaves sentence punctuation outside', () => {
    expect(linkify('См. https://egov.kz/ru, и www.gov.kz.')).to.deep.equal([
      { text: 'См. ' },
      { text: 'https://egov.kz/ru', href: 'https://egov.kz/ru' },
      { text: ', и ' },
      { text: 'www.gov.kz', href: 'https://www.gov.kz/' },
      { text: '.' },
    ]);
  });

  it('keeps every other scheme and every markup trick as text', () => {
    for (const payload of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '<a href="javascript:alert(1)">x</a>',
      '<svg onload=alert(1)>',
      '&lt;img src=x onerror=alert(1)&gt;',
    ]) {
      expect(
        linkify(payload).every((p) => p.href === undefined),
        payload,
      ).to.equal(true);
      expect(
        linkify(payload)
          .map((p) => p.text)
          .join(''),
      ).to.equal(payload);
    }
  });

  it('stops an address at an angle bracket or a quote', () => {
    const parts = linkify('https://egov.kz/<script>"x');
    expect(parts[0]).to.deep.equal({ text: 'https://egov.kz/', href: 'https://egov.kz/' });
    expect(parts.map((p) => p.text).join('')).to.equal('https://egov.kz/<script>"x');
  });
});
