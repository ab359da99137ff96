import { describe, expect, it } from 'vitest';
import { combine } from './score.js';
import type { Signal } from './signal.js';

const signal = (name: string, weight: number, repeatable?: boolean): Signal =>
  repeatable === undefined ? { name, weight } : { name, weight, repeatable };

describe('combine', () => {
  it('scores 0 when nothing fired', () => {
    expect(combine([signal('a', 0.5)], Uint8Array.of(0))).toEqual({ score: 0, fired: [] });
  });

  it('combines independent signals by noisy-OR', () => {
    const { score, fired } = combine([signal('a', 0.5), signal('b', 0.4)], Uint8Array.of(1, 1));
    expect(score).toBeCloseTo(1 - 0.5 * 0.6);
    expect(fired).toEqual(['a', 'b']);
  });

  it('counts each extra hit of a repeatable signal as half a hit', () => {
    expect(combine([signal('a', 0.5)], Uint8Array.of(3)).score).toBeCloseTo(1 - 0.5 ** 2);
  });

  it('counts a non-repeatable signal once however often it fires', () => {
    expect(combine([signal('a', 0.1, false)], Uint8Array.of(3)).score).toBeCloseTo(0.1);
  });

  it('adds a co-occurrence rule when both of its sides fired', () => {
    const signals = [signal('persona_framing', 0.08), signal('unrestricted_persona', 0.3)];
    const { score, fired } = combine(signals, Uint8Array.of(1, 1));
    expect(fired).toContain('persona_unlock');
    expect(score).toBeCloseTo(1 - 0.92 * 0.7 * 0.65);
  });

  it('does not let one signal satisfy both sides of a co-occurrence rule', () => {
    const { fired } = combine([signal('known_jailbreak', 0.6)], Uint8Array.of(1));
    expect(fired).toEqual(['known_jailbreak']);
  });

  it('stays within [0, 1] when everything fires', () => {
    const signals = Array.from({ length: 30 }, (_, i) => signal(`s${i}`, 0.99));
    const { score } = combine(signals, new Uint8Array(30).fill(3));
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
  });
});
