import { ScanStage, type TextScanner } from '@keeptrusts/core';
import { chunkAt, safeEndBreach, scanStreamed, scanWhole } from '@keeptrusts/testkit/scanner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownPatterns } from './patterns/builtin.js';
import { createPiiScanner, detectPii, tile } from './scanner.js';

// Valid values of every type, each with the words that make it detectable on its own.
const planted: Record<string, readonly string[]> = {
  ssn: ['SSN 514-79-5339', 'ssn: 538 03 3590', 'social security no. 498033202', '304-07-1363'],
  credit_card: [
    '4636 9661 8787 3712',
    '5183-5871-5063-6235',
    '3433 231597 58830',
    '6011777324930830',
    '3528746837565097',
    '30010234403692',
    '6255772201843011',
    '4398 4481 1335 9472 482',
    'card 501850587830',
  ],
  email: ['jane.doe@example.com', 'john+news@mail.corp.example.co.uk', 'kontakt@bücher.de', 'a@b.co'],
  passport_number: [
    'passport 531742906',
    'Passport No. E53184927',
    'pasaporte XDA123456',
    'Reisepass C01X00T47',
    'passeport 12AB34567',
  ],
  phone: ['Tel +44 20 7946 0958', 'call (415) 555-0132', 'Phone: 030 12345678', 'mobile +1-312-555-0199'],
  ip_address: ['203.0.113.42', '192.168.1.0/24', '2001:db8::8a2e:370:7334', 'fe80::1ff:fe23:4567:890a%eth0'],
  iban: [
    'DE36 4988 1644 9990 9167 86',
    'GB29JHZQ77237963488751',
    'nl89zsuk9887586780',
    'FR4096441699277025640543259',
  ],
  employee_id: ['EMP-004211', 'EMP-918273'],
};

