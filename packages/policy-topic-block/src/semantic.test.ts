import { describe, expect, it } from 'vitest';
import { cosineSimilarity, matchSemantic, semanticConfigSchema, topicProbeTexts } from './semantic.js';
import { weaponsManufacturing } from './topics/weapons-manufacturing.js';

describe('cosineSimilarity', () => {
  it.each([
    [[1, 0], [1, 0], 1],
    [[1, 0], [0, 1], 0],
    [[1, 0], [-1, 0], -1],
    [[3, 4], [6, 8], 1],
    [[0, 0], [1, 1], 0],
  ])('of %j and %j is %d', (a, b, expected) => {
    expect(cosineSimilarity(a, b)).toBeCloseTo(expected);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow('different lengths (2 and 3)');
  });
});

describe('matchSemantic', () => {
  const topics = [
    {
      topic: 'weapons_manufacturing',
      vectors: [
        [1, 0, 0],
        [0.9, 0.1, 0],
      ],
    },
    { topic: 'malware', vectors: [[0, 1, 0]] },
  ];

  it('matches topics whose closest probe reaches the threshold, best first', () => {
    const matches = matchSemantic(topics, [0.95, 0.3, 0], 0.5);
    expect(matches.map((m) => m.topic)).toEqual(['weapons_manufacturing']);
    expect(matches[0]?.signals).toEqual(['semantic_similarity']);
    expect(matches[0]?.score).toBeGreaterThan(0.95);
  });

  it('matches nothing below the threshold', () => {
    expect(matchSemantic(topics, [0, 0, 1], 0.5)).toEqual([]);
  });

  it('matches exactly at the threshold', () => {
    expect(matchSemantic([{ topic: 't', vectors: [[1, 0]] }], [1, 0], 1)).toHaveLength(1);
  });
});

describe('topicProbeTexts', () => {
  it('embeds a built-in topic by its description and examples', () => {
    expect(topicProbeTexts(weaponsManufacturing)).toEqual([
      weaponsManufacturing.description,
      ...weaponsManufacturing.examples,
    ]);
  });

  it('embeds a custom topic by its description and phrases', () => {
    expect(topicProbeTexts({ name: 'x', description: 'about x', phrases: ['x launch'] })).toEqual([
      'about x',
      'x launch',
    ]);
  });
});

describe('semanticConfigSchema', () => {
  it.each([
    { target: '', threshold: 0.5 },
    { target: 'e', threshold: 0 },
    { target: 'e', threshold: 1.1 },
  ])('refuses %j', (input) => {
    expect(semanticConfigSchema.safeParse(input).success).toBe(false);
  });
});
