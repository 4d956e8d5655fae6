// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { expectOk, testBackend } from './testing/fixtures.js';

describe('knowledge base search', () => {
  const { backend } = testBackend();
  const ids = async (q: string, locale: 'kk' | 'ru' | 'en' = 'kk'): Promise<string[]> =>
    expectOk(await backend.searchKnowledgeBase({ query: { q, locale } })).items.map((a) => a.id);

  it('finds Kazakh, Russian and English words, inflected forms included', async () => {
    expect((await ids('балабақшаға кезек'))[0]).to.equal('kb-kindergarten-queue');
    expect((await ids('очередь в детский сад', 'ru'))[0]).to.equal('kb-kindergarten-queue');
    expect((await ids('snow clearing', 'en'))[0]).to.equal('kb-snow-clearing');
    expect((await ids('отопления нет', 'ru'))[0]).to.equal('kb-heating-season');
  });

  it('ranks by matched terms: more matched words first', async () => {
    const result = await ids('өтініш мәртебесі код', 'kk');
    expect(result[0]).to.equal('kb-appeal-status');
  });

  it('answers nothing for words it does not know, and filters by category', async () => {
    expect(await ids('xyzzy quux')).to.deep.equal([]);
    const filtered = expectOk(await backend.searchKnowledgeBase({ query: { q: 'кезек', categoryId: 'housing' } }));
    expect(filtered.items.map((a) => a.id)).to.deep.equal(['kb-housing-queue']);
    expect(filtered.items[0]).to.not.have.property('keywords');
  });
});
