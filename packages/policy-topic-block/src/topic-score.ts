// Scoring one built-in topic: its rules' chains, held back where a mention or fiction cue touches them.
import { type CompiledTopic, DETAIL, FICTION } from './builtin-lexicon.js';
import { byStart, lowerBound, NONE, type Occurrence, occurrencesOf, someChain } from './rule-chain.js';
import type { TopicMatch } from './topic-matcher.js';

/** Score at and above which a topic matches. */
export const MATCH_THRESHOLD = 0.5;
// A rule held back by a mention or fiction cue keeps this share of its weight, below the threshold.
const SUPPRESSED_FACTOR = 0.4;
const DETAIL_SIGNAL = 'operational_detail_overrides_fiction';

// Words that open a new request inside a sentence: "the history of pipe bombs and how to build
// one" asks twice, so the cue before "and" does not lift the second request.
const JOINERS: ReadonlySet<string> = new Set(['and', 'also', 'plus', 'then', 'but', 'now', 'so']);

/** What a chain is checked against: the words and the mention cues, both in text order. */
export interface Context {
  readonly words: readonly string[];
  readonly sentence: Uint32Array;
  readonly mentions: readonly Occurrence[];
  /** Merged occurrence lists of multi-tag elements, filled as rules need them. */
  readonly merged: Map<readonly string[], readonly Occurrence[]>;
}

/**
 * True when a mention cue shares a sentence with the chain. If the chain opens right after a
 * joining word ("... and how do I ..."), only cues from its own start on count. Two binary
 * searches, so checking a chain costs O(log n) however many cues the text holds.
 */
function mentionTouches(
  chain: readonly Occurrence[],
  cues: readonly Occurrence[],
  context: Context,
): boolean {
  if (cues.length === 0) return false;
  const { sentence, words } = context;
  let firstWord = chain[0]!.start;
  let first = sentence[firstWord]!;
  let last = first;
  for (const o of chain) {
    firstWord = Math.min(firstWord, o.start);
    first = Math.min(first, sentence[o.start]!);
    last = Math.max(last, sentence[o.start]!);
  }
  const joined = firstWord > 0 && JOINERS.has(words[firstWord - 1]!);
  const i = joined
    ? lowerBound(cues, firstWord, byStart)
    : lowerBound(cues, first, (o) => sentence[o.start]!);
  return i < cues.length && sentence[cues[i]!.start]! <= last;
}

/**
 * The topic's match, if a rule fired; `heldBack` when some rule would have fired but a mention or
 * fiction cue held it back, which the learned layer must respect too.
 */
export function scoreTopic(
  topic: CompiledTopic,
  byTag: ReadonlyMap<string, Occurrence[]>,
  context: Context,
): { readonly match: TopicMatch | undefined; readonly heldBack: boolean } {
  const topicMentions = byTag.get(topic.cueTag) ?? NONE;
  const fiction = byTag.has(FICTION) && !topic.fictionIsNotAMention;
  const detail = byTag.has(DETAIL);
  const fictionHolds = fiction && !detail;
  let score = 0;
  let heldBack = false;
  const signals: string[] = [];
  for (const rule of topic.rules) {
    const lists = rule.elements.map((tags) => occurrencesOf(byTag, tags, context.merged));
    if (lists.some((list) => list.length === 0)) continue;
    let suppressed = false;
    const fired = someChain(lists, rule, (chain) => {
      if (
        fictionHolds ||
        mentionTouches(chain, context.mentions, context) ||
        mentionTouches(chain, topicMentions, context)
      ) {
        suppressed = true;
        return false;
      }
      return true;
    });
    if (fired) {
      score = Math.max(score, rule.weight);
      signals.push(rule.name);
    } else if (suppressed) {
      score = Math.max(score, rule.weight * SUPPRESSED_FACTOR);
      heldBack = true;
    }
  }
  if (score < MATCH_THRESHOLD) return { match: undefined, heldBack };
  if (fiction && detail) signals.push(DETAIL_SIGNAL);
  return { match: { topic: topic.name, score, signals }, heldBack };
}
