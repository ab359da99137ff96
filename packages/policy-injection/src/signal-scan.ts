import { decodeHiddenPayloads } from './hidden-payloads.js';
import { compact, foldVisible, revealInvisible, reverse, rot13 } from './normalize.js';
import { compilePhrase } from './phrase.js';
import type { Language, Signal } from './signal.js';

/** Hits of one signal are counted up to this many; more add nothing (see score.ts). */
export const MAX_HITS = 3;
// Encoded text inside encoded text is decoded once more, then left alone.
const MAX_DECODE_DEPTH = 2;
// Decoded payloads are scanned together; this joint cannot be crossed by a phrase (see SEP).
const PAYLOAD_JOINT = '\n.\n';
// Hidden text counts as an encoded payload only if a signal this strong fired in it: base64 of
// "act as a pirate" is not an attack.
const PAYLOAD_EVIDENCE = 0.25;

type PhraseEntry = { readonly signal: number; readonly rest: RegExp | null };
type StartEntry = {
  /** Signals whose phrase is the start word alone. */
  readonly immediate: readonly number[];
  /** Phrases with a continuation, and one regex that is their union, tried first. */
  readonly phrases: readonly PhraseEntry[];
  readonly any: RegExp | null;
};
/** One regex per rule family, with a capture group per signal so a match names its signal. */
type Union = { readonly pattern: RegExp; readonly signals: readonly number[] };
type PatternEntry = { readonly signal: number; readonly pattern: RegExp };

/** Signals compiled once, at load, into lookup tables the scan walks. */
export type CompiledSignals = {
  readonly signals: readonly Signal[];
  /** Finds every start word (whole word) of every phrase. */
  readonly starts: RegExp | null;
  readonly byStart: ReadonlyMap<string, StartEntry>;
  readonly text: readonly PatternEntry[];
  /** Union of the text patterns: one scan that usually proves none of them matches. */
  readonly anyText: RegExp | null;
  readonly han: readonly PatternEntry[];
  readonly cipher: Union | null;
  readonly obfuscation: number;
  readonly encodedPayload: number;
};

function globalPattern(pattern: RegExp): RegExp {
  return pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}

function union(entries: readonly PatternEntry[]): Union | null {
  if (entries.length === 0) return null;
  return {
    pattern: new RegExp(entries.map((e) => `(${e.pattern.source})`).join('|'), 'g'),
    signals: entries.map((e) => e.signal),
  };
}

/** Compiles the phrase and pattern rules of `signals` for the given languages. */
export function compileSignals(signals: readonly Signal[], languages: readonly Language[]): CompiledSignals {
  const wanted = (lang: Language | 'any'): boolean => lang === 'any' || languages.includes(lang);
  const phrasesByStart = new Map<string, PhraseEntry[]>();
  const text: PatternEntry[] = [];
  const hanRules: PatternEntry[] = [];
  const cipher: PatternEntry[] = [];
  signals.forEach((signal, index) => {
    for (const rule of signal.phrases ?? []) {
      if (!wanted(rule.lang)) continue;
      for (const { starts, rest } of compilePhrase(rule.phrase)) {
        for (const start of starts) {
          const entries = phrasesByStart.get(start) ?? [];
          entries.push({ signal: index, rest });
          phrasesByStart.set(start, entries);
        }
      }
    }
    for (const rule of signal.patterns ?? []) {
      if (!wanted(rule.lang)) continue;
      (rule.view === 'text' ? text : hanRules).push({
        signal: index,
        pattern: globalPattern(rule.pattern),
      });
    }
    for (const rule of signal.compact ?? []) {
      if (wanted(rule.lang)) cipher.push({ signal: index, pattern: rule.pattern });
    }
  });

  const byStart = new Map<string, StartEntry>();
  for (const [start, entries] of phrasesByStart) {
    const withRest = entries.filter((e) => e.rest !== null);
    byStart.set(start, {
      immediate: entries.filter((e) => e.rest === null).map((e) => e.signal),
      phrases: withRest,
      any:
        withRest.length === 0
          ? null
          : new RegExp(withRest.map((e) => `(?:${e.rest?.source})`).join('|'), 'y'),
    });
  }
  // Longest first, so that the alternation prefers "ignoring" over "ignore" where both could start.
  // \b (cheaper than a lookbehind) also treats "_" as a word character, so "x_ignore" is one word.
  const words = [...byStart.keys()].sort((a, b) => b.length - a.length);
  const indexOf = (name: string): number => signals.findIndex((s) => s.name === name);
  return {
    signals,
    starts: words.length === 0 ? null : new RegExp(`\\b(?:${words.join('|')})\\b`, 'g'),
    byStart,
    text,
    anyText: text.length === 0 ? null : new RegExp(text.map((e) => `(?:${e.pattern.source})`).join('|')),
    han: hanRules,
    cipher: union(cipher),
    obfuscation: indexOf('obfuscation'),
    encodedPayload: indexOf('encoded_payload'),
  };
}

