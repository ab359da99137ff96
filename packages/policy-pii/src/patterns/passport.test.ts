import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner } from '../scanner.js';
import { passportNumber } from './passport.js';

const found = (text: string): string[] =>
  passportNumber.find(text).map(({ start, end }) => text.slice(start, end));

describe('passport_number detector', () => {
  it.each([
    ['Passport number: 531742906', '531742906'],
    ['passport no. E53184927', 'E53184927'],
    ['Passport #X82736451', 'X82736451'],
    ['Canadian passport GA302922', 'GA302922'],
    ['Número de pasaporte: XDA123456', 'XDA123456'],
    ['Numéro de passeport : 12AB34567', '12AB34567'],
    ['Reisepassnummer: C01X00T47', 'C01X00T47'],
    ['Numero di passaporto YA1234567', 'YA1234567'],
    ['Paspoortnummer NP1234567', 'NP1234567'],
    ['Номер паспорта: 751234567', '751234567'],
    ['护照号码: E12345678', 'E12345678'],
    ['travel document number AB1234567', 'AB1234567'],
  ])('finds the number in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it('finds several numbers after one passport word', () => {
    expect(found('passports M12345678 and M87654321')).toEqual(['M12345678', 'M87654321']);
  });

  it.each([
    ['a bare nine-digit number', 'Item 531742906 in stock'],
    ['a letter and eight digits without context', 'Ticket A12345678'],
    ['a passport word too far away', `passport ${'x'.repeat(40)} 531742906`],
    ['a number glued to a word', 'passport X531742906Y'],
    ['too few digits', 'passport A12345'],
    ['a longer number', 'passport 5317429061'],
    ['a year', 'My passport expires in 2030.'],
    ['all letters', 'passport CFGHJKLMN'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('passport_number in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['passport_number'] }), createPiiScanner({})];

  it.each([
    ['passport 531742906 ok', '531742906'],
    ['Passport No. E53184927.', 'E53184927'],
    ['passeport 12AB34567, merci', '12AB34567'],
    ['Reisepass C01X00T47', 'C01X00T47'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['a tenth digit follows', 'passport 5317429060'],
    ['a hyphen and a letter follow', 'passport E53184927-A'],
    ['a decimal point follows', 'passport 531742906.5'],
    ['the passport word comes after it', '531742906 is my passport'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
