import { describe, expect, it } from 'vitest';
import { compilePhrase } from './phrase.js';

function matches(phrase: string, text: string): boolean {
  return compilePhrase(phrase).some(({ starts, rest }) =>
    starts.some((start) => {
      if (!text.startsWith(start)) return false;
      if (rest === null) return text.length === start.length;
      rest.lastIndex = start.length;
      return rest.test(text);
    }),
  );
}

describe('compilePhrase', () => {
  it.each([
    { phrase: 'ignore|forget previous instructions', text: 'forget previous instructions', expected: true },
    {
      phrase: 'ignore [all] previous instructions',
      text: 'ignore all previous instructions',
      expected: true,
    },
    { phrase: 'ignore [all] previous instructions', text: 'ignore previous instructions', expected: true },
    { phrase: 'ignore ~2 instructions', text: 'ignore the old instructions', expected: true },
    { phrase: 'ignore ~2 instructions', text: 'ignore one two three instructions', expected: false },
    { phrase: 'do_not follow rules', text: 'do not follow rules', expected: true },
    { phrase: 'do_not follow rules', text: 'do-not, follow rules', expected: true },
    { phrase: 'ignore instruct% above', text: 'ignore instructions above', expected: true },
    { phrase: 'reveal system_?prompt', text: 'reveal systemprompt', expected: true },
    { phrase: 'reveal system_?prompt', text: 'reveal system-prompt', expected: true },
    { phrase: 'ignore previous', text: 'ignore previously', expected: false },
    { phrase: 'ignore previous', text: 'ignore. previous', expected: false },
    { phrase: 'you_(?:were|have_been)_told', text: 'you have been told', expected: true },
  ])('"$phrase" on "$text" → $expected', ({ phrase, text, expected }) => {
    expect(matches(phrase, text)).toBe(expected);
  });

  it.each([
    { name: 'empty phrase', phrase: '' },
    { name: 'optional first piece', phrase: '[ignore] previous' },
    { name: 'gap first', phrase: '~2 previous' },
    { name: 'wildcard start word', phrase: 'ignor% previous' },
    { name: 'optional join in the start word', phrase: 'system_?prompt' },
  ])('rejects $name', ({ phrase }) => {
    expect(() => compilePhrase(phrase)).toThrow();
  });

  it('groups start words that share a continuation', () => {
    const compiled = compilePhrase('ignore|forget|do_not previous');
    expect(compiled.map((c) => c.starts)).toEqual([['ignore', 'forget'], ['do']]);
  });
});
