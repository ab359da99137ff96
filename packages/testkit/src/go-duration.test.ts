import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['5m', 300e9],
    ['1h30m', 5400e9],
    ['0', 0],
    ['1.5s', 1.5e9],
    ['250ms', 250e6],
    ['-1s', -1e9],
    ['10µs', 10e3],
  ])('parses %s', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it.each([
    ['soon', 'time: invalid duration "soon"'],
    ['', 'time: invalid duration ""'],
    ['5', 'time: missing unit in duration "5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
  ])('rejects %j', (text, message) => {
    expect(parseGoDuration(text)).toBe(message);
  });
});
