import { describe, expect, it } from 'vitest';
import { isValidSsnDigits, ssn } from './ssn.js';

const found = (text: string): string[] => ssn.find(text).map(({ start, end }) => text.slice(start, end));

describe('isValidSsnDigits', () => {
  it.each(['514795339', '001010001', '899999998', '665123456', '667123456'])('accepts %s', (digits) => {
    expect(isValidSsnDigits(digits)).toBe(true);
  });

  it.each([
    ['000123456', 'area 000'],
    ['666123456', 'area 666'],
    ['900123456', 'area 9xx (ITIN)'],
    ['987654321', 'area 9xx (advertising)'],
    ['123004567', 'group 00'],
    ['123450000', 'serial 0000'],
    ['222222222', 'one repeated digit'],
    ['123456789', 'published sample'],
    ['078051120', 'Woolworth wallet sample'],
    ['12345678', 'eight digits'],
  ])('refuses %s (%s)', (digits) => {
    expect(isValidSsnDigits(digits)).toBe(false);
  });
});

describe('ssn detector', () => {
  it.each([
    ['My SSN is 514-79-5339.', '514-79-5339'],
    ['number 514 79 5339 on file', '514 79 5339'],
    ['SSN: 514795339', '514795339'],
    ['social security no. 514795339', '514795339'],
    ['Social-Security 514795339', '514795339'],
    ['514-79-5339 203.0.113.42', '514-79-5339'],
  ])('finds the SSN in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['nine bare digits without context', 'Reference 514795339'],
    ['a context word too far away', `SSN ${'x'.repeat(40)} 514795339`],
    ['mixed delimiters', 'SSN 514-79 5339'],
    ['dots', 'SSN 514.79.5339'],
    ['a part number', 'Part no. 514-79-5339-A'],
    ['a longer run', 'SSN 1 514 79 5339'],
    ['ten digits', 'SSN 5147953390'],
    ['an invalid area', 'SSN 666-79-5339'],
    ['the published sample', 'SSN 123-45-6789'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
