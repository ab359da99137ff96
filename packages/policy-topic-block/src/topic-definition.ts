/**
 * A phrase pattern as {@link expandPhrase} reads it: lower-case words with `(a|b)` alternatives
 * and `(x)?` optional groups, written in normalised form (see `normalizeText`).
 */
export type PhrasePattern = string;

/** The shared intent frames a rule can name with `@`: how a request for help is phrased. */
export type FrameName =
  | 'how_to'
  | 'instructions'
  | 'intend'
  | 'how_much'
  | 'acquire'
  | 'obtain'
  | 'purchase'
  | 'illicit'
  | 'unlicensed'
  | 'evade'
  | 'produce'
  | 'persuade'
  | 'argue';

/**
 * One way a request for the topic is phrased: its elements must appear in order, each starting at
 * most `gap` words after the previous one ends (`order: 'near'`: on either side of the first).
 */
export interface TopicRule {
  /** snake_case, unique within the topic; reported as a signal when the rule fires. */
  readonly name: string;
  /** `@how_to` names a shared intent frame; a bare name, one of the topic's term groups. */
  readonly elements: readonly string[];
  /** Words allowed between consecutive elements; 6 when absent. */
  readonly gap?: number;
  readonly order?: 'sequence' | 'near';
  /** How sure a firing makes us, in (0, 1]; a topic matches at 0.5 and above. */
  readonly weight: number;
  /**
   * Other built-in topics the requests this rule finds belong to as well (stalking is illegal and
   * violent); each of them, when active, reports the match too, even if this topic is not active.
   */
  readonly also?: readonly string[];
}

/** A built-in topic: a reviewable lexicon plus the rules that turn its terms into a request. */
export interface TopicDefinition {
  /** snake_case, as written in YAML `topics:` and reported as the finding type. */
  readonly name: string;
  /** What the topic covers, at most 200 characters; semantic mode embeds it. */
  readonly description: string;
  /** A few typical requests (at most 5); semantic mode embeds them next to the description. */
  readonly examples: readonly string[];
  /** Named term groups the rules refer to. */
  readonly terms: Readonly<Record<string, readonly PhrasePattern[]>>;
  /** Harmless phrases that contain a term ("bath bomb", "glue gun"); matching one hides the term. */
  readonly exclusions?: readonly PhrasePattern[];
  /**
   * Set when the fiction itself would be the harm (a hateful poem is hateful), so fiction framing
   * does not lift a match.
   */
  readonly fictionIsNotAMention?: boolean;
  /** Phrases marking a mention rather than a request, for this topic only (see `cues.ts`). */
  readonly cues?: readonly PhrasePattern[];
  readonly rules: readonly TopicRule[];
}
