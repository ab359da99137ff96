import type { Signal } from '../signal.js';
import { LANGUAGES } from '../signal.js';
import { compileSignals, scanSignals } from '../signal-scan.js';

/** A predicate telling whether `signal` alone fires on a text (all languages enabled). */
export function firesOn(signal: Signal): (text: string) => boolean {
  const compiled = compileSignals([signal], LANGUAGES);
  return (text) => (scanSignals(compiled, text).hits[0] ?? 0) > 0;
}
