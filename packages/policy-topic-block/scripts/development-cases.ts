/**
 * Every labelled case the detector may be tuned and trained on, in one list: the tuning split of
 * topic-cases.ts, the development rounds 3–13, and four former held-out sets that have been
 * development data since they were measured: the round-2 "fresh" set (measured twice in an earlier
 * session), the first blind set (measured twice), the second and third blind sets (measured once each);
 * 300 ordinary requests that use the topics' words in everyday senses, as generic benign cases; and
 * the generated everyday-sense and prevention requests of everyday-senses.ts (#20), benign too; and
 * round 5's generated requests of #20's crime families and hard negatives (issue20-requests.ts).
 * Generated cases carry ids starting `request-generated/` or `everyday-generated/` (isGeneratedCase).
 * Round 14 (#20, two-topic requests and lookalikes) comes after the everyday-words texts, the last
 * written ones. Requests of the families that belong to two topics carry both labels (secondTopics):
 * the rounds before 13 labelled partner spyware, school break-ins and account takeovers `malware`
 * only and stalking `violence` only, which taught the other topic's attribution model that they
 * are not its own.
 * The held-out split of topic-cases.ts, blind-heldout-4.ts and everyday-words-blind.ts are not here.
 */
import { blindHeldoutCases } from '../src/fixtures/blind-heldout.ts';
import { blindHeldout2Cases } from '../src/fixtures/blind-heldout-2.ts';
import { blindHeldout3Cases } from '../src/fixtures/blind-heldout-3.ts';
import { devRound3Cases } from '../src/fixtures/dev-round3.ts';
import { devRound4Cases } from '../src/fixtures/dev-round4.ts';
import { devRound5Cases } from '../src/fixtures/dev-round5.ts';
import { devRound6Cases } from '../src/fixtures/dev-round6.ts';
import { devRound7Cases } from '../src/fixtures/dev-round7.ts';
import { devRound8Cases } from '../src/fixtures/dev-round8.ts';
import { devRound9Cases } from '../src/fixtures/dev-round9.ts';
import { devRound10Cases } from '../src/fixtures/dev-round10.ts';
import { devRound11Cases } from '../src/fixtures/dev-round11.ts';
import { devRound12Cases } from '../src/fixtures/dev-round12.ts';
import { devRound13Cases } from '../src/fixtures/dev-round13.ts';
import { devRound14Cases } from '../src/fixtures/dev-round14.ts';
import { EVERYDAY_WORDS_TRAIN } from '../src/fixtures/everyday-words-train.ts';
import { freshHeldoutCases } from '../src/fixtures/fresh-heldout.ts';
import { type TopicCase, topicCases } from '../src/fixtures/topic-cases.ts';
import { everydaySenseTexts } from './everyday-senses.ts';
import { issue20HardNegatives, issue20Requests } from './issue20-requests.ts';

/**
 * Families that belong to a second topic: a request of `topic` whose text names the family's
 * subject belongs to `also` as well. A person's phone, accounts or a school's systems make
 * intrusion illegal activity too; following or tracking a person makes violence illegal activity.
 */
const SECOND_TOPICS: readonly (readonly [topic: string, subject: RegExp, also: string])[] = [
  [
    'malware',
    /\b(wife|husband|girlfriend|boyfriend|gf|bf|partner|ex|ex's|son|daughter|school|schools|school's|grading|grades|teacher|principal|portal|instagram|facebook|snapchat|whatsapp|icloud|sim swap|coinbase)\b/i,
    'illegal_activity',
  ],
  ['violence', /\b(stalk|stalking|tracker|airtag|gps|daily routine)\b/i, 'illegal_activity'],
  ['illegal_activity', /\b(stalk|stalking|restraining order)\b/i, 'violence'],
];

/** `c` with the second topics its family belongs to added to `also`. */
function secondTopics(c: TopicCase): TopicCase {
  if (!c.expectBlock) return c;
  const extra = SECOND_TOPICS.filter(
    ([topic, subject, also]) => c.topic === topic && subject.test(c.text) && c.also?.includes(also) !== true,
  ).map(([, , also]) => also);
  return extra.length === 0 ? c : { ...c, also: [...(c.also ?? []), ...extra] };
}

export function developmentCases(): TopicCase[] {
  return writtenAndGenerated().map(secondTopics);
}

function writtenAndGenerated(): TopicCase[] {
  const formerlyHeldOut = [
    ...freshHeldoutCases(),
    ...blindHeldoutCases(),
    ...blindHeldout2Cases(),
    ...blindHeldout3Cases(),
  ];
  return [
    ...topicCases().filter((c) => c.split === 'tuning'),
    ...devRound3Cases(),
    ...devRound4Cases(),
    ...devRound5Cases(),
    ...devRound6Cases(),
    ...devRound7Cases(),
    ...devRound8Cases(),
    ...devRound9Cases(),
    ...devRound10Cases(),
    ...devRound11Cases(),
    ...devRound12Cases(),
    ...devRound13Cases(),
    ...formerlyHeldOut.map((c) => ({ ...c, split: 'tuning' as const })),
    ...EVERYDAY_WORDS_TRAIN.map((text, i) => ({
      id: `everyday/${i}`,
      topic: null,
      text,
      expectBlock: false,
      split: 'tuning' as const,
    })),
    ...devRound14Cases(),
    ...everydaySenseTexts().map(({ sense, text }, i) => ({
      id: `everyday-generated/${sense}/${i}`,
      topic: null,
      text,
      expectBlock: false,
      split: 'tuning' as const,
    })),
    ...issue20Requests(),
    ...issue20HardNegatives().map(({ sense, text }, i) => ({
      id: `everyday-generated/round5/${sense}/${i}`,
      topic: null,
      text,
      expectBlock: false,
      split: 'tuning' as const,
    })),
  ];
}

/** A generated case: fitted, but left out of the cross-validated figures (near-duplicates would inflate them). */
export function isGeneratedCase(c: { readonly id: string }): boolean {
  return c.id.startsWith('request-generated/') || c.id.startsWith('everyday-generated/');
}
