import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner } from '../scanner.js';
import { email, isEmailAddress } from './email.js';

const found = (text: string): string[] => email.find(text).map(({ start, end }) => text.slice(start, end));

describe('isEmailAddress', () => {
  it.each([
    'jane.doe@example.com',
    'john+tag@sub.mail.example.co.uk',
    "o'brien@dublin.ie",
    'kontakt@bücher.de',
    'USER@EXAMPLE.ORG',
    `${'a'.repeat(64)}@example.com`,
  ])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    ['x@localhost', 'no public suffix'],
    ['x@host.invalid', 'reserved TLD'],
    ['x@intranet.local', 'not an ICANN suffix'],
    ['x@co.uk', 'a bare public suffix'],
    [`${'a'.repeat(65)}@example.com`, 'local part over 64'],
    [`a@${`${'b'.repeat(60)}.`.repeat(5)}com`, 'over 254 characters'],
  ])('refuses %s (%s)', (address) => {
    expect(isEmailAddress(address)).toBe(false);
  });
});

describe('email detector', () => {
  it.each([
    ['Mail jane.doe@example.com.', 'jane.doe@example.com'],
    ['<support-team@acme-widgets.io>', 'support-team@acme-widgets.io'],
    ['mailto:sales@shop.example.com.au?subject=x', 'sales@shop.example.com.au'],
    ['ops+alerts@status.example.net!', 'ops+alerts@status.example.net'],
  ])('finds the address in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['a consecutive dot', 'foo..bar@example.com'],
    ['a domain that continues', 'x@example.com-internal'],
    ['a second @', 'a@b@example.com'],
    ['a handle', 'follow @handle'],
    ['no suffix', 'root@db01'],
    ['an unknown TLD', 'alice@example.zzz'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('email in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['email'] }), createPiiScanner({})];

  it.each([
    ['mail jane.doe@example.com today', 'jane.doe@example.com'],
    ['mail jane.doe@example.com. Next', 'jane.doe@example.com'],
    ['write to a@example.co', 'a@example.co'],
    ['write to a@example.com', 'a@example.com'],
    ['john+news@mail.corp.example.co.uk, thanks', 'john+news@mail.corp.example.co.uk'],
    ['kontakt@bücher.de!', 'kontakt@bücher.de'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['a hyphen follows', 'mail jane@example.com-x'],
    ['an at sign follows', 'mail jane@example.com@x'],
    ['a letter outside the BMP follows', 'mail jane@example.com\u{1D49C}'],
    ['the domain grows into a non-public suffix', 'mail jane@example.local'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
