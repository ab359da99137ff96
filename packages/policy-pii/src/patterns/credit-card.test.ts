import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner } from '../scanner.js';
import { cardGrouping, creditCard, isCreditCardNumber, knownIssuer, luhnValid } from './credit-card.js';

const found = (text: string): string[] =>
  creditCard.find(text).map(({ start, end }) => text.slice(start, end));

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
  ])('%s → %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe('knownIssuer', () => {
  it.each([
    ['4636966187873712', 'Visa 16'],
    ['4522788147329', 'Visa 13'],
    ['4398448113359472482', 'Visa 19'],
    ['5183587150636235', 'Mastercard 51'],
    ['2720469615264365', 'Mastercard 2720'],
    ['343323159758830', 'Amex 34'],
    ['6565344539964821', 'Discover 65'],
    ['3589706287958214', 'JCB 3589'],
    ['180000826105910', 'JCB legacy 1800'],
    ['30010234403692', 'Diners 300'],
    ['6255772201843011', 'UnionPay'],
    ['2200862105560228', 'Mir'],
    ['501850587830', 'Maestro 12'],
  ])('accepts %s (%s)', (digits) => {
    expect(knownIssuer(digits)).toBe(true);
  });

  it.each([
    ['1234567890123456', 'no network starts with 12'],
    ['9999999999999995', 'no network starts with 99'],
    ['463696618787371', 'Visa has no 15-digit numbers'],
    ['34332315975883', 'Amex is 15 digits'],
    ['51835871506362', 'Mastercard is 16 digits'],
    ['463696618787', 'only Maestro issues 12 digits'],
  ])('refuses %s (%s)', (digits) => {
    expect(knownIssuer(digits)).toBe(false);
  });
});

describe('cardGrouping', () => {
  it.each([[[16]], [[4, 4, 4, 4]], [[4, 4, 4, 4, 3]], [[4, 6, 5]], [[4, 6, 4]], [[4, 4, 5]], [[4, 4, 4, 1]]])(
    'accepts %j',
    (groups) => {
      expect(cardGrouping(groups)).toBe(true);
    },
  );

  it.each([[[2, 4, 4, 4, 2]], [[4, 4, 8]], [[3, 3, 3, 3, 4]], [[6, 10]]])('refuses %j', (groups) => {
    expect(cardGrouping(groups)).toBe(false);
  });
});

describe('isCreditCardNumber', () => {
  it.each([
    '4636966187873712',
    '4636 9661 8787 3712',
    '4636-9661-8787-3712',
    '3433 231597 58830',
    '3001 023440 3692',
  ])('accepts %s', (value) => {
    expect(isCreditCardNumber(value)).toBe(true);
  });

  it.each([
    ['4636 9661-8787 3712', 'mixed separators'],
    ['4636966187873713', 'Luhn fails'],
    ['46 3696 6187 8737 12', 'not a card grouping'],
    ['1234567812345670', 'unknown issuer'],
  ])('refuses %s (%s)', (value) => {
    expect(isCreditCardNumber(value)).toBe(false);
  });
});

describe('credit_card detector', () => {
  it.each([
    ['Card: 4636 9661 8787 3712.', '4636 9661 8787 3712'],
    ['(4636-9661-8787-3712)', '4636-9661-8787-3712'],
    ['cc=3528746837565097&x', '3528746837565097'],
    ['paid 4636966187873712 5 times', '4636966187873712'],
    ['Maestro card number 501850587830', '501850587830'],
    ['debit: 6759 4153 4843', '6759 4153 4843'],
  ])('finds the card in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['a longer digit run', 'ref 46369661878737120'],
    ['a longer spaced run', 'ids 5 4636 9661 8787 3712'],
    ['a run glued to a word', 'X4636966187873712'],
    ['a run glued by a hyphen', 'INV-4636966187873712'],
    ['a decimal', '0.4636966187873712'],
    ['a Luhn failure', 'Card 4636 9661 8787 3713'],
    ['12 digits without a card word', 'order 501850587830'],
    ['a card word too far away', `card ${'x'.repeat(40)} 501850587830`],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('credit_card in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['credit_card'] }), createPiiScanner({})];

  it.each([
    ['card 4111 1111 1111 1111 and more', '4111 1111 1111 1111'],
    ['4111-1111-1111-1111 5', '4111-1111-1111-1111'],
    ['4111111111111111. Next', '4111111111111111'],
    ['Amex 3433 231597 58830, yes', '3433 231597 58830'],
    ['card 501850587830 ok', '501850587830'],
    ['4398 4481 1335 9472 482', '4398 4481 1335 9472 482'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['its separator and a digit make it a longer number', '4111 1111 1111 1111 5'],
    ['a hyphen and a letter make it a part number', '4111-1111-1111-1111-A'],
    ['a slash and a letter follow', '4111 1111 1111 1111/x'],
    ['a decimal comma follows', '4111111111111111,5'],
    ['a decimal point follows', '4111111111111111.5'],
    ['a seventeenth digit follows', '41111111111111111'],
    ['a letter follows', '4111111111111111x'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