function hit(hits: Uint8Array, signal: number): void {
  if ((hits[signal] ?? 0) < MAX_HITS) hits[signal] = (hits[signal] ?? 0) + 1;
}

/**
 * Counts phrase hits. Two phrases of one signal that overlap ("has no morals" and "no morals")
 * count once: a hit must start at or after the end of that signal's previous hit.
 */
function scanPhrases(compiled: CompiledSignals, text: string, hits: Uint8Array): void {
  const { starts, byStart } = compiled;
  if (starts === null) return;
  const ends = new Int32Array(hits.length);
  const record = (signal: number, from: number, to: number): void => {
    if (from < (ends[signal] ?? 0)) return;
    ends[signal] = to;
    hit(hits, signal);
  };
  starts.lastIndex = 0;
  for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
    const entry = byStart.get(match[0]);
    if (entry === undefined) continue;
    const end = match.index + match[0].length;
    for (const signal of entry.immediate) record(signal, match.index, end);
    if (entry.any === null) continue;
    // One native union test rules out the common case (a start word with no continuation) cheaply.
    entry.any.lastIndex = end;
    if (!entry.any.test(text)) continue;
    for (const { signal, rest } of entry.phrases) {
      if (rest === null || (hits[signal] ?? 0) >= MAX_HITS) continue;
      rest.lastIndex = end;
      if (rest.test(text)) record(signal, match.index, rest.lastIndex);
    }
  }
}

function scanPatterns(entries: readonly PatternEntry[], text: string, hits: Uint8Array): void {
  for (const { signal, pattern } of entries) {
    pattern.lastIndex = 0;
    while ((hits[signal] ?? 0) < MAX_HITS) {
      const match = pattern.exec(text);
      if (match === null) break;
      if (match[0] === '') pattern.lastIndex++;
      hits[signal] = (hits[signal] ?? 0) + 1;
    }
  }
}

function scanUnion({ pattern, signals }: Union, text: string, hits: Uint8Array): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex++;
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    const signal = signals[group - 1];
    if (signal !== undefined) hit(hits, signal);
  }
}

const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
// Latin letters kept on either side of a Han run, for mixed phrases such as "dan模式" or "你是ai".
const HAN_MARGIN = 10;

/**
 * The Han runs of a compact text with HAN_MARGIN characters of context each side, overlapping
 * regions merged, joined by "|" (which no pattern reads as part of a word). The Chinese patterns
 * need nothing else, so in mostly-Latin text they scan a small fraction of it.
 */
function hanView(letters: string): string {
  let out = '';
  let from = -1;
  let to = -1;
  HAN_RUN.lastIndex = 0;
  for (let match = HAN_RUN.exec(letters); match !== null; match = HAN_RUN.exec(letters)) {
    const start = Math.max(0, match.index - HAN_MARGIN);
    const end = Math.min(letters.length, match.index + match[0].length + HAN_MARGIN);
    if (start > to) {
      if (to >= 0) out += `${letters.slice(from, to)}|`;
      from = start;
    }
    to = end;
  }
  return to < 0 ? out : out + letters.slice(from, to);
}

