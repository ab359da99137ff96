import { compact, foldVisible, reverse, revealInvisible, rot13 } from './normalize.js';
import { compilePhrase } from './phrase.js';
import type { Language, Signal } from './signal.js';
import { decodeHiddenPayloads } from './hidden-payloads.js';

/** Hits of one signal are counted up to this many; more add nothing (see score.ts). */
export const MAX_HITS = 3;
// Encoded text inside encoded text is decoded once more, then left alone.
const MAX_DECODE_DEPTH = 2;

type PhraseEntry = { readonly signal: number; readonly rest: RegExp | null };
type PatternEntry = { readonly signal: number; readonly pattern: RegExp };

/** Signals compiled once, at load, into lookup tables the scan walks. */
export type CompiledSignals = {
  readonly signals: readonly Signal[];
  readonly byStart: ReadonlyMap<string, readonly PhraseEntry[]>;
  readonly maxStartLength: number;
  readonly text: readonly PatternEntry[];
  readonly compact: readonly PatternEntry[];
  readonly cipher: readonly PatternEntry[];
  readonly obfuscation: number;
  readonly encodedPayload: number;
};

function globalPattern(pattern: RegExp): RegExp {
  return pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
}

/** Compiles the phrase and pattern rules of `signals` for the given languages. */
export function compileSignals(signals: readonly Signal[], languages: readonly Language[]): CompiledSignals {
  const wanted = (lang: Language | 'any'): boolean => lang === 'any' || languages.includes(lang);
  const byStart = new Map<string, PhraseEntry[]>();
  const text: PatternEntry[] = [];
  const compactRules: PatternEntry[] = [];
  const cipher: PatternEntry[] = [];
  let maxStartLength = 0;
  signals.forEach((signal, index) => {
    for (const rule of signal.phrases ?? []) {
      if (!wanted(rule.lang)) continue;
      for (const { starts, rest } of compilePhrase(rule.phrase)) {
        for (const start of starts) {
          const entries = byStart.get(start) ?? [];
          entries.push({ signal: index, rest });
          byStart.set(start, entries);
          maxStartLength = Math.max(maxStartLength, start.length);
        }
      }
    }
    for (const rule of signal.patterns ?? []) {
      if (!wanted(rule.lang)) continue;
      (rule.view === 'text' ? text : compactRules).push({ signal: index, pattern: globalPattern(rule.pattern) });
    }
    for (const pattern of signal.compact ?? []) cipher.push({ signal: index, pattern: globalPattern(pattern) });
  });
  const indexOf = (name: string): number => signals.findIndex((s) => s.name === name);
  return {
    signals,
    byStart,
    maxStartLength,
    text,
    compact: compactRules,
    cipher,
    obfuscation: indexOf('obfuscation'),
    encodedPayload: indexOf('encoded_payload'),
  };
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function scanPhrases(compiled: CompiledSignals, text: string, hits: Uint8Array): void {
  const { byStart, maxStartLength } = compiled;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text.charCodeAt(i));
    if (inWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    if (i - start <= maxStartLength) {
      const entries = byStart.get(text.slice(start, i));
      if (entries !== undefined) {
        for (const { signal, rest } of entries) {
          if ((hits[signal] ?? 0) >= MAX_HITS) continue;
          if (rest !== null) {
            rest.lastIndex = i;
            if (!rest.test(text)) continue;
          }
          hits[signal] = (hits[signal] ?? 0) + 1;
        }
      }
    }
    start = -1;
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

const HAS_HAN = /\p{Script=Han}/u;

/**
 * Counts, per signal, the hits in `raw`: phrases and patterns on the normalised text, Chinese
 * patterns on the compact text, family core phrases on compact/ROT13/reversed text (counted as
 * obfuscation when the plain scan missed them), and everything again inside decoded payloads.
 */
export function scanSignals(compiled: CompiledSignals, raw: string, depth = 0): Uint8Array {
  const hits = new Uint8Array(compiled.signals.length);
  const { visible, smuggled } = revealInvisible(raw);
  const normalized = foldVisible(visible);
  scanPhrases(compiled, normalized, hits);
  scanPatterns(compiled.text, normalized, hits);
  const letters = compact(normalized);
  if (HAS_HAN.test(letters)) scanPatterns(compiled.compact, letters, hits);

  const hidden = new Uint8Array(hits.length);
  for (const view of [letters, rot13(letters), reverse(letters)]) scanPatterns(compiled.cipher, view, hidden);
  let obfuscated = false;
  hidden.forEach((count, signal) => {
    if (count > 0 && hits[signal] === 0) {
      hits[signal] = count;
      obfuscated = true;
    }
  });
  if (obfuscated && compiled.obfuscation >= 0) hits[compiled.obfuscation] = 1;

  if (depth < MAX_DECODE_DEPTH) {
    for (const payload of [...smuggled, ...decodeHiddenPayloads(visible)]) {
      const inner = scanSignals(compiled, payload, depth + 1);
      let fired = false;
      inner.forEach((count, signal) => {
        if (count === 0) return;
        fired = true;
        hits[signal] = Math.min(MAX_HITS, (hits[signal] ?? 0) + count);
      });
      if (fired && compiled.encodedPayload >= 0) hits[compiled.encodedPayload] = 1;
    }
  }
  return hits;
}
