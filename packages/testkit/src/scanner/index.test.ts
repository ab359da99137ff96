import type { ScanMatch, TextScanner } from '@keeptrusts/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkStreamingScanner,
  chunkAt,
  mismatchesAtEveryCut,
  scanContractBreach,
  scanStreamed,
  scanWhole,
} from './index.js';

// Redacts 4-8 digit numbers after "id" and blocks them after "kill": a bounded match, a context
// word within a bounded window before it, and a one-character lookahead.
function digits(holdback: number): TextScanner {
  return {
    holdback,
    lookbehind: 10,
    scan(text) {
      const out: ScanMatch[] = [];
      for (const m of text.matchAll(/(?<![0-9])[0-9]{4,8}(?![0-9])/g)) {
        const before = text.slice(Math.max(0, m.index - 10), m.index);
        const span = { start: m.index, end: m.index + m[0].length };
        if (before.includes('id')) out.push({ ...span, type: 'num', replacement: '#' });
        else if (before.includes('kill')) out.push({ ...span, type: 'bad' });
      }
      return out;
    },
  };
}
const sound = digits(9);
const texts = fc
  .array(fc.constantFrom('id ', 'kill ', 'x', ' ', '12', '345', '67890', '\n'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('scanner conformance', () => {
  it('streams a text the way the gateway does, stopping at a block', () => {
    expect(scanWhole(sound, 'id 12345 and kill 99999 then id 5555')).toBe('id # and kill ');
    expect(scanStreamed(sound, chunkAt('id 12345 and kill 99999 then id 5555', [4, 20]))).toBe(
      'id # and kill ',
    );
  });

  it('passes a scanner that keeps the contract', () => {
    expect(() => checkStreamingScanner(sound, texts)).not.toThrow();
    expect(() =>
      checkStreamingScanner({ ...sound, safeEnd: (b) => /[0-9]*$/.exec(b)!.index }, texts),
    ).not.toThrow();
  });

  it('fails a scanner whose holdback is shorter than its matches', () => {
    expect(() => checkStreamingScanner(digits(3), texts, { seed: 1 })).toThrow(/holdback|streamed/);
  });

  it('fails a safeEnd that releases text a match may still need', () => {
    const eager = { ...sound, safeEnd: (buffer: string) => buffer.length };
    expect(() => checkStreamingScanner(eager, texts, { seed: 1 })).toThrow(/safeEnd|streamed/);
    expect(mismatchesAtEveryCut(eager, 'id 1234567')).not.toEqual([]);
  });

  it('reports overlapping or unsorted matches', () => {
    const overlapping: TextScanner = {
      holdback: 5,
      lookbehind: 0,
      scan: () => [
        { start: 0, end: 3, type: 'a', replacement: '' },
        { start: 2, end: 4, type: 'b', replacement: '' },
      ],
    };
    expect(scanContractBreach(overlapping, 'abcdef')).toBe(
      'b at 2-4 starts before the previous match ends (3)',
    );
  });
});
