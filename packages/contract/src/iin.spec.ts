// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { iinCheckDigit, isValidBin, isValidIin, normalizeDigits, parseBin, parseIin } from './iin.js';

/** Appends the check digit computed by the implementation; for structural cases whose checksum is not the point. */
function withCheckDigit(first11: string): string {
  const check = iinCheckDigit(first11);
  if (check === null) throw new Error(`${first11} has no check digit`);
  return first11 + String(check);
}

describe('iinCheckDigit', () => {
  it('is Σ dᵢ·i mod 11 when that is not 10', () => {
    // 8·1 + 5·2 + 0·3 + 7·4 + 1·5 + 5·6 + 4·7 + 0·8 + 1·9 + 2·10 + 3·11 = 171 = 15·11 + 6
    expect(iinCheckDigit('85071540123')).to.equal(6);
  });

  it('uses the second weights 3…11, 1, 2 when the first pass gives 10', () => {
    // first pass: 8 + 16 + 0 + 4 + 0 + 6 + 21 + 0 + 0 + 10 + 22 = 87 = 7·11 + 10
    // second pass: 8·3 + 8·4 + 0·5 + 1·6 + 0·7 + 1·8 + 3·9 + 0·10 + 0·11 + 1·1 + 2·2 = 102 = 9·11 + 3
    expect(iinCheckDigit('88010130012')).to.equal(3);
  });

  it('is null when both passes give 10', () => {
    expect(iinCheckDigit('87061530120')).to.equal(null);
    expect(iinCheckDigit('87061530201')).to.equal(null);
  });

  it('is null for fewer than eleven digits', () => {
    expect(iinCheckDigit('8801013001')).to.equal(null);
    expect(iinCheckDigit('8801013001a')).to.equal(null);
  });
});

describe('isValidIin / parseIin', () => {
  it('accepts well-formed numbers and reads birth date and sex', () => {
    expect(parseIin('850715401236')).to.deep.equal({ birthDate: '1985-07-15', sex: 'female' });
    expect(parseIin('880101300123')).to.deep.equal({ birthDate: '1988-01-01', sex: 'male' });
    expect(parseIin('010501600788')).to.deep.equal({ birthDate: '2001-05-01', sex: 'female' });
    expect(parseIin('050812600459')).to.deep.equal({ birthDate: '2005-08-12', sex: 'female' });
    expect(isValidIin('850715401236')).to.equal(true);
  });

  it('accepts a check digit that needed the second weights', () => {
    expect(isValidIin('880101300123')).to.equal(true);
    expect(isValidIin('200229500018')).to.equal(true); // first pass 10, second 8; 29 February 2020
  });

  it('rejects every number whose both passes give 10', () => {
    for (let d = 0; d <= 9; d++) expect(isValidIin(`87061530120${String(d)}`), String(d)).to.equal(false);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidIin('850715401235')).to.equal(false);
    expect(isValidIin('880101300120')).to.equal(false); // the first pass's 10 mod 10, not the second pass
    expect(parseIin('850715401237')).to.equal(null);
  });

  it('takes the century from the 7th digit', () => {
    expect(parseIin(withCheckDigit('99123110045'))?.birthDate).to.equal('1899-12-31');
    expect(parseIin(withCheckDigit('99123120045'))).to.deep.equal({ birthDate: '1899-12-31', sex: 'female' });
    expect(parseIin(withCheckDigit('99123130045'))?.birthDate).to.equal('1999-12-31');
    expect(parseIin(withCheckDigit('27010550045'))).to.deep.equal({ birthDate: '2027-01-05', sex: 'male' });
  });

  it('rejects a 7th digit outside 1–6', () => {
    for (const digit of ['0', '7', '8', '9']) {
      expect(isValidIin(withCheckDigit(`850715${digit}0123`)), digit).to.equal(false);
    }
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIin('000229500127')?.birthDate).to.equal('2000-02-29'); // 2000 is a leap year
    expect(isValidIin('960229400123')).to.equal(true);
    expect(isValidIin('000229300124')).to.equal(false); // 1900 is not; check digit right
    expect(isValidIin('900229500343')).to.equal(false); // 1990 is not; check digit right
  });

  it('rejects dates that do not exist', () => {
    expect(isValidIin(withCheckDigit('88023030012'))).to.equal(false); // 30 February
    expect(isValidIin(withCheckDigit('88043130012'))).to.equal(false); // 31 April
    expect(isValidIin(withCheckDigit('88130130012'))).to.equal(false); // month 13
    expect(isValidIin(withCheckDigit('88000130012'))).to.equal(false); // month 00
    expect(isValidIin(withCheckDigit('88010030012'))).to.equal(false); // day 00
    expect(isValidIin(withCheckDigit('88013230012'))).to.equal(false); // day 32
  });

  it('takes only a normalized value: twelve ASCII digits', () => {
    expect(isValidIin(' 850715401236')).to.equal(false);
    expect(isValidIin('850715 401236')).to.equal(false);
    expect(isValidIin('85071540123')).to.equal(false);
    expect(isValidIin('8507154012360')).to.equal(false);
    expect(isValidIin('85071540123a')).to.equal(false);
    expect(isValidIin('８５０７１５４０１２３６')).to.equal(false); // full-width digits
    expect(isValidIin('')).to.equal(false);
  });
});

