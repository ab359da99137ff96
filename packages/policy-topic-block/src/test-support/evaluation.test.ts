import { describe, expect, it } from 'vitest';
import { builtinTopicNames } from '../builtin-topics.js';
import { blindHeldout4Cases } from '../fixtures/blind-heldout-4.js';
import { topicCases } from '../fixtures/topic-cases.js';
import { createTopicMatcher } from '../topic-matcher.js';
import { evaluate } from './evaluation.js';

const topics = [...builtinTopicNames];
const full = createTopicMatcher({ topics });
const lexicon = createTopicMatcher({ topics, learned: false });
const names = (matcher: typeof full) => (text: string) => matcher.match(text).map((m) => m.topic);

// The measured values (README, "Results"). A change that lowers any of them fails here; raise them
// when the detector improves. topic-cases.ts has been tuned on (its 100 % is no estimate). The
// fourth blind set was measured once (138/150 with the learned layer and 4/150 false blocks; 70/150
// and 3/150 without) and is never tuned on.
describe('labelled topic cases', () => {
  const { rows } = evaluate(topicCases(), names(full));

  it.each(['tuning', 'heldout'] as const)(
    'stay at 100 %% recall and no false blocks on the %s split',
    (split) => {
      const total = rows.get('total')![split];
      expect(total.recall).toBe(1);
      expect(total.falseBlockRate).toBe(0);
    },
  );

  it('split every fourth case of each list into the held-out part', () => {
    const cases = topicCases();
    expect(cases.filter((c) => c.split === 'heldout').length).toBe(111);
    expect(cases.find((c) => c.id === 'weapons_manufacturing/blocked/3')?.split).toBe('heldout');
    expect(cases.find((c) => c.id === 'weapons_manufacturing/blocked/4')?.split).toBe('tuning');
  });
});

describe('fourth blind held-out set', () => {
  const cases = blindHeldout4Cases();

  it('has 25 requests and 25 near-misses per topic', () => {
    expect(cases.filter((c) => c.expectBlock)).toHaveLength(150);
    expect(cases.filter((c) => !c.expectBlock)).toHaveLength(150);
  });

  it('meets the targets (recall >= 0.90, false blocks <= 0.03) with the learned layer', () => {
    const total = evaluate(cases, names(full)).rows.get('total')!.heldout;
    expect(total.recall).toBeGreaterThanOrEqual(0.9);
    expect(total.falseBlockRate).toBeLessThanOrEqual(0.03);
  });

  it('stays at or above the measured values, with and without the learned layer', () => {
    const withLearned = evaluate(cases, names(full)).rows.get('total')!.heldout;
    const lexiconOnly = evaluate(cases, names(lexicon)).rows.get('total')!.heldout;
    expect(withLearned.caught).toBeGreaterThanOrEqual(138);
    expect(withLearned.falseBlocks).toBeLessThanOrEqual(4);
    expect(lexiconOnly.caught).toBeGreaterThanOrEqual(70);
    expect(lexiconOnly.falseBlocks).toBeLessThanOrEqual(3);
  });
});