// The value inside a planted phrase: what must not reach the client.
const plantedValue = (phrase: string): string => phrase.replace(/^(?:[^\d@+(]*\s)?(?=[\p{L}\d(+])/u, '');

const fillerWords = [
  'the',
  'answer',
  'is',
  'here',
  'and',
  'we',
  'note',
  'that',
  'Lorem',
  'ipsum',
  'ça',
  'va',
  '😀',
];
// Between two values a single space would join them into one longer number (`…5339 3433 …`),
// which is deliberately not PII; these separators end a value in any text.
const separators = [' and ', '\n', ', ', '; ', '. ', ' | ', ':\n', ' — '];

const config = {
  patterns: [...knownPatterns],
  custom: [
    { name: 'employee_id', regex: String.raw`\bEMP-\d{6}\b`, max_length: 10 },
    // Overlapping matches (every start of three digits) exercise the tiling continuations.
    { name: 'triple', regex: String.raw`\d{3}`, max_length: 3 },
  ],
};
// Every pattern, then smaller sets whose shorter hold-back puts emit boundaries everywhere.
const patternSets = [
  [...knownPatterns],
  knownPatterns.filter((p) => p !== 'email'),
  ...knownPatterns.map((p) => [p]),
];
const scanners = patternSets.map((patterns) => createPiiScanner({ ...config, patterns }));
const plantedScanners = patternSets.map((patterns) =>
  createPiiScanner({ ...config, patterns, custom: config.custom.slice(0, 1) }),
);
const [plantedScanner] = plantedScanners as [TextScanner];

const segment: fc.Arbitrary<{ text: string; value?: string }> = fc.oneof(
  fc
    .array(fc.constantFrom(...fillerWords), { minLength: 1, maxLength: 6 })
    .map((w) => ({ text: w.join(' ') })),
  fc.constantFrom(...Object.values(planted).flat()).map((text) => ({ text, value: plantedValue(text) })),
);

const plantedText = fc
  .array(fc.tuple(segment, fc.constantFrom(...separators)), { minLength: 1, maxLength: 80, size: 'max' })
  .map((parts) => ({
    text: parts.map(([s, sep]) => s.text + sep).join(''),
    values: parts.flatMap(([s]) => (s.value === undefined ? [] : [s.value])),
  }));

const cutsFor = (text: string) =>
  fc.array(fc.nat({ max: Math.max(1, text.length) }), { maxLength: 120, size: 'max' });

describe('createPiiScanner', () => {
  it('declares the hold-back and look-behind its detectors need', () => {
    expect(createPiiScanner({ patterns: ['ssn'] })).toMatchObject({ holdback: 15, lookbehind: 55 });
    expect(createPiiScanner({ patterns: ['ssn', 'credit_card', 'passport_number'] })).toMatchObject({
      holdback: 29,
      lookbehind: 69,
    });
    expect(createPiiScanner({})).toMatchObject({ holdback: 258, lookbehind: 256 });
  });

  it('reports sorted, non-overlapping matches with placeholders', () => {
    const text = 'SSN 514-79-5339, card 4636 9661 8787 3712, mail jane.doe@example.com';
    const matches = createPiiScanner({ patterns: ['ssn', 'credit_card', 'email'] }).scan(text);
    expect(matches.map((m) => [text.slice(m.start, m.end), m.type, m.replacement])).toEqual([
      ['514-79-5339', 'ssn', '[REDACTED:SSN]'],
      ['4636 9661 8787 3712', 'credit_card', '[REDACTED:CREDIT_CARD]'],
      ['jane.doe@example.com', 'email', '[REDACTED:EMAIL]'],
    ]);
  });

  it('leaves the replacement out when the action is block', () => {
    const [match] = createPiiScanner({ action: 'block', patterns: ['ssn'] }).scan('SSN 514-79-5339');
    expect(match).toEqual({ start: 4, end: 15, type: 'ssn' });
  });

  it('throws on an invalid config', () => {
    expect(() => createPiiScanner({ patterns: ['ssnn' as 'ssn'] })).toThrow(
      /known patterns: ssn, credit_card/,
    );
  });
});

describe('tile', () => {
  it('keeps the leftmost, then longest, then highest-ranked candidate', () => {
    const pieces = tile([
      { start: 5, end: 9, type: 'b', rank: 1 },
      { start: 0, end: 6, type: 'a', rank: 2 },
      { start: 0, end: 6, type: 'c', rank: 0 },
      { start: 2, end: 4, type: 'd', rank: 0 },
    ]);
    expect(pieces).toEqual([
      { type: 'c', start: 0, end: 6, continuation: false },
      { type: 'b', start: 6, end: 9, continuation: true },
    ]);
  });
});

describe('detectPii', () => {
  it('merges continuations into the region they extend', () => {
    const text = 'x jane.doe@example.com y';
    expect(detectPii(text, ['email'])).toEqual([{ type: 'email', start: 2, end: 22 }]);
  });

  it('handles letters outside the Basic Multilingual Plane', () => {
    const text = 'mail 𝒜𝒷@example.com or 𝒜b.c@example.org';
    expect(detectPii(text, ['email']).map(({ start, end }) => text.slice(start, end))).toEqual([
      '𝒜𝒷@example.com',
      '𝒜b.c@example.org',
    ]);
  });

  it('finds nothing in ordinary prose', () => {
    expect(detectPii('The quick brown fox jumps over the lazy dog at 10:30 on 2024-03-15.')).toEqual([]);
  });
});

describe('streaming redaction', () => {
  it('equals whole-text redaction for any chunking of texts with planted PII, and leaks none of it', () => {
    fc.assert(
      fc.property(
        plantedText.chain((t) => fc.tuple(fc.constant(t), cutsFor(t.text))),
        ([{ text, values }, cuts]) => {
          const whole = scanWhole(plantedScanner, text);
          expect(scanStreamed(plantedScanner, chunkAt(text, cuts))).toBe(whole);
          for (const value of values) expect(whole).not.toContain(value);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('equals whole-text redaction with every pattern set, whose hold-backs differ', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...plantedScanners),
        plantedText.chain((t) => fc.tuple(fc.constant(t.text), cutsFor(t.text))),
        (scanner, [text, cuts]) => {
          expect(scanStreamed(scanner, chunkAt(text, cuts))).toBe(scanWhole(scanner, text));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('equals whole-text redaction one character at a time', () => {
    fc.assert(
      fc.property(plantedText, ({ text }) => {
        expect(scanStreamed(plantedScanner, [...text])).toBe(scanWhole(plantedScanner, text));
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  // Dense, adversarial texts: digits, separators and value fragments glued together, so
  // candidates overlap, runs cross chunk edges and contexts fall at the edge of the look-behind.
  const fragments = [
    ...Object.values(planted).flat(),
    ...[
      '0',
      '1',
      '4',
      '5',
      '9',
      '12',
      '345',
      '6789',
      ' ',
      '-',
      '.',
      ',',
      '/',
      ':',
      '::',
      '@',
      '+',
      '(',
      ')',
      '\n',
    ],
    ...[
      'a',
      'x.com',
      'DE89',
      '3704',
      'ffff',
      'SSN ',
      'passport ',
      'Tel ',
      'order ',
      'v',
      'é',
      '😀',
      '𝒜',
      'EMP-',
      '%',
      '#',
      'ext',
      'co',
      'ſ',
      'gb82',
    ],
  ];
  const denseText = fc
    .array(fc.constantFrom(...fragments), { maxLength: 400, size: 'max' })
    .map((parts) => parts.join(''));

  it('equals whole-text redaction on dense adversarial texts, for any chunking', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...scanners),
        denseText.chain((text) => fc.tuple(fc.constant(text), cutsFor(text))),
        (scanner, [text, cuts]) => {
          expect(scanStreamed(scanner, chunkAt(text, cuts))).toBe(scanWhole(scanner, text));
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('releases, by safeEnd, only text whose redaction no continuation changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scanners), denseText, denseText, fc.nat(), (scanner, text, more, at) => {
        const buffer = text.slice(0, at % (text.length + 1));
        expect(safeEndBreach(scanner, buffer, text)).toBeUndefined();
        expect(safeEndBreach(scanner, buffer, buffer + more)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('holds a value split across chunks until it is whole', () => {
    const streamed = scanStreamed(createPiiScanner({ patterns: ['ssn', 'email'] }), [
      'My SSN 514-79-',
      '5339 and bob@',
      'acme.com, thanks',
    ]);
    expect(streamed).toBe('My SSN [REDACTED:SSN] and [REDACTED:EMAIL], thanks');
  });
});

describe('stream latency', () => {
  // An ordinary answer without digits: nothing in it is PII, so only the word being written
  // (which could still become an address or a passport number) may wait.
  const answer = [
    "Here's a short guide to brewing a good cup of pour-over coffee at home (no special gear needed).",
    '',
    'What you need:',
    '- freshly roasted beans, ground medium-fine, i.e. like coarse sand;',
    '- a kettle, a paper filter and a cone — ceramic, glass or plastic all work;',
    '- water just off the boil; too hot and the coffee tastes bitter, too cool and it tastes sour.',
    '',
    'Rinse the filter first: it removes the papery taste and warms the cone. Add the grounds, shake',
    "them level, then pour just enough water to wet them and wait while they bloom. That's the gas",
    'escaping; if you skip it, the water runs around the grounds instead of through them.',
    '',
    'Pour the rest slowly, in small circles, keeping the level steady. The whole brew should take',
    'a few minutes. Taste it and adjust: finer grounds if it is weak or sour, coarser if it is harsh',
    "and/or bitter. Don't worry about getting it perfect the first time — even baristas tweak their",
    'recipe every morning. Enjoy your café-style coffee! ☕',
  ].join('\n');
  const scanner = createPiiScanner({});

  function heldBack(chunks: readonly string[]): { held: number; partialWord: number }[] {
    const stage = new ScanStage(scanner);
    let sent = '';
    let received = '';
    return chunks.map((chunk) => {
      sent += chunk;
      received += stage.push(chunk).text;
      return { held: sent.length - received.length, partialWord: /\S*$/u.exec(sent)?.[0].length ?? 0 };
    });
  }

  it('holds back at most the partial word at the end, with all seven patterns active', () => {
    fc.assert(
      fc.property(cutsFor(answer), (cuts) => {
        for (const { held, partialWord } of heldBack(chunkAt(answer, cuts))) {
          expect(held).toBeLessThanOrEqual(Math.min(partialWord, 32));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('holds back at most the partial word when the answer comes one character at a time', () => {
    const over = heldBack([...answer]).filter(({ held, partialWord }) => held > Math.min(partialWord, 32));
    expect(over).toEqual([]);
    expect(scanner.holdback).toBe(258);
  });
});
