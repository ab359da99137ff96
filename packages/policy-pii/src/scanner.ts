import type { ScanMatch, TextScanner } from '@keeptrusts/core';
import { type PiiDetectionConfig, type PiiDetectionConfigInput, piiDetectionConfigSchema } from './config.js';
import { builtinDetectors, builtinPriority, knownPatterns, type PiiPatternName } from './patterns/builtin.js';
import { customDetector } from './patterns/custom.js';
import type { Detector } from './patterns/detector.js';

/** A redacted region of a text: which pattern found it and where, never the value itself. */
export interface PiiMatch {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A piece of the redaction. Overlapping candidates are tiled, not dropped: a candidate that
 * sticks out past the ones before it contributes a `continuation` piece for the part that sticks
 * out, rendered as nothing, so the union of all candidates is covered.
 */
export interface PiiPiece extends PiiMatch {
  readonly continuation: boolean;
}

interface Ranked {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly rank: number;
}

/**
 * Turns overlapping candidates into non-overlapping pieces. Candidates go leftmost first, then
 * longest, then by rank; each covers what the ones before it did not. A piece depends only on
 * the candidates that start at most one maximal match length before it, never on a chain of
 * earlier choices, which is what keeps streaming redaction equal to whole-text redaction.
 */
export function tile(candidates: readonly Ranked[]): PiiPiece[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const pieces: PiiPiece[] = [];
  let covered = 0;
  for (const c of sorted) {
    if (c.end <= covered) continue;
    const continuation = c.start < covered;
    pieces.push({ type: c.type, start: continuation ? covered : c.start, end: c.end, continuation });
    covered = c.end;
  }
  return pieces;
}

interface Active {
  readonly detector: Detector;
  readonly rank: number;
}

/** A compiled set of detectors with the bounds a stream needs. */
export interface PiiEngine {
  /** Finding types in report order: built-ins as configured, then custom patterns. */
  readonly types: readonly string[];
  readonly holdback: number;
  readonly lookbehind: number;
  pieces(text: string): PiiPiece[];
  /** {@link TextScanner.safeEnd}: how much of a stream buffer no later text can change. */
  safeEnd(buffer: string): number;
}

// The start of the first span any detector finds that begins before `end` and ends after it.
function startOfSpanAcross(detectors: readonly Detector[], text: string, end: number): number | undefined {
  let first: number | undefined;
  for (const detector of detectors) {
    // A span across `end` starts less than maxLength before it, and is decided by text from
    // lookbehind before that on, so this slice finds it as the whole text would.
    const from = Math.max(0, end - detector.maxLength - detector.lookbehind);
    for (const span of detector.find(text.slice(from))) {
      const start = from + span.start;
      const stop = from + span.end;
      if (
        start < end &&
        stop > end &&
        stop - start <= detector.maxLength &&
        (first === undefined || start < first)
      ) {
        first = start;
      }
    }
  }
  return first;
}

function engineFor(detectors: readonly Detector[]): PiiEngine {
  const active: Active[] = detectors.map((detector) => {
    const builtin = builtinPriority.indexOf(detector.type as PiiPatternName);
    return { detector, rank: builtin === -1 ? builtinPriority.length : builtin };
  });
  // A match is held until it is whole, plus the characters after it that decide it.
  const holdback = Math.max(0, ...detectors.map((d) => d.maxLength + d.lookahead));
  return {
    types: detectors.map((d) => d.type),
    holdback,
    // A piece right after the context depends on candidates up to maxLength before it, and
    // those on their own lookbehind.
    lookbehind: Math.max(0, ...detectors.map((d) => d.maxLength + d.lookbehind)),
    pieces(text: string): PiiPiece[] {
      const candidates: Ranked[] = [];
      for (const { detector, rank } of active) {
        for (const { start, end } of detector.find(text)) {
          // The bound is the streaming contract; a detector that breaks it is not trusted.
          if (end > start && end - start <= detector.maxLength) {
            candidates.push({ start, end, type: detector.type, rank });
          }
        }
      }
      return tile(candidates);
    },
    safeEnd(buffer: string): number {
      // A chunk may end inside a surrogate pair; the character it begins is not known yet.
      const text = /[\uD800-\uDBFF]$/.test(buffer) ? buffer.slice(0, -1) : buffer;
      const floor = text.length - holdback;
      let end = Math.min(text.length, ...detectors.map((d) => d.openTailStart(text)));
      // Spans that begin before `end` are final, but one may reach past it (`gb82 … 7654 32.` is
      // a whole IBAN, and its `32.` an open e-mail run): stop before it, and any span across that.
      while (end > floor) {
        const start = end < text.length ? startOfSpanAcross(detectors, text, end) : undefined;
        if (start === undefined) return end;
        end = start;
      }
      // No better than the fixed hold-back, which the stage then applies (with its own pull-back).
      return 0;
    },
  };
}

/** Fills a placeholder template: `{TYPE}` is the upper-cased type, `{type}` the type as written. */
export function renderPlaceholder(template: string, type: string): string {
  return template.replaceAll('{TYPE}', type.toUpperCase()).replaceAll('{type}', type);
}

/** The compiled form of a parsed config: detectors, placeholders per type, and the scanner. */
export interface CompiledPii {
  readonly engine: PiiEngine;
  readonly scanner: TextScanner;
  /** Scan matches for pieces: placeholders when redacting, no replacement when blocking. */
  matches(pieces: readonly PiiPiece[]): ScanMatch[];
}

/** Compiles a parsed `pii_detection` config once, at load. */
export function compilePii(config: PiiDetectionConfig): CompiledPii {
  const patterns = [...new Set(config.patterns)];
  const engine = engineFor([
    ...patterns.map((name) => builtinDetectors[name]),
    ...config.custom.map((spec) => customDetector(spec)),
  ]);
  const placeholders = new Map<string, string>();
  for (const name of patterns) placeholders.set(name, renderPlaceholder(config.placeholder, name));
  for (const spec of config.custom) {
    placeholders.set(spec.name, renderPlaceholder(spec.placeholder ?? config.placeholder, spec.name));
  }
  const redact = config.action === 'redact';
  const matches = (pieces: readonly PiiPiece[]): ScanMatch[] =>
    pieces.map((piece) => {
      const match = { start: piece.start, end: piece.end, type: piece.type };
      if (!redact) return match;
      return { ...match, replacement: piece.continuation ? '' : (placeholders.get(piece.type) ?? '') };
    });
  const scanner: TextScanner = {
    holdback: engine.holdback,
    lookbehind: engine.lookbehind,
    scan: (text: string): ScanMatch[] => matches(engine.pieces(text)),
    safeEnd: (buffer: string): number => engine.safeEnd(buffer),
  };
  return { engine, scanner, matches };
}

/**
 * A streaming scanner for a `pii_detection` config (as written; defaults applied, throws on an
 * invalid config): what the policy's `responseScanner` is.
 */
export function createPiiScanner(config: PiiDetectionConfigInput = {}): TextScanner {
  return compilePii(piiDetectionConfigSchema.parse(config)).scanner;
}

/** Finds PII in `text` with built-in patterns: the regions a redaction would replace. */
export function detectPii(text: string, patterns: readonly PiiPatternName[] = knownPatterns): PiiMatch[] {
  const regions: PiiMatch[] = [];
  for (const piece of engineFor(patterns.map((name) => builtinDetectors[name])).pieces(text)) {
    const last = regions[regions.length - 1];
    if (piece.continuation && last !== undefined && last.end === piece.start) {
      regions[regions.length - 1] = { ...last, end: piece.end };
    } else {
      regions.push({ type: piece.type, start: piece.start, end: piece.end });
    }
  }
  return regions;
}

/** Applies scan matches to `text`: each match's replacement in place of its span. */
export function applyMatches(text: string, matches: readonly ScanMatch[]): string {
  let out = '';
  let at = 0;
  for (const match of matches) {
    out += text.slice(at, match.start) + (match.replacement ?? '');
    at = match.end;
  }
  return out + text.slice(at);
}
