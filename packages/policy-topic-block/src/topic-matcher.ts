import { builtinTopicNames, builtinTopics, findBuiltinTopic } from './builtin-topics.js';
import { detailCues, fictionCues, mentionCues, neutralPhrases } from './cues.js';
import { CUSTOM_PATTERN_FLAGS, type CustomTopic, checkCustomPattern } from './custom-topic.js';
import { intentFrames } from './frames.js';
import { LEARNED_SIGNAL, learnedLayer } from './learned.js';
import { normalizeText } from './normalize.js';
import { createPhraseIndex, type PhraseIndex } from './phrase-index.js';
import { expandPhrase } from './phrase-pattern.js';
import type { FrameName, PhrasePattern, TopicDefinition, TopicRule } from './topic-definition.js';
import { tokenize, type WordTokens } from './word-tokens.js';
import { createWordTrie, type WordHit, type WordLayer, type WordTrie } from './word-trie.js';

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

/** Score at and above which a topic matches. */
export const MATCH_THRESHOLD = 0.5;
// A rule held back by a mention or fiction cue keeps this share of its weight, below the threshold.
const SUPPRESSED_FACTOR = 0.4;
const DEFAULT_GAP = 6;
const DETAIL_SIGNAL = 'operational_detail_overrides_fiction';

const FRAME = 'frame:';
const MENTION = 'mention';
const FICTION = 'fiction';
const DETAIL = 'detail';
const EXCLUDED = 'excluded';
const NEUTRAL = 'neutral';

/** Where a phrase sits, in word indexes (`end` inclusive); its sentence comes from the tokens. */
type Occurrence = WordHit;

interface CompiledRule {
  readonly name: string;
  readonly weight: number;
  readonly gap: number;
  readonly near: boolean;
  /** Per element, the tags that satisfy it. */
  readonly elements: readonly (readonly string[])[];
}

interface CompiledTopic {
  readonly name: string;
  /** Layer of the shared word trie holding the topic's own terms and exclusions. */
  readonly layer: number;
  readonly cueTag: string;
  readonly fictionIsNotAMention: boolean;
  readonly rules: readonly CompiledRule[];
  /** Some rule needs only frames ("buy ... on the dark web"), so the topic is checked even without terms. */
  readonly hasFrameOnlyRule: boolean;
}

interface CompiledBuiltins {
  /** Layer 0: frames and cues, shared by all topics; layer 1 + k: the terms of topic k. */
  readonly trie: WordTrie;
  readonly topics: ReadonlyMap<string, CompiledTopic>;
}

let builtins: CompiledBuiltins | undefined;

function termTag(topic: string, group: string): string {
  return `term:${topic}:${group}`;
}

function* expandAll(patterns: readonly PhrasePattern[], tag: string): Generator<readonly [string, string]> {
  for (const pattern of patterns) for (const phrase of expandPhrase(pattern)) yield [phrase, tag];
}

// Elements with the same alternatives share one array, so a match call merges their occurrence
// lists once however many rules use them.
const internedElements = new Map<string, readonly string[]>();

function internElement(tags: readonly string[]): readonly string[] {
  const key = tags.join('|');
  const known = internedElements.get(key);
  if (known !== undefined) return known;
  internedElements.set(key, tags);
  return tags;
}

function compileRule(topic: TopicDefinition, rule: TopicRule): CompiledRule {
  const elements = rule.elements.map((element) =>
    internElement(
      element.split('|').map((alternative) => {
        if (alternative.startsWith('@')) {
          const frame = alternative.slice(1);
          if (!(frame in intentFrames)) {
            throw new Error(`topic ${topic.name} rule ${rule.name}: unknown frame "${alternative}"`);
          }
          return FRAME + frame;
        }
        if (topic.terms[alternative] === undefined) {
          throw new Error(`topic ${topic.name} rule ${rule.name}: unknown term group "${alternative}"`);
        }
        return termTag(topic.name, alternative);
      }),
    ),
  );
  return {
    name: rule.name,
    weight: rule.weight,
    gap: rule.gap ?? DEFAULT_GAP,
    near: rule.order === 'near',
    elements,
  };
}

