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

/** What {@link scoreTopic} found for one topic. */
export interface TopicScore {
  /** The topic's own match, if a rule fired. */
  readonly match: TopicMatch | undefined;
  /** Matches for the other topics its fired rules also belong to (`TopicRule.also`). */
  readonly also: readonly TopicMatch[];
  /** A rule would have fired but fiction framing without operational detail held it back. */
  readonly heldByFiction: boolean;
}

/**
 * The topic's match, if a rule fired, and the matches its rules give other topics. A rule that a
 * mention or fiction cue touches keeps only a share of its weight, below the threshold: the cue is
 * evidence against the lexicon's reading, not a veto, and the learned layer still judges the text
 * (#20: "my prescription", "a video game" and "as a forensic accountant" still ask for harm).
 * Fiction without operational detail is the one veto ("my novel's villain builds a bomb").
 */
export function scoreTopic(
  topic: CompiledTopic,
  byTag: ReadonlyMap<string, Occurrence[]>,
  context: Context,
): TopicScore {
  const topicMentions = byTag.get(topic.cueTag) ?? NONE;
  const fiction = byTag.has(FICTION) && !topic.fictionIsNotAMention;
  const detail = byTag.has(DETAIL);
  const fictionHolds = fiction && !detail;
  let score = 0;
  const signals: string[] = [];
  const also = new Map<string, { score: number; signals: string[] }>();
  let heldByFiction = false;
  for (const rule of topic.rules) {
    const lists = rule.elements.map((tags) => occurrencesOf(byTag, tags, context.merged));
    if (lists.some((list) => list.length === 0)) continue;
    let suppressed = false;
    const fired = someChain(lists, rule, (chain) => {
      if (fictionHolds) {
        suppressed = true;
        heldByFiction = true;
        return false;
      }
      if (mentionTouches(chain, context.mentions, context) || mentionTouches(chain, topicMentions, context)) {
        suppressed = true;
        return false;
      }
      return true;
    });
    if (fired) {
      score = Math.max(score, rule.weight);
      signals.push(rule.name);
      for (const other of rule.also) {
        const entry = also.get(other) ?? { score: 0, signals: [] };
        entry.score = Math.max(entry.score, rule.weight);
        entry.signals.push(rule.name);
        also.set(other, entry);
      }
    } else if (suppressed) {
      score = Math.max(score, rule.weight * SUPPRESSED_FACTOR);
    }
  }
  if (score < MATCH_THRESHOLD) return { match: undefined, also: [], heldByFiction };
  if (fiction && detail) signals.push(DETAIL_SIGNAL);
  const others = [...also]
    .filter(([, entry]) => entry.score >= MATCH_THRESHOLD)
    .map(([name, entry]) => ({ topic: name, score: entry.score, signals: entry.signals }));
  return { match: { topic: topic.name, score, signals }, also: others, heldByFiction };
}
