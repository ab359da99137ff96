import { mismatchesAtEveryCut, padding, scanWhole } from '@keeptrusts/testkit/scanner';
import { describe, expect, it } from 'vitest';
import { createPiiScanner, detectPii } from '../scanner.js';
import { isIpAddress } from './ip-address.js';

// Through detectPii, so nested readings (`555-0132` inside `(415) 555-0132`) resolve as they ship.
const found = (text: string): string[] =>
  detectPii(text, ['ip_address']).map(({ start, end }) => text.slice(start, end));

describe('isIpAddress', () => {
  it.each([
    '203.0.113.42',
    '10.0.0.0/8',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '2001:db8::8a2e:370:7334',
    'fe80::1ff:fe23:4567:890a%eth0',
    '::ffff:198.51.100.7',
    '2001:db8::/32',
  ])('accepts %s', (value) => {
    expect(isIpAddress(value)).toBe(true);
  });

  it.each([
    ['256.1.1.1', 'octet over 255'],
    ['01.2.3.4', 'leading zero'],
    ['10.0.0.0/33', 'prefix over 32'],
    ['2001:db8::/129', 'prefix over 128'],
    ['a::b', 'reads like code'],
    ['::1', 'loopback only'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
  ])('refuses %s (%s)', (value) => {
    expect(isIpAddress(value)).toBe(false);
  });
});

describe('ip_address detector', () => {
  it.each([
    ['from 8.8.8.8:53', '8.8.8.8'],
    ['ip:10.0.0.7', '10.0.0.7'],
    ['allow 192.168.1.0/24.', '192.168.1.0/24'],
    ['[2a03:2880:f12f:83:face:b00c::25de]', '2a03:2880:f12f:83:face:b00c::25de'],
    ['refused 2001:db8::8a2e:370:7334: retry', '2001:db8::8a2e:370:7334'],
    ['mapped ::ffff:198.51.100.7', '::ffff:198.51.100.7'],
  ])('finds the address in %j', (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    ['a v-prefixed version', 'v1.2.3.4'],
    ['a version after a word', 'version 1.2.3.4'],
    ['a section number', 'see section 1.2.3.4'],
    ['an OID', 'OID 1.3.6.1.4.1.311'],
    ['a MAC address', '00:1A:2B:3C:4D:5E'],
    ['a time', '10:20:30'],
    ['a C++ scope', 'std::vector'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});

// Cut at every offset, alone and with all seven patterns, after more text than either holds
// back, so that what the stream releases is what safeEnd says.
describe('ip_address in a stream', () => {
  const scanners = [createPiiScanner({ patterns: ['ip_address'] }), createPiiScanner({})];

  it.each([
    ['from 192.168.1.0/24 today', '192.168.1.0'],
    ['host 203.0.113.42.', '203.0.113.42'],
    ['at 203.0.113.42:8080', '203.0.113.42'],
    ['addr 2001:db8::8a2e:370:7334 ok', '2001:db8::8a2e:370:7334'],
    ['zone fe80::1ff:fe23:4567:890a%eth0 up', 'fe80::1ff:fe23:4567:890a'],
    ['zone fe80::1ff:fe23:4567:890a%eth0:x', 'fe80::1ff:fe23:4567:890a'],
    ['mapped ::ffff:198.51.100.7!', '::ffff:198.51.100.7'],
    ['ip:192.168.1.0/24 ok', '192.168.1.0'],
    ['refused 2001:db8::8a2e:370:7334: retry', '2001:db8::8a2e:370:7334'],
  ])('redacts %j (%j) as the whole text does, however it is cut', (text, value) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).not.toContain(value);
  });

  it.each([
    ['a fifth number makes it an OID', 'see 1.2.3.4.5'],
    ['the prefix is too long', 'net 203.0.113.42/99'],
    ['a letter follows', 'host 203.0.113.42x'],
    ['a version word precedes it', 'version 1.2.3.4'],
  ])('leaves a value alone when %s, however it is cut: %j', (_, text) => {
    for (const scanner of scanners) {
      expect(mismatchesAtEveryCut(scanner, padding + text, padding.length)).toEqual([]);
    }
    expect(scanWhole(scanners[0]!, text)).toBe(text);
  });
});