// Built once, on first use rather than at import, so importing the package stays free.
function compileBuiltins(): CompiledBuiltins {
  if (builtins !== undefined) return builtins;
  const context: (readonly [string, string])[] = [];
  for (const [frame, patterns] of Object.entries(intentFrames) as [FrameName, readonly PhrasePattern[]][]) {
    context.push(...expandAll(patterns, FRAME + frame));
  }
  for (const patterns of Object.values(mentionCues)) context.push(...expandAll(patterns, MENTION));
  context.push(
    ...expandAll(fictionCues, FICTION),
    ...expandAll(detailCues, DETAIL),
    ...expandAll(neutralPhrases, NEUTRAL),
  );
  const termLayers: WordLayer[] = [];
  const topics = new Map<string, CompiledTopic>();
  builtinTopics.forEach((topic, index) => {
    const cueTag = `cue:${topic.name}`;
    context.push(...expandAll(topic.cues ?? [], cueTag));
    const terms: (readonly [string, string])[] = [];
    for (const [group, patterns] of Object.entries(topic.terms)) {
      terms.push(...expandAll(patterns, termTag(topic.name, group)));
    }
    terms.push(...expandAll(topic.exclusions ?? [], EXCLUDED));
    // A longer term keeps the shorter terms inside it ("to end my life" holds "end my life"),
    // unless it is an exclusion ("bath bomb" hides "bomb").
    termLayers.push({
      entries: terms,
      inner: { keep: (tag) => tag !== EXCLUDED, hiddenBy: (tag) => tag === EXCLUDED },
    });
    const rules = topic.rules.map((rule) => compileRule(topic, rule));
    topics.set(topic.name, {
      name: topic.name,
      layer: index + 1,
      cueTag,
      fictionIsNotAMention: topic.fictionIsNotAMention === true,
      rules,
      hasFrameOnlyRule: rules.some((rule) =>
        rule.elements.every((tags) => tags.every((tag) => tag.startsWith(FRAME))),
      ),
    });
  });
  // A longer frame or cue keeps the frames it starts with ("convince me that" is also "convince me"),
  // but a cue never surfaces from inside a frame ("how does a person" holds no "how does a").
  const contextLayer: WordLayer = {
    entries: context,
    inner: { keep: (tag) => tag.startsWith(FRAME), prefixOnly: true },
  };
  builtins = { trie: createWordTrie([contextLayer, ...termLayers]), topics };
  return builtins;
}

/**
 * What the lexicon sees in a text, as features for the learned layer: `@tag` for every frame, cue
 * and term group of every built-in topic present, and per sentence `@frame&term` and
 * `@mention&term` for each intent frame or mention cue next to each term group. The lexicon's
 * vocabulary then generalises for the learned models: a synonym listed in a term group counts as
 * that group, even if no training text used it.
 */
export function lexiconFeatures(tokens: WordTokens, scanned?: readonly (readonly WordHit[])[]): string[] {
  // Every layer is read: a caller that already scanned them all passes its hits.
  const all = scanned ?? compileBuiltins().trie.scan(tokens);
  const out = new Set<string>();
  // Tags come from the lexicon, so the feature names are few: built once, then looked up.
  const feature = (tag: string): string => {
    let name = featureNames.get(tag);
    if (name === undefined) {
      name = `@${tag}`;
      featureNames.set(tag, name);
    }
    return name;
  };
  const bySentence = new Map<number, { context: Set<string>; terms: Set<string> }>();
  for (const layer of all) {
    for (const hit of layer) {
      const sentence = tokens.sentence[hit.start] ?? 0;
      let entry = bySentence.get(sentence);
      if (entry === undefined) {
        entry = { context: new Set(), terms: new Set() };
        bySentence.set(sentence, entry);
      }
      for (const tag of hit.tags) {
        if (tag === EXCLUDED || tag === NEUTRAL) continue;
        out.add(feature(tag));
        if (tag.startsWith('term:')) entry.terms.add(tag);
        else if (tag.startsWith(FRAME) || tag === MENTION) entry.context.add(tag);
      }
    }
  }
  for (const { context, terms } of bySentence.values()) {
    for (const c of context) {
      let byTerm = pairNames.get(c);
      if (byTerm === undefined) {
        byTerm = new Map();
        pairNames.set(c, byTerm);
      }
      for (const t of terms) {
        let name = byTerm.get(t);
        if (name === undefined) {
          name = `@${c}&${t}`;
          byTerm.set(t, name);
        }
        out.add(name);
      }
    }
  }
  return [...out];
}

const featureNames = new Map<string, string>();
const pairNames = new Map<string, Map<string, string>>();

/** What the learned layer reads: the words of the normalised text, and the lexicon's features. */
export function learnedFeatures(text: string): {
  readonly words: readonly string[];
  readonly extras: readonly string[];
} {
  const tokens = tokenize(normalizeText(text));
  return { words: tokens.words, extras: lexiconFeatures(tokens) };
}

