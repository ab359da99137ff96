import { describe, expect, it } from 'vitest';
import { builtinTopicNames } from '../builtin-topics.js';
import { createTopicMatcher } from '../topic-matcher.js';

const everyTopic = createTopicMatcher({ topics: [...builtinTopicNames] });

/** Cases for one built-in topic: each `blocks` text must match it, each `passes` text no topic at all. */
export interface TopicTable {
  readonly blocks: readonly (string | readonly [text: string, signal: string])[];
  readonly passes: readonly string[];
}

/** Table-driven tests for one topic, run with every built-in topic active. */
export function describeTopic(topic: string, table: TopicTable): void {
  describe(topic, () => {
    it.each(table.blocks.map((entry) => (typeof entry === 'string' ? [entry, undefined] : entry)))(
      'blocks %j',
      (text, signal) => {
        const match = everyTopic.match(text).find((m) => m.topic === topic);
        expect(match, `expected ${topic} to match`).toBeDefined();
        if (signal !== undefined) expect(match?.signals).toContain(signal);
      },
    );
    it.each(table.passes)('lets %j pass', (text) => {
      expect(everyTopic.match(text)).toEqual([]);
    });
  });
}
