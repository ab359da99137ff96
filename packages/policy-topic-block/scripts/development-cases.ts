/**
 * Every labelled case the detector may be tuned and trained on, in one list: the tuning split of
 * topic-cases.ts, the development rounds 3–7, and the round-2 "fresh" set, which was measured as
 * held-out twice in an earlier session and has been development data since. The held-out split of
 * topic-cases.ts and blind-heldout.ts are not here.
 */
import { devRound3Cases } from '../src/fixtures/dev-round3.ts';
import { devRound4Cases } from '../src/fixtures/dev-round4.ts';
import { devRound5Cases } from '../src/fixtures/dev-round5.ts';
import { devRound6Cases } from '../src/fixtures/dev-round6.ts';
import { devRound7Cases } from '../src/fixtures/dev-round7.ts';
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
    ...freshHeldoutCases().map((c) => ({ ...c, split: 'tuning' as const })),
  ];
}
