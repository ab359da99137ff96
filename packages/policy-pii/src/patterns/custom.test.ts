import { describe, expect, it } from 'vitest';
import { customDetector, regexError } from './custom.js';

describe('customDetector', () => {
  const employeeId = customDetector({
    name: 'employee_id',
    regex: String.raw`\bEMP-\d{6}\b`,
    max_length: 10,
  });

  it('reports every match with the pattern name as type', () => {
    const text = 'EMP-004211 and EMP-918273';
    expect(employeeId.type).toBe('employee_id');
    expect(employeeId.find(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'EMP-004211',
      'EMP-918273',
    ]);
  });

  it('ignores matches longer than max_length and empty matches', () => {
    const words = customDetector({ name: 'word', regex: '[a-z]*', max_length: 3 });
    const text = 'abcdef ab';
    expect(words.find(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'def',
      'ef',
      'f',
      'ab',
      'b',
    ]);
  });

  it('honours flags', () => {
    const code = customDetector({ name: 'code', regex: 'secret-[a-z]+', flags: 'i', max_length: 20 });
    expect(code.find('SECRET-ABC')).toEqual([{ start: 0, end: 10 }]);
  });
});

describe('regexError', () => {
  it('returns undefined for a valid regex', () => {
    expect(regexError(String.raw`\d+`, 'i')).toBeUndefined();
  });

  it.each([
    ['(unclosed', undefined],
    ['a', 'gg'],
    ['[z-a]', undefined],
  ])('describes %s with flags %s', (regex, flags) => {
    expect(regexError(regex, flags)).toMatch(/Invalid/);
  });
});
