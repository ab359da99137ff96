import { describe, expect, it } from 'vitest';
import { builtinTopicNames } from '../builtin-topics.js';
import { blindHeldout4Cases } from '../fixtures/blind-heldout-4.js';
import { blindHeldout5Cases } from '../fixtures/blind-heldout-5.js';
import { blindHeldout6Cases } from '../fixtures/blind-heldout-6.js';
import { EVERYDAY_WORDS_BLIND } from '../fixtures/everyday-words-blind.js';
import { topicCases } from '../fixtures/topic-cases.js';
import { createTopicMatcher } from '../topic-matcher.js';
import { evaluate } from './evaluation.js';

const topics = [...builtinTopicNames];
const full = createTopicMatcher({ topics });
const lexicon = createTopicMatcher({ topics, learned: false });
const names = (matcher: typeof full) => (text: string) => matcher.match(text).map((m) => m.topic);

// The measured values (README, "Results"). A change that lowers any of them fails here; raise them
// when the detector improves. topic-cases.ts has been tuned on (its 100 % is no estimate). No blind
// set is ever trained on. The sixth blind set was measured once, with the models trained on rounds
// 3–12 (133/150, 4/150). The fifth was first measured with rounds 3–11 (130/150, 0/150) and the
// fourth three times before (138, 134, 140 of 150); the everyday-words set went 10, 3, 5 and now 6
// of 90 as the training data grew. With #20's round-5 models (cut-off 0.80): sixth 135/150, 4/150;
// fifth 133/150, 2/150; fourth 142/150, 3/150. With round 6's (two-topic labels, cut-off 0.80):
// sixth 135/150, 4/150; fifth 134/150, 2/150; fourth 141/150, 3/150 (one request fewer: the fourth
// set's pin moves down to the measured value, and the fifth's up).
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

describe.each([
  { name: 'sixth', cases: blindHeldout6Cases(), learned: [135, 4], lexiconOnly: [79, 3] },
  { name: 'fifth', cases: blindHeldout5Cases(), learned: [134, 2], lexiconOnly: [72, 0] },
  { name: 'fourth', cases: blindHeldout4Cases(), learned: [141, 3], lexiconOnly: [70, 3] },
])('$name blind held-out set', ({ cases, learned, lexiconOnly }) => {
  it('has 25 requests and 25 near-misses per topic', () => {
    expect(cases.filter((c) => c.expectBlock)).toHaveLength(150);
    expect(cases.filter((c) => !c.expectBlock)).toHaveLength(150);
  });

  it('stays at or above the measured values, with and without the learned layer', () => {
    const withLearned = evaluate(cases, names(full)).rows.get('total')!.heldout;
    const alone = evaluate(cases, names(lexicon)).rows.get('total')!.heldout;
    expect(withLearned.caught).toBeGreaterThanOrEqual(learned[0]!);
    expect(withLearned.falseBlocks).toBeLessThanOrEqual(learned[1]!);
    expect(alone.caught).toBeGreaterThanOrEqual(lexiconOnly[0]!);
    expect(alone.falseBlocks).toBeLessThanOrEqual(lexiconOnly[1]!);
  });

  it('keeps false blocks within the 3 % target', () => {
    expect(evaluate(cases, names(full)).rows.get('total')!.heldout.falseBlockRate).toBeLessThanOrEqual(0.03);
  });
});

describe('everyday-words blind set', () => {
  // 6 (2 by the lexicon) before #20; since mention cues no longer veto the learned layer and the
  // models were retrained with the #20 families, 7 (1 by the lexicon); with round 5's models and
  // hard negatives (cut-off 0.80), 1, by the learned layer (the lexicon alone blocks none since
  // round 3's exclusions; its limit stays at the 1 measured before).
  it('blocks at most the measured 1 of its 90 ordinary requests (at most 1 by the lexicon alone)', () => {
    expect(EVERYDAY_WORDS_BLIND).toHaveLength(90);
    const blocked = (matcher: typeof full) => EVERYDAY_WORDS_BLIND.filter((t) => matcher.match(t).length > 0);
    expect(blocked(full).length).toBeLessThanOrEqual(1);
    expect(blocked(lexicon).length).toBeLessThanOrEqual(1);
  });
});
