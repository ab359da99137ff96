/**
 * Every labelled case the detector may be tuned and trained on, in one list: the tuning split of
 * topic-cases.ts, the development rounds 3–8, and two former held-out sets that have been
 * development data since they were measured: the round-2 "fresh" set (measured twice in an earlier
 * session) and the first blind set (measured twice, then folded in). The held-out split of
 * topic-cases.ts and blind-heldout-2.ts are not here.
 */
import { blindHeldoutCases } from '../src/fixtures/blind-heldout.ts';
import { devRound3Cases } from '../src/fixtures/dev-round3.ts';
import { devRound4Cases } from '../src/fixtures/dev-round4.ts';
import { devRound5Cases } from '../src/fixtures/dev-round5.ts';
import { devRound6Cases } from '../src/fixtures/dev-round6.ts';
import { devRound7Cases } from '../src/fixtures/dev-round7.ts';
import { devRound8Cases } from '../src/fixtures/dev-round8.ts';
import { freshHeldoutCases } from '../src/fixtures/fresh-heldout.ts';
import { type TopicCase, topicCases } from '../src/fixtures/topic-cases.ts';

export function developmentCases(): TopicCase[] {
  return [
    ...topicCases().filter((c) => c.split === 'tuning'),
    ...devRound3Cases(),
    ...devRound4Cases(),
    ...devRound5Cases(),
    ...devRound6Cases(),
    ...devRound7Cases(),
    ...devRound8Cases(),
    ...freshHeldoutCases().map((c) => ({ ...c, split: 'tuning' as const })),
    ...blindHeldoutCases().map((c) => ({ ...c, split: 'tuning' as const })),
  ];
}
