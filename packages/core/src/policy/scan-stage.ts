import type { ScanMatch, TextScanner } from '../plugin/types.js';

/** What a scan stage produced: text to send on, and the first blocking match if any. */
export interface StageOutput {
  text: string;
  /** Set when a match without replacement was reached: the answer ends before it. */
  blockedBy?: ScanMatch;
  /** Matches applied, by type. */
  counts: Map<string, number>;
}

/** Applies a scanner to a whole text: replacements in, cut before the first blocking match. */
export function applyScanner(scanner: TextScanner, text: string): StageOutput {
  return render(text, 0, text.length, scanner.scan(text));
}

function render(text: string, from: number, to: number, matches: readonly ScanMatch[]): StageOutput {
  const counts = new Map<string, number>();
  let out = '';
  let at = from;
  for (const match of matches) {
    if (match.start < from || match.end > to) continue;
    out += text.slice(at, match.start);
    // An empty replacement continues an overlapping match already counted.
    if (match.replacement !== '') counts.set(match.type, (counts.get(match.type) ?? 0) + 1);
    if (match.replacement === undefined) return { text: out, blockedBy: match, counts };
    out += match.replacement;
    at = match.end;
  }
  return { text: out + text.slice(at, to), counts };
}

/**
 * Runs a scanner over a stream of text. It keeps back the last `holdback` characters (and pulls
 * the cut back to the start of any match that crosses it), so a value split across chunks is
 * found whole; the output, for any chunking, equals {@link applyScanner} on the whole text.
 */
export class ScanStage {
  private context = '';
  private pending = '';
  private readonly scanner: TextScanner;

  constructor(scanner: TextScanner) {
    this.scanner = scanner;
  }

  push(chunk: string): StageOutput {
    this.pending += chunk;
    const buffer = this.context + this.pending;
    const from = this.context.length;
    const fixed = buffer.length - this.scanner.holdback;
    let cut =
      this.scanner.safeEnd === undefined
        ? fixed
        : Math.min(buffer.length, Math.max(fixed, this.scanner.safeEnd(buffer)));
    // Never split a surrogate pair: half a character cannot be sent, nor scanned alone.
    if (cut > 0 && cut < buffer.length && isHighSurrogate(buffer.charCodeAt(cut - 1))) cut--;
    if (cut <= from) return { text: '', counts: new Map() };
    const matches = this.scanner.scan(buffer).filter((m) => m.start >= from);
    for (const m of matches) {
      if (m.start < cut && m.end > cut) {
        cut = m.start;
        break;
      }
    }
    return this.emit(buffer, from, cut, matches);
  }

  end(): StageOutput {
    const buffer = this.context + this.pending;
    const from = this.context.length;
    const matches = this.scanner.scan(buffer).filter((m) => m.start >= from);
    return this.emit(buffer, from, buffer.length, matches);
  }

  private emit(buffer: string, from: number, cut: number, matches: readonly ScanMatch[]): StageOutput {
    const output = render(buffer, from, cut, matches);
    let keep = this.scanner.lookbehind === 0 ? cut : Math.max(0, cut - this.scanner.lookbehind);
    // The context never starts inside a surrogate pair: a lone low surrogate reads as no
    // character, so a lookbehind for a letter would see none where the whole text has one.
    if (keep > 0 && keep < cut && isHighSurrogate(buffer.charCodeAt(keep - 1))) keep--;
    this.context = buffer.slice(keep, cut);
    this.pending = buffer.slice(cut);
    return output;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
