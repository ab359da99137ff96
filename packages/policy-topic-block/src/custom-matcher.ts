// Operator topics: keywords and phrases found by a phrase index, patterns run as regexes.
import { CUSTOM_PATTERN_FLAGS, type CustomTopic, checkCustomPattern } from './custom-topic.js';
import { normalizeText } from './normalize.js';
import { createPhraseIndex, type PhraseIndex } from './phrase-index.js';
import type { TopicMatch } from './topic-matcher.js';

export interface CompiledCustom {
  readonly hasPatterns: boolean;
  readonly index: PhraseIndex<string>;
  readonly topics: readonly { readonly name: string; readonly patterns: readonly RegExp[] }[];
}

/** Compiles custom topics once; throws on an unsafe pattern (the config schema reports it first). */
export function compileCustom(topics: readonly CustomTopic[]): CompiledCustom {
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

/** The custom topics a text matches: any keyword, phrase or pattern hit, score 1. */
export function matchCustom(custom: CompiledCustom, text: string, normalized: string): TopicMatch[] {
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
