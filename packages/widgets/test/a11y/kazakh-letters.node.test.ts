// SPDX-License-Identifier: MIT
// Names and texts with the Kazakh letters beyond Russian (ә ғ қ ң ө ұ ү һ і) go through @kc/sdk to the backend
// (@kc/mock: the @kc/backend rules behind msw) and come back unchanged, in Unicode's composed form (NFC).
import { after, before, describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { startMockServer, type MockServer } from '@kc/mock/node';
import { chat, complaints, createClient, type KcClient } from '@kc/sdk';

const LETTERS = 'Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і';
const baseUrl = 'http://kc.test/api/v1';

describe('Kazakh letters round-trip through the SDK and the backend', () => {
  let mock: MockServer;
  let kc: KcClient;

  before(async () => {
    mock = await startMockServer({
      seed: 33,
      baseUrl,
      clock: { start: '2026-11-23T10:00:00+05:00' },
      operator: { joinAfterMs: 50, typingMs: 10, readAfterMs: 10 },
    });
    kc = createClient({ baseUrl, storage: 'memory' });
  });

  after(async () => {
    await kc.clearLocalData();
    mock.stop();
  });

  it('an appeal: the name and the text come back as they were sent, NFC', async () => {
    const { appeals, privacy } = await kc.config.get();
    const applicant = {
      iin: '900101300017',
      lastName: 'Құдайбергенова',
      firstName: 'Әйгерім',
      middleName: 'Ұлықбекқызы',
      phone: '+77011234567',
      preferredLanguage: 'kk' as const,
      preferredContact: 'phone' as const,
    };
    const description = `Өтініш: ${LETTERS}. Үкіметтің һәм әкімдіктің жауабы қажет.`;
    const result = await complaints(kc).submit({
      kind: 'complaint',
      categoryId: appeals.categories[0]!.id,
      subject: 'Жәрдемақы ұзартылмады',
      description,
      applicant,
      consent: { given: true, version: privacy.version },
    });
    expect(result.status).to.equal('sent');
    if (result.status !== 'sent') return;
    const { complaint } = await complaints(kc).lookup(result.receipt.trackingNumber, result.receipt.accessCode);
    expect(complaint.description).to.equal(description);
    expect(complaint.subject).to.equal('Жәрдемақы ұзартылмады');
    for (const value of [complaint.description, complaint.subject ?? '', complaint.applicant.displayName]) {
      expect(value.normalize('NFC')).to.equal(value);
    }
    // The display name keeps the letters of the name it shows.
    expect(complaint.applicant.displayName).to.match(/Әйгерім|Құдайбергенова/);
  });

  it('a chat message: the server keeps the text as typed, NFC', async () => {
    const { privacy } = await kc.config.get();
    const session = await chat(kc).start({ language: 'kk', consent: { given: true, version: privacy.version } });
    const text = `Сәлеметсіз бе! ${LETTERS}: зейнетақы туралы сұрақ.`;
    await session.send(text);
    const transcript = await (await session.transcript()).text();
    expect(transcript).to.include(text);
    expect(transcript.normalize('NFC')).to.equal(transcript);
    await session.close({ resolved: true });
  });
});
