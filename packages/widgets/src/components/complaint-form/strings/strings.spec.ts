// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import formKk from './kk.js';
import formRu from './ru.js';
import formEn from './en.js';
import statusKk from '../../complaint-status/strings/kk.js';
import statusRu from '../../complaint-status/strings/ru.js';
import statusEn from '../../complaint-status/strings/en.js';

/** Every key path of a strings module, with the kind of value. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${prefix}:${typeof value}`];
  return Object.entries(value)
    .flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

function texts(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => texts(v, `${prefix}.${k}`));
}

describe('complaint widgets’ strings', () => {
  it('kk, ru and en have the same keys and kinds of entries', () => {
    expect(shape(formKk)).to.deep.equal(shape(formRu));
    expect(shape(formEn)).to.deep.equal(shape(formRu));
    expect(shape(statusKk)).to.deep.equal(shape(statusRu));
    expect(shape(statusEn)).to.deep.equal(shape(statusRu));
  });

  it('has no empty text', () => {
    for (const module of [formKk, formRu, formEn, statusKk, statusRu, statusEn])
      for (const [key, text] of texts(module)) expect(text.trim(), key).not.to.equal('');
  });

  it('uses the glossary’s terms', () => {
    expect(formRu.trackingNumber).to.equal('Номер обращения');
    expect(formKk.trackingNumber).to.equal('Өтініш нөмірі');
    expect(formRu.accessCode).to.equal('Код доступа');
    expect(formKk.accessCode).to.equal('Қол жеткізу коды');
    expect(formKk.iin).to.equal('ЖСН');
    expect(formKk.bin).to.equal('БСН');
    expect(formRu.responsible).to.equal('Ответственное подразделение');
    expect(formKk.responsible).to.equal('Жауапты бөлімше');
    expect(formRu.dueAt).to.equal('Срок рассмотрения');
    expect(formKk.dueAt).to.equal('Қарау мерзімі');
    expect(formRu.steps.consent).to.contain('сбор и обработку');
    expect(formKk.steps.consent).to.contain('жинауға және өңдеуге келісім');
    expect(statusRu.status.registered).to.equal('Зарегистрировано');
    expect(statusKk.status.registered).to.equal('Тіркелді');
    expect(statusRu.status.in_review).to.equal('На рассмотрении');
    expect(statusKk.status.in_review).to.equal('Қаралуда');
    expect(statusRu.status.forwarded).to.equal('Перенаправлено');
    expect(statusKk.status.forwarded).to.equal('Қайта жолданды');
    expect(statusRu.status.answered).to.equal('Дан ответ');
    expect(statusKk.status.answered).to.equal('Жауап берілді');
    expect(statusRu.status.rejected).to.equal('Отказано');
    expect(statusKk.status.rejected).to.equal('Бас тартылды');
  });

  it('puts Russian and English counts in the right plural form', () => {
    expect(formRu.charactersLeft(1)).to.equal('Остался 1 символ');
    expect(formRu.charactersLeft(21)).to.equal('Остался 21 символ');
    expect(formRu.charactersLeft(3)).to.equal('Осталось 3 символа');
    expect(formRu.charactersLeft(11)).to.equal('Осталось 11 символов');
    expect(formRu.charactersOver(1)).to.equal('Превышено на 1 символ');
    expect(formRu.charactersLimit(10_000)).to.equal('Можно ввести до 10\u00a0000 символов');
    expect(formRu.charactersLimit(21)).to.equal('Можно ввести до 21 символа');
    expect(formRu.charactersLeft(10_000)).to.equal('Осталось 10\u00a0000 символов');
    expect(formEn.charactersLeft(10_000)).to.equal('You have 10,000 characters remaining');
    expect(formRu.attachmentsHint('PDF', '10 МБ', 5)).to.equal('Не более 5 файлов (PDF), каждый до 10 МБ.');
    expect(formRu.attachmentsHint('PDF', '10 МБ', 1)).to.equal('Не более 1 файла (PDF), каждый до 10 МБ.');
    expect(formKk.charactersLeft(5)).to.equal('5 таңба қалды');
    expect(formEn.charactersLeft(1)).to.equal('You have 1 character remaining');
    expect(formEn.charactersOver(2)).to.equal('You have 2 characters too many');
  });
});
