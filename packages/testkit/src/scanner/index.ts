// Conformance checks for a policy's `responseScanner`: run it the way the gateway does (core's
// applyScanner for whole answers, core's ScanStage for streams) and check, with fast-check, that a
// stream cut anywhere gives what the whole answer gives. A plugin's tests call
// checkStreamingScanner with texts of its own; the helpers are exported for finer tests.
import { applyScanner, type ScanMatch, ScanStage, type TextScanner } from '@keeptrusts/core';
import fc from 'fast-check';

/** What the client receives when the gateway applies `scanner` to a whole answer (buffered mode). */
export function scanWhole(scanner: TextScanner, text: string): string {
  return applyScanner(scanner, text).text;
}

/**
 * What the client receives when the answer streams through `scanner` in `chunks` (incremental
 * mode): chunk by chunk through core's ScanStage, ending at a blocking match as the gateway does.
 */
export function scanStreamed(scanner: TextScanner, chunks: Iterable<string>): string {
  const stage = new ScanStage(scanner);
  let out = '';
  for (const chunk of chunks) {
    const pushed = stage.push(chunk);
    out += pushed.text;
    if (pushed.blockedBy !== undefined) return out;
  }
  return out + stage.end().text;
}

/** Cuts `text` at the given offsets (any order; duplicates and out-of-range ones ignored). */
export function chunkAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < text.length))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let at = 0;
  for (const point of points) {
    chunks.push(text.slice(at, point));
    at = point;
  }
  chunks.push(text.slice(at));
  return chunks;
}

/**
 * 305 characters of plain text, longer than most hold-backs: put it before a value so that the
 * scanner's `safeEnd`, not its fixed hold-back, decides where a stream is cut.
 */
export const padding: string = 'This line only pushes what follows past the fixed hold-back.\n'.repeat(5);

/**
 * Where `safeEnd` breaks its promise for `buffer` against one way the text goes on (`whole`, which
 * starts with `buffer`): a match of the buffer that starts before the index and ends after it,
 * or a difference in the matches that start before it. Undefined when it keeps it, or when the
 * scanner has no `safeEnd`.
 */
export function safeEndBreach(scanner: TextScanner, buffer: string, whole: string): string | undefined {
  if (scanner.safeEnd === undefined) return undefined;
  const end = scanner.safeEnd(buffer);
  const before = (matches: readonly ScanMatch[]) => JSON.stringify(matches.filter((m) => m.start < end));
  const matches = scanner.scan(buffer);
  if (matches.some((m) => m.start < end && m.end > end)) return `a match crosses ${end}: ${before(matches)}`;
  const settled = before(matches);
  const final = before(scanner.scan(whole));
  return settled === final ? undefined : `safeEnd ${end} settled ${settled}, the whole text has ${final}`;
}

/**
 * Cuts `text` in two at every offset from `from` on, and reports each cut where the stream
 * differs from the whole answer or `safeEnd` on the first part breaks its promise.
 */
export function mismatchesAtEveryCut(scanner: TextScanner, text: string, from = 1): string[] {
  const whole = scanWhole(scanner, text);
  const problems: string[] = [];
  for (let cut = Math.max(1, from); cut < text.length; cut++) {
    const at = `${JSON.stringify(text.slice(0, cut))} + ${JSON.stringify(text.slice(cut))}`;
    const streamed = scanStreamed(scanner, [text.slice(0, cut), text.slice(cut)]);
    if (streamed !== whole)
      problems.push(`${at}: streamed ${JSON.stringify(streamed)}, whole ${JSON.stringify(whole)}`);
    const breach = safeEndBreach(scanner, text.slice(0, cut), text);
    if (breach !== undefined) problems.push(`${at}: ${breach}`);
  }
  return problems;
}

/** Why `scan`'s result breaks the contract (sorted, in range, not overlapping, within `holdback`); undefined if it keeps it. */
export function scanContractBreach(scanner: TextScanner, text: string): string | undefined {
  let previousEnd = 0;
  for (const match of scanner.scan(text)) {
    const where = `${match.type} at ${match.start}-${match.end}`;
    if (!(match.start >= 0 && match.end <= text.length && match.start <= match.end))
      return `${where} is outside the text`;
    if (match.start < previousEnd) return `${where} starts before the previous match ends (${previousEnd})`;
    if (match.end - match.start > scanner.holdback)
      return `${where} is longer than the declared holdback (${scanner.holdback})`;
    previousEnd = match.end;
  }
  return undefined;
}

/** Options for {@link checkStreamingScanner}. */
export interface StreamingCheckOptions {
  /** Texts fast-check tries; default 200. */
  readonly numRuns?: number;
  /** Most cuts per text; default 60. */
  readonly maxCuts?: number;
  /** fast-check seed, to replay a failure. */
  readonly seed?: number;
}

/**
 * Checks a scanner against the streaming contract with fast-check. For texts drawn from `texts`
 * and any way of cutting them into chunks: streaming gives exactly what the whole answer gives
 * (replacements, and the cut before a blocking match), `safeEnd` keeps its promise at every cut,
 * and `scan` returns sorted, non-overlapping matches no longer than `holdback`. Throws
 * fast-check's report, with the smallest failing text and cuts, when any of it fails.
 *
 * @example
 * checkStreamingScanner(hooks.responseScanner!, fc.array(fc.constantFrom('call ', '555-0134 ', 'x')).map((w) => w.join('')));
 */
export function checkStreamingScanner(
  scanner: TextScanner,
  texts: fc.Arbitrary<string>,
  options: StreamingCheckOptions = {},
): void {
  const cases = texts.chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(fc.nat({ max: Math.max(1, text.length) }), { maxLength: options.maxCuts ?? 60 }),
    ),
  );
  const property = fc.property(cases, ([text, cuts]) => {
    const broken = scanContractBreach(scanner, text);
    if (broken !== undefined) throw new Error(`scan: ${broken}`);
    const whole = scanWhole(scanner, text);
    const streamed = scanStreamed(scanner, chunkAt(text, cuts));
    if (streamed !== whole) {
      throw new Error(`streamed ${JSON.stringify(streamed)}, whole ${JSON.stringify(whole)}`);
    }
    for (const cut of cuts) {
      if (cut <= 0 || cut >= text.length) continue;
      const breach = safeEndBreach(scanner, text.slice(0, cut), text);
      if (breach !== undefined) throw new Error(`safeEnd at cut ${cut}: ${breach}`);
    }
  });
  try {
    fc.assert(property, {
      numRuns: options.numRuns ?? 200,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
  } catch (error) {
    // fast-check keeps the failing check's message in `cause`; say it first, then the counterexample.
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    const report = error instanceof Error ? error.message : String(error);
    throw new Error(`the scanner breaks the streaming contract: ${reason}\n${report}`, { cause: error });
  }
}
