import { describe, expect, it } from 'vitest';
import { piiDetectionConfigSchema } from './config.js';
import { knownPatterns } from './patterns/builtin.js';

const issues = (input: unknown) => {
  const result = piiDetectionConfigSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('piiDetectionConfigSchema', () => {
  it('accepts the seed rule and fills defaults', () => {
    expect(
      piiDetectionConfigSchema.parse({
        action: 'redact',
        patterns: ['ssn', 'credit_card', 'passport_number'],
      }),
    ).toEqual({
      action: 'redact',
      patterns: ['ssn', 'credit_card', 'passport_number'],
      custom: [],
      placeholder: '[REDACTED:{TYPE}]',
    });
  });

  it('defaults to redacting every built-in pattern', () => {
    expect(piiDetectionConfigSchema.parse({})).toMatchObject({
      action: 'redact',
      patterns: [...knownPatterns],
    });
  });

  it('refuses an unknown pattern with the list of known ones, as an enum the loader can hint from', () => {
    const result = piiDetectionConfigSchema.safeParse({ patterns: ['ssnn'] });
    expect(result.success).toBe(false);
    const [issue] = result.error?.issues ?? [];
    expect(issue).toMatchObject({ code: 'invalid_value', path: ['patterns', 0], values: [...knownPatterns] });
    expect(issue?.message).toBe(
      'unknown pattern "ssnn"; known patterns: ssn, credit_card, email, passport_number, phone, ip_address, iban',
    );
  });

  it('accepts a custom pattern', () => {
    const config = piiDetectionConfigSchema.parse({
      patterns: [],
      custom: [
        {
          name: 'employee_id',
          regex: String.raw`EMP-\d{6}`,
          flags: 'i',
          placeholder: '<EMP>',
          max_length: 10,
        },
      ],
    });
    expect(config.custom).toHaveLength(1);
  });

  it.each([
    ['an unknown action', { action: 'mask' }, 'action', /expected one of/i],
    ['an unknown key', { pattern: ['ssn'] }, '', /Unrecognized key/i],
    ['no pattern at all', { patterns: [] }, 'patterns', /list at least one pattern/],
    [
      'an invalid custom regex',
      { custom: [{ name: 'bad', regex: '(unclosed', max_length: 5 }] },
      'custom.0.regex',
      /^invalid regular expression: .*unclosed/i,
    ],
    [
      'an invalid flag',
      { custom: [{ name: 'bad', regex: 'x', flags: 'g', max_length: 5 }] },
      'custom.0.flags',
      /flags may only contain/,
    ],
    [
      'a name that is not snake_case',
      { custom: [{ name: 'Employee-ID', regex: 'x', max_length: 5 }] },
      'custom.0.name',
      /snake_case/,
    ],
    [
      'a missing max_length',
      { custom: [{ name: 'x', regex: 'x' }] },
      'custom.0.max_length',
      /expected number/i,
    ],
    [
      'an unbounded max_length',
      { custom: [{ name: 'x', regex: 'x', max_length: 100_000 }] },
      'custom.0.max_length',
      /at most 1024/,
    ],
    [
      'a custom name that shadows a built-in',
      { custom: [{ name: 'ssn', regex: 'x', max_length: 5 }] },
      'custom.0.name',
      /built-in pattern/,
    ],
    [
      'a custom name used twice',
      {
        custom: [
          { name: 'x', regex: 'x', max_length: 5 },
          { name: 'x', regex: 'y', max_length: 5 },
        ],
      },
      'custom.1.name',
      /defined twice/,
    ],
    ['an empty placeholder', { placeholder: '' }, 'placeholder', /too small|>=1/i],
  ])('refuses %s', (_, input, path, message) => {
    expect(issues(input)).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
