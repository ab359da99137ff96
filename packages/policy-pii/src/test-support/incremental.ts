// Runs a scanner the way the gateway's policy chain does (core's applyScanner for whole answers,
// core's ScanStage for streams), so the property tests check the engine that ships.
import { applyScanner, type ScanMatch, ScanStage, type TextScanner } from '@keeptrusts/core';

/** Redacts a whole text at once: what buffered mode sends. */
export function redactWhole(scanner: TextScanner, text: string): string {
  return applyScanner(scanner, text).text;
}

/** Redacts a stream chunk by chunk through core's ScanStage and returns what the client receives. */
export function redactIncrementally(scanner: TextScanner, chunks: Iterable<string>): string {
  const stage = new ScanStage(scanner);
  let out = '';
  for (const chunk of chunks) out += stage.push(chunk).text;
  return out + stage.end().text;
}

/** Cuts `text` at the given offsets (any order, duplicates and out-of-range ones ignored). */
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

/** Text longer than any rule's hold-back, to put before a value so that `safeEnd` decides the cut. */
export const padding: string = 'This line only pushes what follows past the fixed hold-back.\n'.repeat(5);

/**
 * Where `safeEnd` breaks its promise for `buffer` against one way the text goes on (`whole`, which
 * starts with `buffer`): a match of the buffer that starts before the index and ends after it,
 * or a difference in the matches that start before it. Undefined when it keeps it.
 */
export function safeEndBreach(scanner: TextScanner, buffer: string, whole: string): string | undefined {
  const end = scanner.safeEnd?.(buffer) ?? 0;
  const before = (matches: readonly ScanMatch[]) => JSON.stringify(matches.filter((m) => m.start < end));
  const settled = before(scanner.scan(buffer));
  const final = before(scanner.scan(whole));
  if (scanner.scan(buffer).some((m) => m.start < end && m.end > end))
    return `a match crosses ${end}: ${settled}`;
  return settled === final ? undefined : `safeEnd ${end} settled ${settled}, the whole text has ${final}`;
}

/**
 * Cuts `text` in two at every offset from `from` on, and reports each cut where the stream
 * differs from whole-text redaction or `safeEnd` on the first part breaks its promise.
 */
export function mismatchesAtEveryCut(scanner: TextScanner, text: string, from = 1): string[] {
  const whole = redactWhole(scanner, text);
  const problems: string[] = [];
  for (let cut = Math.max(1, from); cut < text.length; cut++) {
    const at = `${JSON.stringify(text.slice(0, cut))} + ${JSON.stringify(text.slice(cut))}`;
    const streamed = redactIncrementally(scanner, [text.slice(0, cut), text.slice(cut)]);
    if (streamed !== whole)
      problems.push(`${at}: streamed ${JSON.stringify(streamed)}, whole ${JSON.stringify(whole)}`);
    const breach = safeEndBreach(scanner, text.slice(0, cut), text);
    if (breach !== undefined) problems.push(`${at}: ${breach}`);
  }
  return problems;
}
