import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { frozenReadmePieces, refreshReadmeManifest } from './readme-freeze.js';

const pieces = [
  { pkg: 'alpha', text: 'first piece of alpha' },
  { pkg: 'beta', text: 'only piece of beta' },
  { pkg: 'alpha', text: 'second piece of alpha' },
];

describe('frozen README pieces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readme-freeze-'));
  const freeze = { manifest: join(dir, 'readme-train.json'), script: 'scripts/train.ts' };
  afterEach(() => rmSync(freeze.manifest, { force: true }));

  it('keeps only the frozen packages, in the given order, when the store gains one', () => {
    refreshReadmeManifest(freeze, pieces);
    expect(Object.keys(JSON.parse(readFileSync(freeze.manifest, 'utf8')).packages)).toEqual([
      'alpha',
      'beta',
    ]);
    const grown = [...pieces, { pkg: 'gamma', text: 'a package added later' }];
    expect(frozenReadmePieces(freeze, grown)).toEqual(pieces);
  });

  it('names a frozen package that is missing or whose README changed', () => {
    refreshReadmeManifest(freeze, pieces);
    const changed = [pieces[0], { pkg: 'alpha', text: 'second piece, new version' }] as typeof pieces;
    expect(() => frozenReadmePieces(freeze, changed)).toThrow(
      /alpha \(README changed\), beta \(not installed\); run node scripts\/train\.ts --refresh-readmes/,
    );
  });
});
