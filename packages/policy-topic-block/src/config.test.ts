import { describe, expect, it } from 'vitest';
import { topicBlockConfig } from './config.js';

const issues = (input: unknown) => {
  const result = topicBlockConfig.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('topicBlockConfig', () => {
  it('accepts the seed rule and fills defaults', () => {
    expect(
      topicBlockConfig.parse({ action: 'block', topics: ['weapons_manufacturing', 'illegal_activity'] }),
    ).toEqual({
      action: 'block',
      topics: ['weapons_manufacturing', 'illegal_activity'],
      custom: [],
      scan: 'request',
      learned: true,
    });
  });

  it('accepts custom topics, response scanning, semantic mode and the learned layer switched off', () => {
    const config = {
      action: 'block',
      topics: ['malware', 'project_phoenix'],
      custom: [
        { name: 'project_phoenix', keywords: ['phoenix'] },
        { name: 'competitors', description: 'Our competitors' },
      ],
      scan: 'both',
      semantic: { target: 'embedder', threshold: 0.8 },
      learned: false,
    };
    expect(topicBlockConfig.parse(config)).toEqual(config);
  });

  it.each([
    [
      { action: 'block', topics: ['weapon_manufacturing'] },
      'topics.0',
      'unknown topic "weapon_manufacturing"; built-in topics are weapons_manufacturing, illegal_activity, self_harm, malware, hate_speech, violence; did you mean "weapons_manufacturing"?',
    ],
    [
      { action: 'block', custom: [{ name: 'x', patterns: ['(a+)+'] }] },
      'custom.0.patterns.0',
      'pattern "(a+)+" nests a repeated group inside another repetition',
    ],
    [
      { action: 'block', custom: [{ name: 'x', patterns: ['[abc'] }] },
      'custom.0.patterns.0',
      'pattern "[abc" is not a valid regular expression',
    ],
    [
      { action: 'block', custom: [{ name: 'malware', keywords: ['x'] }] },
      'custom.0.name',
      '"malware" is a built-in topic',
    ],
    [
      {
        action: 'block',
        custom: [
          { name: 'x', keywords: ['a'] },
          { name: 'x', keywords: ['b'] },
        ],
      },
      'custom.1.name',
      'custom topic "x" is defined twice',
    ],
    [
      { action: 'block', custom: [{ name: 'x', description: 'only words' }] },
      'custom.0',
      'has only a description, which only semantic mode reads',
    ],
    [{ action: 'block' }, 'topics', 'name at least one topic'],
    [{ action: 'redact', topics: ['malware'] }, 'action', ''],
    [{ action: 'block', topics: ['malware'], scan: 'prompt' }, 'scan', ''],
    [
      { action: 'block', topics: ['malware'], semantic: { target: 'e', threshold: 1.5 } },
      'semantic.threshold',
      '',
    ],
    [{ action: 'block', topics: ['malware'], extra: true }, '', 'Unrecognized key'],
  ])('refuses %j', (input, path, message) => {
    const found = issues(input);
    expect(found.map((i) => i.path)).toContain(path);
    expect(found.find((i) => i.path === path)?.message).toContain(message);
  });
});
