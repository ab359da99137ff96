import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownPatterns } from './patterns/builtin.js';
import { createPiiScanner } from './scanner.js';
import { chunkAt, redactIncrementally, redactWhole } from './test-support/incremental.js';

const config = {
  patterns: [...knownPatterns],
  custom: [
    { name: 'employee_id', regex: String.raw`\bEMP-\d{6}\b`, max_length: 10 },
    { name: 'triple', regex: String.raw`\d{3}`, max_length: 3 },
  ],
};
const patternSets = [[...knownPatterns], knownPatterns.filter((p) => p !== 'email'), ...knownPatterns.map((p) => [p])];
const scanners = patternSets.flatMap((patterns) => [
  createPiiScanner({ ...config, patterns }),
  createPiiScanner({ patterns }),
]);
const planted = ['SSN 514-79-5339', 'ssn: 538 03 3590', 'social security no. 498033202', '304-07-1363',
  '4636 9661 8787 3712', '5183-5871-5063-6235', '3433 231597 58830', '6011777324930830', '3528746837565097',
  '30010234403692', '6255772201843011', '4398 4481 1335 9472 482', 'card 501850587830',
  'jane.doe@example.com', 'john+news@mail.corp.example.co.uk', 'kontakt@bücher.de', 'a@b.co',
  'passport 531742906', 'Passport No. E53184927', 'pasaporte XDA123456', 'Reisepass C01X00T47', 'passeport 12AB34567',
  'Tel +44 20 7946 0958', 'call (415) 555-0132', 'Phone: 030 12345678', 'mobile +1-312-555-0199', '555 0132 ext. 12', 'x12',
  '203.0.113.42', '192.168.1.0/24', '2001:db8::8a2e:370:7334', 'fe80::1ff:fe23:4567:890a%eth0',
  'DE36 4988 1644 9990 9167 86', 'GB29JHZQ77237963488751', 'nl89zsuk9887586780', 'FR4096441699277025640543259', 'GB82 WEST 1234 5698 7654 32',
  'EMP-004211'];
const fragments = [...planted, '0', '1', '4', '5', '9', '12', '345', '6789', ' ', '-', '.', ',', '/', ':', '::', '@', '+', '(', ')', '\n', '%', '#', 'ext', 'e', 'x',
  'a', 'x.com', 'DE89', '3704', 'ffff', 'SSN ', 'passport ', 'Tel ', 'order ', 'v', 'é', '😀', '𝒜', 'EMP-', 'co', 'm', 'ſ', 'GB', 'de'];
const denseText = fc.array(fc.constantFrom(...fragments), { maxLength: 200, size: 'max' }).map((p) => p.join(''));
const N = Number(process.env.RUNS ?? 2000);

describe('scratch', () => {
  it('contract', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scanners), denseText, denseText, fc.nat(), (scanner, text, more, k) => {
        const buffer = text.slice(0, k % (text.length + 1));
        const end = scanner.safeEnd!(buffer);
        expect(end).toBeLessThanOrEqual(buffer.length);
        const mine = scanner.scan(buffer).filter((m) => m.start < end);
        for (const m of mine) expect(m.end).toBeLessThanOrEqual(end);
        for (const whole of [text, buffer + more]) {
          expect(scanner.scan(whole).filter((m) => m.start < end)).toEqual(mine);
        }
      }),
      { numRuns: N },
    );
  }, 600_000);
  it('stream', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scanners), denseText.chain((t) => fc.tuple(fc.constant(t), fc.array(fc.nat({ max: t.length + 1 }), { maxLength: 120 }))), (scanner, [text, cuts]) => {
        expect(redactIncrementally(scanner, chunkAt(text, cuts))).toBe(redactWhole(scanner, text));
      }),
      { numRuns: N },
    );
  }, 600_000);
});
