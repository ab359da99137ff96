import { describe, expect, it } from 'vitest';
import { detectPii } from '../scanner.js';
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