describe('normalizeDigits', () => {
  it('strips whitespace of every kind, separators and invisible characters, and nothing else', () => {
    expect(normalizeDigits(' 850715 401236 ')).to.equal('850715401236');
    expect(normalizeDigits('850\u00a0715\t401\n236')).to.equal('850715401236');
    expect(normalizeDigits('850715-401236')).to.equal('850715401236');
    expect(normalizeDigits('850715\u2013401236')).to.equal('850715401236');
    expect(normalizeDigits('\ufeff850715\u200b401236\u2060')).to.equal('850715401236');
    expect(isValidIin(normalizeDigits(' 8507 1540 1236 '))).to.equal(true);
    // What is not a separator stays, for the check to refuse.
    expect(normalizeDigits('850.715/401236')).to.equal('850.715/401236');
    expect(normalizeDigits('85O715401236')).to.equal('85O715401236');
  });

  it('turns full-width digits into ASCII ones', () => {
    expect(normalizeDigits('８５０７１５４０１２３６')).to.equal('850715401236');
    expect(isValidIin(normalizeDigits('８５０７１５ ４０１２３６'))).to.equal(true);
  });
});

describe('isValidBin / parseBin', () => {
  it('accepts real BINs', () => {
    expect(parseBin('940140000385')).to.deep.equal({ year: 94, month: 1, entityType: 'resident', division: 'head' });
    expect(isValidBin('990140004654')).to.equal(true);
  });

  it('reads entity type and division', () => {
    expect(parseBin('231261007771')).to.deep.equal({
      year: 23,
      month: 12,
      entityType: 'joint-entrepreneurship',
      division: 'branch',
    });
    expect(parseBin(withCheckDigit('15035200001'))?.entityType).to.equal('non-resident');
    expect(parseBin(withCheckDigit('15035200001'))?.division).to.equal('representative');
    expect(parseBin(withCheckDigit('15036300001'))?.division).to.equal('peasant-farm');
  });

  it('uses the second weights when the first pass gives 10', () => {
    expect(isValidBin('210340001239')).to.equal(true);
    expect(isValidBin('150340000003')).to.equal(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidBin('940140000386')).to.equal(false);
    expect(isValidBin('210340001230')).to.equal(false);
  });

  it('rejects a bad month, entity type or division even with the right check digit', () => {
    expect(isValidBin(withCheckDigit('94004000038'))).to.equal(false); // month 00
    expect(isValidBin(withCheckDigit('94134000038'))).to.equal(false); // month 13
    for (const type of ['0', '1', '2', '3', '7', '8', '9']) {
      expect(isValidBin(withCheckDigit(`9401${type}000038`)), `type ${type}`).to.equal(false);
    }
    for (const division of ['4', '5', '9']) {
      expect(isValidBin(withCheckDigit(`94014${division}00038`)), `division ${division}`).to.equal(false);
    }
  });

  it('never accepts an IIN, and isValidIin never accepts a BIN', () => {
    expect(isValidBin('850715401236')).to.equal(false);
    expect(isValidIin('940140000385')).to.equal(false);
  });

  it('takes only a normalized value', () => {
    expect(isValidBin(' 940140000385')).to.equal(false);
    expect(isValidBin('940 140 000 385')).to.equal(false);
    expect(isValidBin(normalizeDigits('940 140 000 385'))).to.equal(true);
  });
});
