import { type Candidate, type Detector, matchAtEveryStart } from './detector.js';

/**
 * Characters around a custom match its regex may read (lookarounds, `\b`, `^`/`$` with `m`).
 * We cannot see inside an operator's regex, so the stream keeps this much context and trusts it.
 */
export const CUSTOM_CONTEXT = 32;

/** A custom pattern as the config states it. */
export interface CustomPatternSpec {
  readonly name: string;
  readonly regex: string;
  readonly flags?: string | undefined;
  readonly max_length: number;
}

/** Compiles `regex` with `flags` (the config's check), returning the error text when it fails. */
export function regexError(regex: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(regex, flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A detector for an operator's regex. Matches are taken at every start position (tiling in the
 * scanner makes overlapping ones one redaction); empty matches and matches longer than
 * `max_length` are ignored, since a stream can only hold back a bounded span.
 */
export function customDetector(spec: CustomPatternSpec): Detector {
  const regex = new RegExp(spec.regex, `${spec.flags ?? ''}g`);
  return {
    type: spec.name,
    maxLength: spec.max_length,
    lookbehind: CUSTOM_CONTEXT,
    lookahead: CUSTOM_CONTEXT,
    find(text: string): Candidate[] {
      const found: Candidate[] = [];
      for (const match of matchAtEveryStart(regex, text)) {
        const length = match[0].length;
        if (length > 0 && length <= spec.max_length)
          found.push({ start: match.index, end: match.index + length });
      }
      return found;
    },
    openTailStart(text: string): number {
      // An operator's regex is opaque: only its length bound is known.
      return text.length - spec.max_length - CUSTOM_CONTEXT;
    },
  };
}
