// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { isWebLink, safeHref, telHref } from './url.js';

describe('safeHref', () => {
  it('keeps http(s) links', () => {
    expect(safeHref('https://egov.kz/cms/ru')).to.equal('https://egov.kz/cms/ru');
    expect(safeHref('http://example.kz')).to.equal('http://example.kz/');
  });

  it('refuses script and data schemes however they are disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      '//evil.example/x',
      '/relative',
      '',
      undefined,
    ]) {
      expect(safeHref(href), String(href)).to.equal(undefined);
    }
  });

  it('accepts tel: and mailto: only when asked, and tel: only with a number', () => {
    expect(safeHref('tel:1414')).to.equal(undefined);
    expect(safeHref('tel:1414', ['tel:'])).to.equal('tel:1414');
    expect(safeHref('tel:+7 (7172) 55-44-33', ['tel:'])).to.be.a('string');
    expect(safeHref('tel:1414;javascript:alert(1)', ['tel:'])).to.equal(undefined);
    expect(safeHref('mailto:info@kc.kz', ['mailto:'])).to.equal('mailto:info@kc.kz');
  });
});

describe('telHref', () => {
  it('makes a tel: URL from the ways people write numbers', () => {
    expect(telHref('1414')).to.equal('tel:1414');
    expect(telHref('8 (7172) 55-44-33')).to.equal('tel:87172554433');
    expect(telHref('+7 701 123 45 67')).to.equal('tel:+77011234567');
    expect(telHref('call us')).to.equal(undefined);
    expect(telHref('')).to.equal(undefined);
  });
});

describe('isWebLink', () => {
  it('tells web links from tel: and mailto:', () => {
    expect(isWebLink('https://a.kz/')).to.equal(true);
    expect(isWebLink('tel:1414')).to.equal(false);
  });
});
