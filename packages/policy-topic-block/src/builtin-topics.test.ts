import { describe, expect, it } from 'vitest';
import { builtinTopicNames, builtinTopics } from './builtin-topics.js';
import { detailCues, fictionCues, mentionCues, neutralPhrases } from './cues.js';
import { intentFrames } from './frames.js';
import { normalizeText } from './normalize.js';
import { expandPhrase } from './phrase-pattern.js';
import { createTopicMatcher } from './topic-matcher.js';
import { tokenize } from './word-tokens.js';

const lexicon: [where: string, pattern: string][] = [
  ...Object.entries(intentFrames).flatMap(([name, patterns]) =>
    patterns.map((p): [string, string] => [`frame ${name}`, p]),
  ),
  ...Object.entries(mentionCues).flatMap(([name, patterns]) =>
    patterns.map((p): [string, string] => [`cue ${name}`, p]),
  ),
  ...[...fictionCues, ...detailCues, ...neutralPhrases].map((p): [string, string] => ['cues.ts', p]),
  ...builtinTopics.flatMap((topic) => [
    ...Object.entries(topic.terms).flatMap(([group, patterns]) =>
      patterns.map((p): [string, string] => [`${topic.name}.${group}`, p]),
    ),
    ...(topic.exclusions ?? []).map((p): [string, string] => [`${topic.name} exclusion`, p]),
    ...(topic.cues ?? []).map((p): [string, string] => [`${topic.name} cue`, p]),
  ]),
];

describe('built-in lexicon', () => {
  it('writes every phrase in normalised form, as whole words, so none is dead', () => {
    const dead = lexicon.flatMap(([where, pattern]) =>
      expandPhrase(pattern)
        .filter((phrase) => normalizeText(phrase) !== phrase || tokenize(phrase).words.join(' ') !== phrase)
        .map((phrase) => `${where}: "${phrase}"`),
    );
    expect(dead).toEqual([]);
  });

  it('compiles every topic, its rules naming only known frames and term groups', () => {
    expect(() => createTopicMatcher({ topics: [...builtinTopicNames] })).not.toThrow();
  });

  it('keeps names snake_case, rule names unique per topic, weights in (0, 1] and definitions short', () => {
    for (const topic of builtinTopics) {
      expect(topic.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(topic.description.length).toBeLessThanOrEqual(200);
      expect(topic.examples.length).toBeLessThanOrEqual(5);
      const names = topic.rules.map((rule) => rule.name);
      expect(new Set(names).size).toBe(names.length);
      for (const rule of topic.rules) {
        expect(rule.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(rule.weight).toBeGreaterThan(0);
        expect(rule.weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it('blocks every example it gives semantic mode', () => {
    const matcher = createTopicMatcher({ topics: [...builtinTopicNames] });
    for (const topic of builtinTopics) {
      for (const example of topic.examples) {
        expect(
          matcher.match(example).map((m) => m.topic),
          example,
        ).toContain(topic.name);
      }
    }
  });
});
