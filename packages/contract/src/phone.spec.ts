// SPDX-License-Identifier: MIT
import { describe, it } from '@kc/testing/bdd';
import { expect } from 'chai';
import { formatKzPhone, isKzMobile, normalizeKzPhone } from './phone.js';

describe('normalizeKzPhone', () => {
  it('accepts the ways people write one mobile number', () => {
    for (const input of [
      '+77011234567',
      '+7 701 123 45 67',
      '+7 (701) 123-45-67',
      '8 (701) 123-45-67',
      '8-701-123-45-67',
      '8.701.123.45.67',
      '87011234567',
      '77011234567',
      '7011234567',
      '(701) 123 45 67',
      ' +7\u00a0701\u00a0123\u00a045\u00a067 ',
      '+7 701 123–45–67',
    ]) {
      expect(normalizeKzPhone(input), input).to.equal('+77011234567');
    }
  });

  it('accepts landlines and the other Kazakhstan blocks', () => {
    expect(normalizeKzPhone('8 7172 55-66-77')).to.equal('+77172556677'); // Astana
    expect(normalizeKzPhone('+7 (727) 258-89-14')).to.equal('+77272588914'); // Almaty
    expect(normalizeKzPhone('+7 7252 12 34 56')).to.equal('+77252123456'); // Shymkent
    expect(normalizeKzPhone('+7 747 123 45 67')).to.equal('+77471234567');
    expect(normalizeKzPhone('+7 778 123 45 67')).to.equal('+77781234567');
    expect(normalizeKzPhone('+7 751 123 45 67')).to.equal('+77511234567'); // VoIP
    expect(normalizeKzPhone('+7 760 123 45 67')).to.equal('+77601234567'); // satellite
  });

  it('rejects Russian numbers that share +7', () => {
    for (const input of [
      '+7 916 123-45-67',
      '8 (916) 123-45-67',
      '79161234567',
      '9161234567',
      '+7 495 123-45-67',
      '+7 812 123-45-67',
      '8 800 555 35 35',
      '+7 301 123 45 67',
    ]) {
      expect(normalizeKzPhone(input), input).to.equal(null);
    }
  });

  it('rejects the 7xx blocks Kazakhstan does not use', () => {
    expect(normalizeKzPhone('+7 730 123 45 67')).to.equal(null);
    expect(normalizeKzPhone('+7 740 123 45 67')).to.equal(null);
    expect(normalizeKzPhone('+7 748 123 45 67')).to.equal(null);
    expect(normalizeKzPhone('+7 780 123 45 67')).to.equal(null);
    expect(normalizeKzPhone('+7 799 123 45 67')).to.equal(null);
  });

  it('rejects too short, too long and other prefixes', () => {
    expect(normalizeKzPhone('+7 701 123 45 6')).to.equal(null);
    expect(normalizeKzPhone('+7 701 123 45 678')).to.equal(null);
    expect(normalizeKzPhone('701123456')).to.equal(null);
    expect(normalizeKzPhone('870112345678')).to.equal(null);
    expect(normalizeKzPhone('+87011234567')).to.equal(null);
    expect(normalizeKzPhone('97011234567')).to.equal(null);
    expect(normalizeKzPhone('+7011234567')).to.equal(null);
    expect(normalizeKzPhone('')).to.equal(null);
    expect(normalizeKzPhone('+')).to.equal(null);
  });

  it('rejects letters and other characters', () => {
    expect(normalizeKzPhone('+7 701 ABC 45 67')).to.equal(null);
    expect(normalizeKzPhone('+7 701 123 45 67 ext 2')).to.equal(null);
    expect(normalizeKzPhone('8 701 123 45 6O')).to.equal(null); // letter O
    expect(normalizeKzPhone('+7 701 123+45 67')).to.equal(null);
    expect(normalizeKzPhone('+7 701 123 45 67#')).to.equal(null);
    expect(normalizeKzPhone('+７ ７０１ １２３ ４５ ６７')).to.equal(null); // full-width digits
  });
});

describe('formatKzPhone', () => {
  it('groups +7 XXX XXX XX XX', () => {
    expect(formatKzPhone('+77011234567')).to.equal('+7 701 123 45 67');
    expect(formatKzPhone('8 (701) 123-45-67')).to.equal('+7 701 123 45 67');
    expect(formatKzPhone('87172556677')).to.equal('+7 717 255 66 77');
  });

  it('returns anything else unchanged, trimmed', () => {
    expect(formatKzPhone(' +7 916 123-45-67 ')).to.equal('+7 916 123-45-67');
    expect(formatKzPhone('')).to.equal('');
  });
});

describe('isKzMobile', () => {
  it('is true for 70x, 747 and 77x', () => {
    for (const zone of ['700', '701', '702', '705', '706', '707', '708', '747', '771', '775', '776', '777', '778']) {
      expect(isKzMobile(`+7${zone}1234567`), zone).to.equal(true);
    }
    expect(isKzMobile('8 (701) 123-45-67')).to.equal(true);
  });

  it('is false for landlines, other services and non-Kazakhstan numbers', () => {
    expect(isKzMobile('+77172556677')).to.equal(false);
    expect(isKzMobile('+77272588914')).to.equal(false);
    expect(isKzMobile('+77511234567')).to.equal(false);
    expect(isKzMobile('+79161234567')).to.equal(false);
    expect(isKzMobile('nonsense')).to.equal(false);
  });
});
