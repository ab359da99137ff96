import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner } from '../scanner.js';
import { iban, ibanChecksumValid, ibanStructures, isIban } from './iban.js';

const found = (text: string): string[] => iban.find(text).map(({ start, end }) => text.slice(start, end));

describe('ibanChecksumValid', () => {
  it.each([
    ['DE89370400440532013000', true],
    ['GB82WEST12345698765432', true],
    ['GB82WEST12345698765433', false],
    ['GB83WEST12345698765432', false],
  ])('%s → %s', (value, expected) => {
    expect(ibanChecksumValid(value)).toBe(expected);
  });
});

describe('isIban', () => {
  it.each([
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'gb82west12345698765432',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'NO9386011117947',
    'BR1800360305000010009795493C1',
  ])('accepts %s', (value) => {
    expect(isIban(value)).toBe(true);
  });

  it.each([
    ['DE8937040044053201300', 'one character short for DE'],
    ['XX89370400440532013000', 'not a registry country'],
    ['GB82WEST1234569876543X', 'letter where GB has digits'],
    ['DE89370400440532013001', 'checksum fails'],
  ])('refuses %s (%s)', (value) => {
    expect(isIban(value)).toBe(false);
  });

  it('knows the length of every registry country', () => {
    expect(Object.keys(ibanStructures).length).toBeGreaterThanOrEqual(80);
  });
});

describe('iban detector', () => {
  it.each([
    ['IBAN: DE89 3704 0044 0532 0130 00.', 'DE89 3704 0044 0532 0130 00'],
    ['pay GB82WEST12345698765432 now', 'GB82WEST12345698765432'],
    ['my iban is gb82west12345698765432', 'gb82west12345698765432'],
    ['NL91 ABNA 0417 1643 00 and more', 'NL91 ABNA 0417 1643 00'],
  ])('finds the IBAN in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['a bad checksum', 'IBAN DE89 3704 0044 0532 0130 01'],
    ['a value glued to more characters', 'DE89370400440532013000X'],
    ['a value inside a word', 'XDE89370400440532013000'],
    ['a truncated grouped value', 'GB82 WEST 1234 5698 7654'],
    ['groups of three', 'DE8 937 040 044 053 201 300 0'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('iban in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['iban'] }), createPiiScanner({})];

  it.each([
    ['IBAN GB82 WEST 1234 5698 7654 32 ok', 'GB82 WEST 1234 5698 7654 32'],
    ['iban gb82 west 1234 5698 7654 32.', 'gb82 west 1234 5698 7654 32'],
    ['pay GB82WEST12345698765432, thanks', 'GB82WEST12345698765432'],
    ['nl89zsuk9887586780 ok', 'nl89zsuk9887586780'],
    ['DE36 4988 1644 9990 9167 86', 'DE36 4988 1644 9990 9167 86'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['a letter follows', 'GB82WEST12345698765432X'],
    ['a digit follows the last group', 'GB82 WEST 1234 5698 7654 321'],
    ['a twenty-third character follows', 'GB82WEST123456987654321'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
