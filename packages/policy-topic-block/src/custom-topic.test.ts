import { describe, expect, it } from 'vitest';
import { checkCustomPattern, customTopicSchema } from './custom-topic.js';

describe('checkCustomPattern', () => {
  it.each(['\\bproject\\s+phoenix\\b', 'px-\\d{4}', '(alpha|beta) release', '[a-z]{2,8}-secret', '(ab)+c'])(
    'accepts %j',
    (source) => {
      expect(checkCustomPattern(source)).toBeUndefined();
    },
  );

  it.each([
    ['(unclosed', 'is not a valid regular expression'],
    ['[z-a]', 'is not a valid regular expression'],
    ['a*', 'matches the empty string'],
    ['(a+)+b', 'nests a repeated group'],
    ['(x*y*)*z', 'nests a repeated group'],
    ['((ab)+c)+', 'nests a repeated group'],
    ['(\\w+\\s?)*x', 'nests a repeated group'],
    ['(a)\\1', 'backreference'],
    ['x'.repeat(501), 'the limit is 500'],
  ])('refuses %j', (source, message) => {
    expect(checkCustomPattern(source)).toContain(message);
  });
});

describe('customTopicSchema', () => {
  it('accepts keywords, phrases and patterns', () => {
    const topic = {
      name: 'project_phoenix',
      keywords: ['phoenix'],
      phrases: ['launch date'],
      patterns: ['px-\\d{4}'],
    };
    expect(customTopicSchema.parse(topic)).toEqual(topic);
  });

  it('reports a bad regex at its path, quoting it, with how to fix it', () => {
    const result = customTopicSchema.safeParse({ name: 'x', patterns: ['ok', '(oops'] });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['patterns', 1]);
    expect(issue?.message).toMatch(
      /^pattern "\(oops" is not a valid regular expression \(.+\); write the source/,
    );
  });

  it.each([
    [{ name: 'Project X', keywords: ['x'] }, 'must be snake_case'],
    [{ name: 'x' }, 'needs keywords, phrases or patterns'],
    [{ name: 'x', keywords: ['  '] }, 'must not be empty'],
    [{ name: 'x', keywords: ['a'], colour: 'red' }, 'Unrecognized key'],
  ])('refuses %j', (topic, message) => {
    const result = customTopicSchema.safeParse(topic);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toContain(message);
  });
});