function collect(byTag: Map<string, Occurrence[]>, hits: readonly WordHit[]): void {
  for (const hit of hits) {
    for (const tag of hit.tags) {
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [hit]);
      else list.push(hit);
    }
  }
}

const NONE: readonly Occurrence[] = [];

function mergeSorted(a: readonly Occurrence[], b: readonly Occurrence[]): Occurrence[] {
  const out: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

// Each tag's list is already in text order, so several merge in linear time.
function occurrencesOf(
  byTag: ReadonlyMap<string, Occurrence[]>,
  tags: readonly string[],
  cache: Map<readonly string[], readonly Occurrence[]>,
): readonly Occurrence[] {
  if (tags.length === 1) return byTag.get(tags[0]!) ?? NONE;
  const cached = cache.get(tags);
  if (cached !== undefined) return cached;
  let merged: readonly Occurrence[] = NONE;
  for (const tag of tags) {
    const list = byTag.get(tag);
    if (list !== undefined) merged = merged.length === 0 ? list : mergeSorted(merged, list);
  }
  cache.set(tags, merged);
  return merged;
}

// First index whose key is >= value, for a list sorted by that key.
function lowerBound(list: readonly Occurrence[], value: number, key: (o: Occurrence) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byStart = (o: Occurrence): number => o.start;

/**
 * Walks the chains that satisfy a rule: each element after the first starts within `gap` words
 * after the previous one ends (or, for `near` rules, within `gap` words of the first on either
 * side). Takes the first chain per anchor, so the work is bounded by anchors x gap^elements.
 * Returns true as soon as `accept` does.
 */
function someChain(
  lists: readonly (readonly Occurrence[])[],
  rule: CompiledRule,
  accept: (chain: readonly Occurrence[]) => boolean,
): boolean {
  const chain: Occurrence[] = [];
  const extend = (index: number): boolean => {
    if (index === lists.length) return true;
    const list = lists[index]!;
    const anchor = rule.near ? chain[0]! : chain[index - 1]!;
    // In a sequence the next element may share the previous one's last word ("i'm building" then
    // "building a"), since frames and terms come from separate indexes.
    const from = rule.near ? anchor.start - rule.gap - 8 : anchor.start + 1;
    const to = anchor.end + rule.gap + 1;
    for (let i = lowerBound(list, from, byStart); i < list.length; i++) {
      const candidate = list[i]!;
      if (candidate.start > to) break;
      if (rule.near && candidate.end < anchor.start - rule.gap - 1) continue;
      chain.push(candidate);
      if (extend(index + 1)) return true;
      chain.pop();
    }
    return false;
  };
  for (const anchor of lists[0]!) {
    chain.length = 0;
    chain.push(anchor);
    if (extend(1) && accept(chain)) return true;
  }
  return false;
}

// Words that open a new request inside a sentence: "the history of pipe bombs and how to build
// one" asks twice, so the cue before "and" does not lift the second request.
const JOINERS: ReadonlySet<string> = new Set(['and', 'also', 'plus', 'then', 'but', 'now', 'so']);

/** What a chain is checked against: the words and the mention cues, both in text order. */
interface Context {
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
function scoreTopic(
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

// Words that stand for a term said just before: "the history of pipe bombs and how to build one".
// Not "it": it stands for situations too ("my battery is dying, how do I fix it").
const PRONOUNS: ReadonlySet<string> = new Set(['one', 'ones', 'them', 'some']);
// How many words back a pronoun looks for its term.
const PRONOUN_WINDOW = 10;

/** Indexes of the words that are pronouns in {@link PRONOUNS}, ascending. */
function pronounsIn(words: readonly string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i < words.length; i++) if (PRONOUNS.has(words[i]!)) at.push(i);
  return at;
}

/**
 * Adds, for each pronoun (`pronouns`: their word indexes, ascending), a hit carrying the tags of
 * the topic's terms that end within {@link PRONOUN_WINDOW} words before it, so a rule can use the
 * pronoun in the term's place. One pass over the hits (sorted by start) and the pronouns: linear.
 */
function withPronouns(terms: readonly WordHit[], pronouns: readonly number[]): readonly WordHit[] {
  if (terms.length === 0 || pronouns.length === 0) return terms;
  const added: WordHit[] = [];
  // terms[first, next) are the hits that start before word i and may still be in the window.
  let first = 0;
  let next = 0;
  const from = terms[0]!.end + 1;
  for (const i of pronouns) {
    if (i < from) continue;
    while (next < terms.length && terms[next]!.start < i) next++;
    while (first < next && terms[first]!.end < i - PRONOUN_WINDOW) first++;
    if (first === next && next === terms.length) break;
    const tags = new Set<string>();
    // A hit ends at most a few words after it starts, so this span stays short.
    for (let k = first; k < next; k++) {
      const hit = terms[k]!;
      if (hit.end < i && hit.end >= i - PRONOUN_WINDOW) for (const tag of hit.tags) tags.add(tag);
    }
    if (tags.size > 0) added.push({ start: i, end: i, tags: [...tags] });
  }
  return added.length === 0 ? terms : mergeSorted(terms, added);
}

interface CompiledCustom {
  readonly hasPatterns: boolean;
  readonly index: PhraseIndex<string>;
  readonly topics: readonly { readonly name: string; readonly patterns: readonly RegExp[] }[];
}

function compileCustom(topics: readonly CustomTopic[]): CompiledCustom {
  const entries: (readonly [string, string])[] = [];
  const compiled = topics.map((topic, index) => {
    for (const keyword of topic.keywords ?? [])
      entries.push([normalizeText(keyword).trim(), `${index}:keyword`]);
    for (const phrase of topic.phrases ?? []) entries.push([normalizeText(phrase).trim(), `${index}:phrase`]);
    const patterns = (topic.patterns ?? []).map((source) => {
      const problem = checkCustomPattern(source);
      if (problem !== undefined)
        throw new Error(`custom topic "${topic.name}": pattern "${source}" ${problem}`);
      return new RegExp(source, CUSTOM_PATTERN_FLAGS);
    });
    return { name: topic.name, patterns };
  });
  return {
    hasPatterns: compiled.some((topic) => topic.patterns.length > 0),
    index: createPhraseIndex(entries),
    topics: compiled,
  };
}

// Patterns are regexes written against the text as sent, so they see it with only compatibility
// forms folded and invisible characters removed (no leetspeak or dash folding); case is ignored.
const INVISIBLE_RE = /\p{Cf}/gu;

function matchCustom(custom: CompiledCustom, text: string, normalized: string): TopicMatch[] {
  const signalsByTopic = new Map<number, Set<string>>();
  for (const hit of custom.index.scan(normalized)) {
    for (const tag of hit.tags) {
      const separator = tag.indexOf(':');
      const index = Number(tag.slice(0, separator));
      const signals = signalsByTopic.get(index) ?? new Set<string>();
      signals.add(tag.slice(separator + 1));
      signalsByTopic.set(index, signals);
    }
  }
  const matches: TopicMatch[] = [];
  const patternText = custom.hasPatterns ? text.normalize('NFKC').replace(INVISIBLE_RE, '') : '';
  custom.topics.forEach((topic, index) => {
    const signals = signalsByTopic.get(index) ?? new Set<string>();
    if (topic.patterns.some((pattern) => pattern.test(patternText))) signals.add('pattern');
    if (signals.size > 0) matches.push({ topic: topic.name, score: 1, signals: [...signals] });
  });
  return matches;
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
  const activeLayers = new Set([0, ...selected.map((topic) => topic.layer)]);
  const custom = customs.length > 0 ? compileCustom(customs) : undefined;
  const learned = options.learned === false || selected.length === 0 ? undefined : learnedLayer();
  const selectedNames = new Set(selected.map((topic) => topic.name));

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
        let heldBack = false;
        const pronouns = pronounsIn(tokens.words);
        const candidates = selected.filter((topic) => {
          const terms = layers[topic.layer]!.filter((hit) => !hit.tags.includes(EXCLUDED));
          collect(byTag, withPronouns(terms, pronouns));
          return terms.length > 0 || topic.hasFrameOnlyRule;
        });
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
            if (scored.match !== undefined) matches.push(scored.match);
            heldBack ||= scored.heldBack;
          }
        }
        // The learned layer only adds: a text no lexicon rule matched or held back as a mention
        // (history, fiction, help-seeking…), attributed to an active topic.
        const found =
          matches.length === 0 && !heldBack
            ? learned?.classify(tokens.words, lexiconFeatures(tokens, layers))
            : undefined;
        if (found !== undefined && selectedNames.has(found.topic)) {
          matches.push({
            topic: found.topic,
            score: Math.round(found.score * 1000) / 1000,
            signals: [LEARNED_SIGNAL],
          });
        }
      }
      if (custom !== undefined) matches.push(...matchCustom(custom, text, normalized));
      return matches.sort((a, b) => b.score - a.score);
    },
  };
}
