import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner, detectPii } from '../scanner.js';
import { isPhoneNumber } from './phone.js';

// Through detectPii, so nested readings (`555-0132` inside `(415) 555-0132`) resolve as they ship.
const found = (text: string): string[] =>
  detectPii(text, ['phone']).map(({ start, end }) => text.slice(start, end));

describe('isPhoneNumber', () => {
  it.each([
    ['+44 20 7946 0958', 'none'],
    ['(415) 555-0132', 'none'],
    ['030 12345678', 'none'],
    ['01 23 45 67 89', 'none'],
    ['650.555.0123', 'none'],
    ['+1-312-555-0199', 'none'],
    ['5403926876', 'phone'],
    ['0490 39 07 81', 'phone'],
    // #20: an area code in brackets wins over an identifier word before it.
    ['(415) 555-0132', 'other'],
    ['(212) 639-2000', 'other'],
    // #20: a number of another region, in the groups that region writes it in (PL 3-3-3, DK 2-2-2-2).
    ['512 345 678', 'none'],
    ['32 12 34 56', 'none'],
  ] as const)('accepts %s (cue: %s)', (run, cue) => {
    expect(isPhoneNumber(run, cue)).toBe(true);
  });

  it.each([
    ['5403926876', 'none', 'bare digits need a phone word'],
    ['212 555 0187', 'other', 'after an identifier word'],
    ['2024-03-15', 'none', 'a date'],
    ['15.03.2024', 'phone', 'a date, even after a phone word'],
    ['192.168.10.20', 'phone', 'an IPv4 address'],
    ['122.0.6261.112', 'none', 'a version'],
    ['514-79-5339', 'none', 'an SSN'],
    ['1 234 567 890', 'none', 'a count'],
    ['9816 214', 'none', 'a house number and street number'],
    ['123', 'phone', 'too short'],
    // #20: groupings no one writes a phone number in, and region guesses without evidence.
    ['4821 739215 66043', 'none', 'card-shaped 4-6-5 groups'],
    ['7340 1182 5490 1163', 'none', 'card-shaped 4-4-4-4 groups'],
    ['35-209900-176148-1', 'none', 'IMEI-shaped 2-6-6-1 groups'],
    ['35 693803 564380 9', 'phone', 'IMEI-shaped groups, even after a phone word'],
    ['2025 118 0042', 'none', 'a German national number written without its trunk 0'],
  ] as const)('refuses %s (cue: %s, %s)', (run, cue, _reason) => {
    expect(isPhoneNumber(run, cue)).toBe(false);
  });
});

describe('phone detector', () => {
  it.each([
    ['Call me at (415) 555-0132.', '(415) 555-0132'],
    ['Tel. +44 20 7946 0958', '+44 20 7946 0958'],
    ['Desk: 5403926876', '5403926876'],
    ['Contact: 212-555-0145 ext. 12', '212-555-0145 ext. 12'],
    ['082 490 1693-Office', '082 490 1693'],
    ['Customer (415) 555-0132 called back.', '(415) 555-0132'],
    ['Account manager (212) 639-2000 handles renewals', '(212) 639-2000'],
  ])('finds the number in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['a timestamp', 'At 2024-03-15 10:22:33 the job ran'],
    ['an order number', 'Order 212 555 0187 shipped'],
    ['a licence number', 'License 2270-66-1551'],
    ['coordinates', 'lat/long 37.7749/122.4194'],
    ['a card number', 'Card 4636 9661 8787 3712'],
    ['card-shaped groups that fail Luhn', 'The voucher code 4821 739215 66043 did not work.'],
    ['an IMEI', 'Replacement unit 86-473103-265911-7 shipped.'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('phone in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['phone'] }), createPiiScanner({})];

  it.each([
    ['call (415) 555-0132 today', '(415) 555-0132'],
    ['Tel +44 20 7946 0958.', '+44 20 7946 0958'],
    ['call 415-555-0132 x12 now', '415-555-0132'],
    ['call 415-555-0132 ext. 12, thanks', '415-555-0132'],
    ['mobile +1-312-555-0199; bye', '+1-312-555-0199'],
    ['phone 030 12345678', '030 12345678'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['a colon and digits make it a time', 'call 415-555-0132:15'],
    ['a decimal comma follows', 'call 415-555-0132,5'],
    ['a letter follows', 'call 415-555-0132x'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
