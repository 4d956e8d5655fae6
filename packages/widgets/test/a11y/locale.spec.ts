// SPDX-License-Identifier: MIT
// A new language is one module typed `KcLocale`: a missing section or key does not compile, and registering it
// reaches the shared catalog and every element's strings.
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { registerLocale, type KcLocale } from '../../src/translations/locale.js';
import { getLoadedCatalog, matchCatalog } from '../../src/translations/index.js';
import { chatStrings } from '../../src/components/chat/strings/index.js';
import { complaintStatusStrings } from '../../src/components/complaint-status/strings/index.js';
import kkLatn from './kk-latn.js';

describe('a language as one module', () => {
  it('a locale that misses a section or a key does not compile', () => {
    const { chat: _chat, ...withoutChat } = kkLatn;
    // @ts-expect-error the chat's strings are missing
    const noChat: KcLocale = withoutChat;
    const { launcher: _launcher, ...chat } = kkLatn.chat;
    // @ts-expect-error the chat's launcher text is missing
    const noLauncher: KcLocale = { ...kkLatn, chat };
    expect(noChat).not.to.have.property('chat');
    expect(noLauncher.chat).not.to.have.property('launcher');
  });

  it('registerLocale() serves the shared catalog and every element’s strings under the new code', () => {
    registerLocale(kkLatn);
    expect(matchCatalog('kk-Latn-KZ')).to.equal('kk-Latn');
    const catalog = getLoadedCatalog('kk-Latn')!;
    expect(catalog.common.retry).to.equal('Qaitalau');
    expect(chatStrings.for(catalog).launcher).to.equal(kkLatn.chat.launcher);
    expect(chatStrings.for(catalog).launcher).not.to.match(/[\u0400-\u04ff]/);
    expect(complaintStatusStrings.for(catalog).status.in_review).to.equal('Qaraluda');
  });
});
