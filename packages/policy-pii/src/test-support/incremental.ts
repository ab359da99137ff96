// Runs a scanner the way the gateway's policy chain does (core's applyScanner for whole answers,
// core's ScanStage for streams), so the property tests check the engine that ships.
import { applyScanner, ScanStage, type TextScanner } from '@keeptrusts/core';

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
