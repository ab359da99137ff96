// The built-in topics compiled into one shared word trie: layer 0 holds the frames and cues every
// topic shares, layer 1 + k the terms and exclusions of topic k; each rule's elements become the
// trie tags that satisfy them.
import { builtinTopics } from './builtin-topics.js';
import { detailCues, fictionCues, mentionCues, neutralPhrases } from './cues.js';
import { intentFrames } from './frames.js';
import { expandPhrase } from './phrase-pattern.js';
import type { FrameName, PhrasePattern, TopicDefinition, TopicRule } from './topic-definition.js';
import { createWordTrie, type WordLayer, type WordTrie } from './word-trie.js';

const DEFAULT_GAP = 6;

/** Trie tags: a frame is `frame:<name>`, a topic's term group `term:<topic>:<group>`. */
export const FRAME = 'frame:';
export const MENTION = 'mention';
export const FICTION = 'fiction';
export const DETAIL = 'detail';
export const EXCLUDED = 'excluded';
export const NEUTRAL = 'neutral';

export interface CompiledRule {
  readonly name: string;
  readonly weight: number;
  readonly gap: number;
  readonly near: boolean;
  /** Per element, the tags that satisfy it. */
  readonly elements: readonly (readonly string[])[];
  /** Other topics a firing also matches (`TopicRule.also`). */
  readonly also: readonly string[];
}

export interface CompiledTopic {
  readonly name: string;
  /** Layer of the shared word trie holding the topic's own terms and exclusions. */
  readonly layer: number;
  readonly cueTag: string;
  readonly fictionIsNotAMention: boolean;
  readonly rules: readonly CompiledRule[];
  /** Some rule needs only frames ("buy ... on the dark web"), so the topic is checked even without terms. */
  readonly hasFrameOnlyRule: boolean;
}

export interface CompiledBuiltins {
  /** Layer 0: frames and cues, shared by all topics; layer 1 + k: the terms of topic k. */
  readonly trie: WordTrie;
  readonly topics: ReadonlyMap<string, CompiledTopic>;
}

let builtins: CompiledBuiltins | undefined;

export function termTag(topic: string, group: string): string {
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
    also: rule.also ?? [],
  };
}

// Built once, on first use rather than at import, so importing the package stays free.
/** The compiled built-in topics, built on the first call. */
export function compileBuiltins(): CompiledBuiltins {
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
