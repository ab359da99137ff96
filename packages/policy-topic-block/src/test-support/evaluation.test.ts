import { describe, expect, it } from 'vitest';
import { builtinTopicNames } from '../builtin-topics.js';
import { freshHeldoutCases } from '../fixtures/fresh-heldout.js';
import { topicCases } from '../fixtures/topic-cases.js';
import { createTopicMatcher } from '../topic-matcher.js';
import { evaluate } from './evaluation.js';

const matcher = createTopicMatcher({ topics: [...builtinTopicNames] });
const { rows } = evaluate(topicCases(), (text) => matcher.match(text).map((m) => m.topic));

const fresh = evaluate(freshHeldoutCases(), (text) => matcher.match(text).map((m) => m.topic));

// The measured values (README, "Results"). A change that lowers any of them fails here; raise them
// when the detector improves. The old held-out split has been tuned on (its 100 % is no estimate);
// the fresh held-out set (34/48) is the honest figure and is below the 0.90 target: see the README.
const floors = {
  tuning: { recall: 1, falseBlockRate: 0 },
  heldout: { recall: 1, falseBlockRate: 0 },
};
const freshFloor = { recall: 34 / 48, falseBlockRate: 0 };

describe('labelled topic cases', () => {
  it.each(Object.entries(floors))('stay at or above the measured %s values', (split, floor) => {
    const total = rows.get('total')![split as 'tuning' | 'heldout'];
    expect(total.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(total.falseBlockRate).toBeLessThanOrEqual(floor.falseBlockRate);
  });

  it('stay at or above the measured values on the fresh held-out set', () => {
    const total = fresh.rows.get('total')!.heldout;
    expect(total.blocked).toBe(48);
    expect(total.benign).toBe(48);
    expect(total.recall).toBeGreaterThanOrEqual(freshFloor.recall);
    expect(total.falseBlockRate).toBeLessThanOrEqual(freshFloor.falseBlockRate);
  });

  it('meet the false-block target (<= 0.03) on every topic and split', () => {
    for (const [row, splits] of rows) {
      expect(splits.tuning.falseBlockRate, row).toBeLessThanOrEqual(0.03);
      expect(splits.heldout.falseBlockRate, row).toBeLessThanOrEqual(0.03);
    }
  });

  it('split every fourth case of each list into the held-out part', () => {
    const cases = topicCases();
    expect(cases.filter((c) => c.split === 'heldout').length).toBe(111);
    expect(cases.find((c) => c.id === 'weapons_manufacturing/blocked/3')?.split).toBe('heldout');
    expect(cases.find((c) => c.id === 'weapons_manufacturing/blocked/4')?.split).toBe('tuning');
  });
});
