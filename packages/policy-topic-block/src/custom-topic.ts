import { z } from 'zod';

/** Longest regex source a custom pattern may have (Kong's ai-prompt-guard uses the same cap). */
export const MAX_CUSTOM_PATTERN_LENGTH = 500;

/**
 * Flags every custom pattern is compiled with. Patterns see the text after NFKC with invisible
 * characters removed, so full-width or zero-width tricks do not dodge them, but punctuation intact.
 */
export const CUSTOM_PATTERN_FLAGS = 'iu';

/**
 * Why a custom regex source is refused, or `undefined` when it compiles and is safe to run on
 * every request: it must compile with the `iu` flags, not match the empty string, and avoid the
 * shapes that backtrack exponentially (a quantified group that itself holds `*`, `+` or `{n,}`, as
 * in `(a+)+`) and backreferences, which no linear engine supports.
 */
export function checkCustomPattern(source: string): string | undefined {
  if (source.length > MAX_CUSTOM_PATTERN_LENGTH) {
    return `is ${source.length} characters long; the limit is ${MAX_CUSTOM_PATTERN_LENGTH}`;
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, CUSTOM_PATTERN_FLAGS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `is not a valid regular expression (${reason}); write the source without slashes or flags, e.g. \\bproject\\s+phoenix\\b`;
  }
  if (regex.test('')) return 'matches the empty string, so it would match every text';
  if (/\\[1-9]|\\k</.test(source)) return 'uses a backreference (\\1 or \\k<name>), which is not allowed';
  if (hasNestedQuantifier(source)) {
    return 'nests a repeated group inside another repetition, as in "(a+)+", which can take exponential time; flatten it, e.g. "a+"';
  }
  return undefined;
}

// A group that contains an unbounded quantifier and is itself followed by a quantifier other than
// "?" is the classic exponential-backtracking shape. Scans the source once, tracking groups.
function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = [];
  let inClass = false;
  let lastGroupUnbounded = false;
  let current = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      lastGroupUnbounded = false;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      lastGroupUnbounded = false;
    } else if (ch === '(') {
      stack.push(current);
      current = false;
      lastGroupUnbounded = false;
    } else if (ch === ')') {
      lastGroupUnbounded = current;
      current = (stack.pop() ?? false) || current;
      continue;
    } else if (ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\d*\}/.test(source.slice(i, i + 12)))) {
      const unbounded = ch !== '{' || /^\{\d+,\}/.test(source.slice(i, i + 12)) || isLargeRange(source, i);
      if (lastGroupUnbounded) return true;
      if (unbounded) current = true;
    } else if (ch === '{' && /^\{\d+\}/.test(source.slice(i, i + 12))) {
      if (lastGroupUnbounded) return true;
    }
    lastGroupUnbounded = false;
  }
  return false;
}

function isLargeRange(source: string, at: number): boolean {
  const m = /^\{(\d+),(\d+)\}/.exec(source.slice(at, at + 24));
  return m !== null && Number(m[2]) > 50;
}

const snakeCase = z.string().regex(/^[a-z][a-z0-9_]*$/, {
  message: 'must be snake_case: lower-case letters, digits and "_", e.g. "project_phoenix"',
});

const nonEmptyTerm = z.string().trim().min(1, { message: 'must not be empty' }).max(200);

const customPattern = z.string().superRefine((source, ctx) => {
  const problem = checkCustomPattern(source);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `pattern "${source}" ${problem}` });
});

/**
 * A topic an operator defines in config. Keywords and phrases match whole words, case-insensitively,
 * after the same normalisation as the built-in lexicon (so "ph03nix" finds "phoenix"); patterns are
 * regexes (see {@link CUSTOM_PATTERN_FLAGS}). Any single hit matches the topic: custom topics have
 * no intent frames or mention cues, because the operator chose the terms.
 */
export const customTopicSchema = z
  .strictObject({
    name: snakeCase,
    description: z.string().trim().min(1).max(500).optional(),
    keywords: z.array(nonEmptyTerm).optional(),
    phrases: z.array(nonEmptyTerm).optional(),
    patterns: z.array(customPattern).optional(),
  })
  .superRefine((topic, ctx) => {
    const terms =
      (topic.keywords?.length ?? 0) + (topic.phrases?.length ?? 0) + (topic.patterns?.length ?? 0);
    if (terms === 0 && topic.description === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `custom topic "${topic.name}" needs keywords, phrases or patterns (or a description, with semantic mode on)`,
      });
    }
  });

/** A custom topic as written in config. */
export type CustomTopic = z.infer<typeof customTopicSchema>;
