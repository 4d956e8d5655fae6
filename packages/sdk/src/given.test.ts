// SPDX-License-Identifier: MIT
// What the citizen gave on a page (`KcCore.given`): in memory only, forgotten by clearLocalData() and when the page
// is left.
import { expect } from '@open-wc/testing';
import { createCore } from './client.js';
import { baseUrl } from '../test/fake-fetch.js';

const newCore = () => createCore({ baseUrl, storage: 'memory', fetch: () => Promise.reject(new Error('offline')) });
const given = { name: 'Сейтқали Әйгерім', phone: '+77011234567' };

describe('KcCore.given', () => {
  it('starts empty and keeps what a form gave, for the next form', () => {
    const kc = newCore();
    expect(kc.given).to.deep.equal({});
    kc.given = given;
    expect(kc.given).to.deep.equal(given);
    kc.close();
  });

  it('is forgotten by clearLocalData()', async () => {
    const kc = newCore();
    kc.given = given;
    await kc.clearLocalData();
    expect(kc.given).to.deep.equal({});
  });

  it('is forgotten when the page is left (pagehide)', () => {
    const kc = newCore();
    kc.given = given;
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(kc.given).to.deep.equal({});
    kc.close();
  });
});