// Fragments at least one of which every `compact` pattern of every signal contains. Building the
// ROT13 and reversed views costs as much as the rest of the scan, so they are built only when the
// compact text contains one of these fragments in ROT13 or reversed form.
// biome-ignore format: a word list reads best packed
const CIPHER_KEYWORDS = [
  'ignor', 'disregard', 'forget', 'bypass', 'overrid', 'overlook', 'instruc', 'previous', 'prior',
  'prompt', 'system', 'reveal', 'restrict', 'filter', 'censor', 'anything', 'developer', 'jailbreak',
  'verbatim', 'anweisung', 'vorherig', 'instruccion', 'anterior', 'consigne', 'precedent', 'limitation',
  'notbound',
];
const ROT13_KEYS = CIPHER_KEYWORDS.map(rot13);
const REVERSED_KEYS = CIPHER_KEYWORDS.map(reverse);
// One scan for both; a hit is then attributed with the narrower patterns.
const CIPHER_GATE = new RegExp([...ROT13_KEYS, ...REVERSED_KEYS].join('|'));
const ROT13_GATE = new RegExp(ROT13_KEYS.join('|'));
const REVERSED_GATE = new RegExp(REVERSED_KEYS.join('|'));

/**
 * Counts, per signal, the hits in `raw`: phrases and patterns on the normalised text, Chinese
 * patterns on the Han regions of the compact text, each family's core phrases on the compact,
 * ROT13 and reversed text (counted as obfuscation when the plain scan missed them), and all of it
 * again inside decoded payloads.
 */
export function scanSignals(compiled: CompiledSignals, raw: string): SignalScan {
  return scanText(compiled, raw, 0);
}

/**
 * Hit counts per signal (indexed like the compiled signals), the normalised text they were read
 * from, and the normalised text of the decoded or invisibly smuggled payloads ('' when none).
 */
export type SignalScan = { readonly hits: Uint8Array; readonly normalized: string; readonly decoded: string };

function scanText(compiled: CompiledSignals, raw: string, depth: number): SignalScan {
  const hits = new Uint8Array(compiled.signals.length);
  const { visible, smuggled } = revealInvisible(raw);
  const normalized = foldVisible(visible);
  scanPhrases(compiled, normalized, hits);
  if (compiled.anyText?.test(normalized)) scanPatterns(compiled.text, normalized, hits);
  const letters = compact(normalized);
  if (HAS_HAN.test(letters)) scanPatterns(compiled.han, hanView(letters), hits);

  if (compiled.cipher !== null) {
    const hidden = new Uint8Array(hits.length);
    scanUnion(compiled.cipher, letters, hidden);
    if (CIPHER_GATE.test(letters)) {
      if (ROT13_GATE.test(letters)) scanUnion(compiled.cipher, rot13(letters), hidden);
      if (REVERSED_GATE.test(letters)) scanUnion(compiled.cipher, reverse(letters), hidden);
    }
    let obfuscated = false;
    hidden.forEach((count, signal) => {
      if (count > 0 && hits[signal] === 0) {
        hits[signal] = count;
        obfuscated = true;
      }
    });
    if (obfuscated && compiled.obfuscation >= 0) hits[compiled.obfuscation] = 1;
  }

  let decoded = '';
  if (depth < MAX_DECODE_DEPTH) {
    const payloads = new Set([...smuggled, ...decodeHiddenPayloads(visible)]);
    if (payloads.size > 0) {
      const scanned = scanText(compiled, [...payloads].join(PAYLOAD_JOINT), depth + 1);
      const inner = scanned.hits;
      decoded =
        scanned.decoded === ''
          ? scanned.normalized
          : `${scanned.normalized}${PAYLOAD_JOINT}${scanned.decoded}`;
      let fired = false;
      inner.forEach((count, signal) => {
        if (count === 0) return;
        if ((compiled.signals[signal]?.weight ?? 0) >= PAYLOAD_EVIDENCE) fired = true;
        hits[signal] = Math.min(MAX_HITS, (hits[signal] ?? 0) + count);
      });
      if (fired && compiled.encodedPayload >= 0) hits[compiled.encodedPayload] = 1;
    }
  }
  return { hits, normalized, decoded };
}
