// The README pieces the learned layer is fitted on, frozen. readmePieces() reads whatever the pnpm
// store holds, so any dependency added anywhere in the monorepo used to change the training data
// and the committed model no longer matched a fresh run (`--check` failed after #22 and #23 added
// 14 packages). Training takes only the packages listed in readme-train.json, each checked against
// the SHA-256 of its pieces, and says which package is missing or changed instead of silently
// training on different text.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocPiece } from '@keeptrusts/testkit/corpora';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'readme-train.json');

type Manifest = { about: string; packages: Record<string, string> };

/** SHA-256 (hex) of one package's pieces, in order. */
function digestOf(pieces: readonly DocPiece[]): string {
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(`${piece.text}\u0000`);
  return hash.digest('hex');
}

function byPackage(pieces: readonly DocPiece[]): Map<string, DocPiece[]> {
  const out = new Map<string, DocPiece[]>();
  for (const piece of pieces) out.set(piece.pkg, [...(out.get(piece.pkg) ?? []), piece]);
  return out;
}

/**
 * The pieces of the frozen packages, in the store's order. Throws, naming the packages, when one
 * is missing from the store or its README changed (a version bump): then retrain with
 * `--refresh-readmes`, which changes the training data and is a new round.
 */
export function frozenReadmePieces(train: readonly DocPiece[]): DocPiece[] {
  const manifest = JSON.parse(readFileSync(FILE, 'utf8')) as Manifest;
  const found = byPackage(train);
  const problems = Object.entries(manifest.packages).flatMap(([pkg, digest]) => {
    const pieces = found.get(pkg);
    if (pieces === undefined) return [`${pkg} (not installed)`];
    return digestOf(pieces) === digest ? [] : [`${pkg} (README changed)`];
  });
  if (problems.length > 0)
    throw new Error(
      `the README pieces in ${FILE} are not what the pnpm store holds: ${problems.join(', ')}; ` +
        'run node scripts/train-model.ts --refresh-readmes to train on the current ones',
    );
  return train.filter((piece) => piece.pkg in manifest.packages);
}

/** Freezes the store's current train half as the training set (`--refresh-readmes`). */
export function refreshReadmeManifest(train: readonly DocPiece[]): void {
  const packages = Object.fromEntries(
    [...byPackage(train)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([pkg, pieces]) => [pkg, digestOf(pieces)]),
  );
  const manifest: Manifest = {
    about:
      'Written by scripts/train-model.ts --refresh-readmes: the packages whose README pieces (train half of ' +
      "@keeptrusts/testkit's readmePieces) the learned layer is fitted on, with the SHA-256 of their pieces.",
    packages,
  };
  writeFileSync(FILE, `${JSON.stringify(manifest, null, 1)}\n`);
}
