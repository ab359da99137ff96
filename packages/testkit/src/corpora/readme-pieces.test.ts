import { describe, expect, it } from 'vitest';
import { readmePieces } from './readme-pieces.js';

describe('readmePieces', () => {
  it('cuts the READMEs of the installed third-party packages into two halves split by package', () => {
    const { train, eval: held } = readmePieces();
    expect(train.length).toBeGreaterThan(0);
    expect(held.length).toBeGreaterThan(0);
    const trainPkgs = new Set(train.map((piece) => piece.pkg));
    expect(held.some((piece) => trainPkgs.has(piece.pkg))).toBe(false);
    expect([...train, ...held].some((piece) => piece.pkg.startsWith('@keeptrusts/'))).toBe(false);
    for (const piece of [...train, ...held])
      expect(piece.text.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(40);
  });
});
