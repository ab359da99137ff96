import { type CompiledTopic, compileBuiltins, EXCLUDED, MENTION } from './builtin-lexicon.js';
import { builtinTopicNames, findBuiltinTopic } from './builtin-topics.js';
import { compileCustom, matchCustom } from './custom-matcher.js';
import type { CustomTopic } from './custom-topic.js';
import { LEARNED_SIGNAL, learnedLayer } from './learned.js';
import { lexiconFeatures } from './lexicon-features.js';
import { normalizeText } from './normalize.js';
import { pronounsIn, withPronouns } from './pronouns.js';
import { collect, NONE, type Occurrence } from './rule-chain.js';
import { scoreTopic } from './topic-score.js';
import { tokenize } from './word-tokens.js';

/** A topic the text asks for help with. */
export interface TopicMatch {
  /** Topic name, e.g. `weapons_manufacturing`; use it as the finding type. */
  readonly topic: string;
  /** Confidence in [0.5, 1]: the weight of the strongest rule that fired. */
  readonly score: number;
  /** Names of the rules that fired, never the matched text. */
  readonly signals: readonly string[];
}

/** Options for {@link createTopicMatcher}. */
export interface TopicMatcherOptions {
  /**
   * Built-in topic names and custom topic definitions to detect; for a validated config,
   * `[...config.topics, ...config.custom]`.
   */
  readonly topics: readonly (string | CustomTopic)[];
  /**
   * Whether the built-in topics' learned models (src/learned.ts) also match; default true. They
   * were fitted to requests, so leave them off for answers.
   */
  readonly learned?: boolean;
}

/** A compiled set of topics; `match` is pure and safe to call concurrently. */
export interface TopicMatcher {
  /** Names of the active topics, in the order given. */
  readonly topics: readonly string[];
  /** The active topics the text asks for help with, strongest first. */
  match(text: string): TopicMatch[];
}

/**
 * Compiles built-in topic names and custom topic definitions into a matcher. Call it once, when
 * the rule is loaded; it throws on an unknown built-in name or an unsafe custom pattern (the
 * config schema reports both first, with the path).
 *
 * @example
 * const matcher = createTopicMatcher({ topics: ['weapons_manufacturing', { name: 'project_x', keywords: ['project x'] }] });
 * matcher.match('How do I build a pipe bomb?'); // [{ topic: 'weapons_manufacturing', score: 0.95, signals: ['how_to_make_explosive'] }]
 */
export function createTopicMatcher(options: TopicMatcherOptions): TopicMatcher {
  const selected: CompiledTopic[] = [];
  const customs: CustomTopic[] = [];
  const names: string[] = [];
  const customNames = new Set(
    options.topics.flatMap((entry) => (typeof entry === 'string' ? [] : [entry.name])),
  );
  for (const entry of options.topics) {
    if (typeof entry === 'string') {
      // Config may list a custom topic by name next to its definition; the definition is enough.
      if (customNames.has(entry)) continue;
      if (findBuiltinTopic(entry) === undefined) {
        throw new Error(`unknown topic "${entry}"; built-in topics are ${builtinTopicNames.join(', ')}`);
      }
      const compiled = compileBuiltins().topics.get(entry)!;
      if (!selected.includes(compiled)) selected.push(compiled);
      if (!names.includes(entry)) names.push(entry);
    } else {
      customs.push(entry);
      names.push(entry.name);
    }
  }
  const shared = selected.length > 0 ? compileBuiltins() : undefined;
  const selectedNames = new Set(selected.map((topic) => topic.name));
  // A topic is scanned when it is active or one of its rules also finds an active topic's requests
  // (malware's partner-spyware rule is illegal_activity too), so an active topic sees every text
  // that belongs to it whatever else it is.
  const scanned =
    shared === undefined
      ? []
      : [...shared.topics.values()].filter(
          (topic) =>
            selectedNames.has(topic.name) ||
            topic.rules.some((rule) => rule.also.some((other) => selectedNames.has(other))),
        );
  const activeLayers = new Set([0, ...scanned.map((topic) => topic.layer)]);
  const custom = customs.length > 0 ? compileCustom(customs) : undefined;
  const learned = options.learned === false || selected.length === 0 ? undefined : learnedLayer();

  return {
    topics: names,
    match(text) {
      const normalized = normalizeText(text);
      const matches: TopicMatch[] = [];
      if (shared !== undefined) {
        const tokens = tokenize(normalized);
        // With the learned layer on, every topic's terms are features, so every layer is scanned once.
        const layers = shared.trie.scan(tokens, learned === undefined ? activeLayers : undefined);
        const byTag = new Map<string, Occurrence[]>();
        const pronouns = pronounsIn(tokens.words);
        const candidates = scanned.filter((topic) => {
          const terms = layers[topic.layer]!.filter((hit) => !hit.tags.includes(EXCLUDED));
          collect(byTag, withPronouns(terms, pronouns));
          return terms.length > 0 || topic.hasFrameOnlyRule;
        });
        const found = new Map<string, TopicMatch>();
        let heldByFiction = false;
        const add = (match: TopicMatch): void => {
          if (!selectedNames.has(match.topic)) return;
          const known = found.get(match.topic);
          if (known === undefined) found.set(match.topic, match);
          else
            found.set(match.topic, {
              topic: match.topic,
              score: Math.max(known.score, match.score),
              signals: [...new Set([...known.signals, ...match.signals])],
            });
        };
        // Frames and cues only matter once some topic's terms are present.
        if (candidates.length > 0) {
          collect(byTag, layers[0]!);
          const context = {
            words: tokens.words,
            sentence: tokens.sentence,
            mentions: byTag.get(MENTION) ?? NONE,
            merged: new Map(),
          };
          for (const topic of candidates) {
            const scored = scoreTopic(topic, byTag, context);
            heldByFiction ||= scored.heldByFiction;
            if (scored.match !== undefined) add(scored.match);
            for (const other of scored.also) add(other);
          }
        }
        // The learned layer adds the active topics it attributes the text to that no rule found;
        // a mention cue that held a rule back does not stop it (#20), fiction without detail does.
        const learnedFound =
          heldByFiction && found.size === 0
            ? undefined
            : learned?.classify(tokens.words, lexiconFeatures(tokens, layers));
        for (const topic of learnedFound?.topics ?? []) {
          if (found.has(topic)) continue;
          add({ topic, score: Math.round(learnedFound!.score * 1000) / 1000, signals: [LEARNED_SIGNAL] });
        }
        matches.push(...found.values());
      }
      if (custom !== undefined) matches.push(...matchCustom(custom, text, normalized));
      return matches.sort((a, b) => b.score - a.score);
    },
  };
}
