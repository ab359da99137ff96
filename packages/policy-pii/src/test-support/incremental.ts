// The reference incremental redactor: how the chain engine runs a TextScanner over a stream,
// written out so tests can check that streaming gives exactly what whole-text redaction gives.
import type { ScanMatch, TextScanner } from '@keeptrusts/core';

/** Renders `buffer[from, to)` with the replacements of the matches inside it. */
function render(buffer: string, from: number, to: number, matches: readonly ScanMatch[]): string {
  let out = '';
  let at = from;
  for (const match of matches) {
    if (match.start < from || match.end > to) continue;
    out += buffer.slice(at, match.start) + (match.replacement ?? '');
    at = match.end;
  }
  return out + buffer.slice(at, to);
}

/** Redacts a whole text at once: what buffered mode sends. */
export function redactWhole(scanner: TextScanner, text: string): string {
  return render(text, 0, text.length, scanner.scan(text));
}

/**
 * Redacts a stream chunk by chunk and returns what the client receives, concatenated. Keeps
 * `context` (the last `lookbehind` characters already sent, as received, not as redacted) and
 * `pending` (received, not sent); scans `context + pending`; applies only matches that start in
 * `pending`; sends everything before `length - holdback`, pulling that boundary back to the start
 * of a match that crosses it; at the end of the stream scans once more and sends the rest.
 */
export function redactIncrementally(scanner: TextScanner, chunks: Iterable<string>): string {
  let context = '';
  let pending = '';
  let out = '';
  for (const chunk of chunks) {
    pending += chunk;
    const buffer = context + pending;
    const applied = scanner.scan(buffer).filter((m) => m.start >= context.length);
    let boundary = buffer.length - scanner.holdback;
    for (const match of applied) {
      if (match.start < boundary && match.end > boundary) boundary = match.start;
    }
    if (boundary <= context.length) continue;
    out += render(buffer, context.length, boundary, applied);
    const sent = buffer.slice(0, boundary);
    context = sent.slice(Math.max(0, sent.length - scanner.lookbehind));
    pending = buffer.slice(boundary);
  }
  const buffer = context + pending;
  const applied = scanner.scan(buffer).filter((m) => m.start >= context.length);
  return out + render(buffer, context.length, buffer.length, applied);
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
