// SPDX-License-Identifier: MIT
// The statuses of an appeal in the glossary's words, the same wherever a widget shows them.
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import kk from '../../src/components/complaint-status/strings/kk.js';
import ru from '../../src/components/complaint-status/strings/ru.js';
import en from '../../src/components/complaint-status/strings/en.js';

// The glossary's terms (registered … rejected) and the ones added with it for the rest of the lifecycle.
const GLOSSARY = {
  ru: {
    registered: 'Зарегистрировано',
    in_review: 'На рассмотрении',
    forwarded: 'Перенаправлено',
    escalated: 'Передано вышестоящему должностному лицу',
    awaiting_citizen: 'Запрошены дополнительные сведения',
    answered: 'Дан ответ',
    closed: 'Рассмотрение завершено',
    rejected: 'Отказано',
    withdrawn: 'Отозвано заявителем',
  },
  kk: {
    registered: 'Тіркелді',
    in_review: 'Қаралуда',
    forwarded: 'Қайта жолданды',
    escalated: 'Жоғары тұрған лауазымды адамға берілді',
    awaiting_citizen: 'Қосымша мәліметтер сұратылды',
    answered: 'Жауап берілді',
    closed: 'Қарау аяқталды',
    rejected: 'Бас тартылды',
    withdrawn: 'Өтініш беруші кері қайтарып алды',
  },
} as const;

describe('appeal statuses in the glossary’s words', () => {
  it('every status in kk and ru is the glossary’s term', () => {
    expect(ru.status).to.deep.equal(GLOSSARY.ru);
    expect(kk.status).to.deep.equal(GLOSSARY.kk);
    expect(Object.keys(en.status).sort()).to.deep.equal(Object.keys(GLOSSARY.ru).sort());
  });

  it('a timeline event that is also a status uses the same words', () => {
    for (const strings of [kk, ru, en]) {
      for (const key of ['escalated', 'answered'] as const) {
        expect(strings.events[key]).to.equal(strings.status[key]);
      }
    }
  });

  it('Kazakh says лауазымды адам (должностное лицо), as the law does', () => {
    const all = JSON.stringify(kk);
    expect(all).not.to.contain('лауазымды тұлға');
    expect(all).to.contain('жоғары тұрған лауазымды адамның қарауына');
  });
});
