import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanMatch, TextScanner } from '../plugin/types.js';
import { applyScanner, ScanStage } from './scan-stage.js';

// A scanner with the properties real ones must have: bounded matches, a context word that must
// precede a value within a bounded window, and a trailing boundary check (lookahead of one).
const scanner: TextScanner = {
  holdback: 12,
  lookbehind: 10,
  scan(text) {
    const out: ScanMatch[] = [];
    for (const m of text.matchAll(/(?<![0-9])[0-9]{4,8}(?![0-9])/g)) {
      const before = text.slice(Math.max(0, m.index - 10), m.index);
      if (before.includes('id'))
        out.push({ start: m.index, end: m.index + m[0].length, type: 'num', replacement: '#' });
      else if (before.includes('kill')) out.push({ start: m.index, end: m.index + m[0].length, type: 'bad' });
    }
    return out;
  },
};

function chunked(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let at = 0;
  for (const p of points) {
    parts.push(text.slice(at, p));
    at = p;
  }
  parts.push(text.slice(at));
  return parts;
}

function streamed(text: string, cuts: number[]): { text: string; blocked: boolean } {
  const stage = new ScanStage(scanner);
  let out = '';
  for (const part of chunked(text, cuts)) {
    const o = stage.push(part);
    out += o.text;
    if (o.blockedBy) return { text: out, blocked: true };
  }
  const last = stage.end();
  return { text: out + last.text, blocked: last.blockedBy !== undefined };
}

// The same scanner with safeEnd: only a trailing digit run can still grow into (or spoil) a match.
const eager: TextScanner = { ...scanner, safeEnd: (buffer) => /[0-9]*$/.exec(buffer)!.index };

function streamedWith(s: TextScanner, text: string, cuts: number[]): string {
  const stage = new ScanStage(s);
  let out = '';
  for (const part of chunked(text, cuts)) {
    const o = stage.push(part);
    out += o.text;
    if (o.blockedBy) return out;
  }
  return out + stage.end().text;
}

describe('ScanStage', () => {
  it('releases everything but an open digit run when the scanner gives safeEnd', () => {
    const stage = new ScanStage(eager);
    expect(stage.push('hello there, my id 1234').text).toBe('hello there, my id ');
    expect(stage.push('56 done').text).toBe('# done');
  });

  it('never splits a character outside the BMP, whatever the holdback', () => {
    const stage = new ScanStage({ holdback: 1, lookbehind: 0, scan: () => [] });
    const out = [stage.push('ab𝒜'), stage.push('c'), stage.end()].map((o) => o.text);
    expect(out).toEqual(['ab', '𝒜', 'c']);
  });

  it('gives the whole-text result for any chunking with safeEnd too', () => {
    const alphabet = fc.constantFrom('id ', 'kill ', ' ', '1', '2', '9', '0', 'x', 'é', '\n');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }),
        fc.array(fc.nat(200), { maxLength: 12 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          expect(streamedWith(eager, text, cuts)).toBe(applyScanner(eager, text).text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('redacts a value split across chunks exactly as the whole text', () => {
    const text = 'my id 123456 and id 98765, kill 4444 end';
    expect(applyScanner(scanner, text).text).toBe('my id # and id #, kill ');
    expect(streamed(text, [8, 9, 21])).toEqual({ text: 'my id # and id #, kill ', blocked: true });
  });

  it('gives the whole-text result for any chunking', () => {
    const alphabet = fc.constantFrom('id ', 'kill ', ' ', '1', '2', '9', '0', 'x', 'é', '\n');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 80 }),
        fc.array(fc.nat(200), { maxLength: 12 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          const whole = applyScanner(scanner, text);
          expect(streamed(text, cuts)).toEqual({ text: whole.text, blocked: whole.blockedBy !== undefined });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('ScanStage context', () => {
  it('never starts its look-behind context inside a surrogate pair', () => {
    // "word" counts only when no letter precedes it; 𝒜 is a letter outside the BMP (two code units).
    const wordStart: TextScanner = {
      holdback: 5,
      lookbehind: 1,
      scan: (text) =>
        Array.from(text.matchAll(/(?<!\p{L})word/gu), (m) => ({
          start: m.index,
          end: m.index + 4,
          type: 'word',
        })),
    };
    // Seven code units, so the hold-back of five cuts right after 𝒜.
    const text = '𝒜word ';
    expect(applyScanner(wordStart, text).text).toBe(text);
    const stage = new ScanStage(wordStart);
    const pushed = stage.push(text);
    const ended = stage.end();
    expect(pushed.text + ended.text).toBe(text);
    expect(ended.blockedBy).toBeUndefined();
  });
});
