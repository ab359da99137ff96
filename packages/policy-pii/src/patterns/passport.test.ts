import { describe, expect, it } from 'vitest';
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
