import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner } from '../scanner.js';
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
    // Dotted, after a context word (#20).
    ['SSN 341.56.2298', '341.56.2298'],
    ['My social security number is 623.04.1187.', '623.04.1187'],
    ['Soc. Sec. #: 455.73.9021', '455.73.9021'],
  ])('finds the SSN in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['nine bare digits without context', 'Reference 514795339'],
    ['a context word too far away', `SSN ${'x'.repeat(40)} 514795339`],
    ['mixed delimiters', 'SSN 514-79 5339'],
    ['dots without a context word (a version, a part)', 'Version 514.79.5339 of the firmware'],
    ['dots and dashes mixed', 'SSN 514.79-5339'],
    ['dots continued by another group', 'SSN 514.79.5339.12'],
    ['a part number', 'Part no. 514-79-5339-A'],
    ['a longer run', 'SSN 1 514 79 5339'],
    ['ten digits', 'SSN 5147953390'],
    ['an invalid area', 'SSN 666-79-5339'],
    ['the published sample', 'SSN 123-45-6789'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('ssn in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['ssn'] }), createPiiScanner({})];

  it.each([
    ['SSN 514-79-5339 on file', '514-79-5339'],
    ['ssn 514 79 5339, thanks', '514 79 5339'],
    ['SSN 498033202. Next', '498033202'],
    ['SSN 341.56.2298. Next', '341.56.2298'],
    ['SSN 514-79-5339-', '514-79-5339'],
    ['SSN 514-79-5339\n5', '514-79-5339'],
    ['SSN 514-79-5339', '514-79-5339'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['a space and a digit make it a longer number', 'SSN 514 79 5339 5 more'],
    ['a tenth digit follows', 'SSN 5147953390'],
    ['a hyphen and a digit follow', 'SSN 514-79-5339-5'],
    ['a hyphen and a letter make it a part number', 'SSN 514-79-5339-A'],
    ['a slash and a letter follow', 'SSN 514-79-5339/x'],
    ['a decimal point follows', 'SSN 514-79-5339.5'],
    ['a decimal comma follows', 'SSN 514-79-5339,5'],
    ['a dotted value takes another dotted group', 'SSN 341.56.2298.1'],
    ['a digit outside the BMP follows', 'SSN 514-79-5339\u{1D7CF}'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
