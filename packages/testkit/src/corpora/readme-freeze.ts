// The README pieces a learned layer is fitted on, frozen. readmePieces() reads whatever the pnpm
// store holds, so any dependency added anywhere in the monorepo changes the training data and a
// committed model no longer matches a fresh run (`--check` failed in policy-injection after #22 and
// #23, and in policy-topic-block after uPlot came in). A training script keeps a manifest (JSON)
// of the packages it was fitted on, each with the SHA-256 of its pieces; training takes only those
// packages and names the ones missing or changed instead of silently training on different text.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type DocPiece, readmePieces } from './readme-pieces.js';

/** Where a training script keeps its frozen set, and the script that writes it (for messages). */
export type ReadmeFreeze = {
  /** Path of the manifest (JSON) file. */
  readonly manifest: string;
  /** The training script, as run from its package: `scripts/train-model.ts`. */
  readonly script: string;
};

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
 * The pieces of the frozen packages, in the order of `pieces` (readmePieces().train). Throws,
 * naming the packages, when one is missing or its README changed (a version bump): then retrain
 * with `--refresh-readmes`, which changes the training data and is a new round.
 */
export function frozenReadmePieces(freeze: ReadmeFreeze, pieces: readonly DocPiece[]): DocPiece[] {
  const manifest = JSON.parse(readFileSync(freeze.manifest, 'utf8')) as Manifest;
  const found = byPackage(pieces);
  const problems = Object.entries(manifest.packages).flatMap(([pkg, digest]) => {
    const own = found.get(pkg);
    if (own === undefined) return [`${pkg} (not installed)`];
    return digestOf(own) === digest ? [] : [`${pkg} (README changed)`];
  });
  if (problems.length > 0)
    throw new Error(
      `the README pieces in ${freeze.manifest} are not what the pnpm store holds: ${problems.join(', ')}; ` +
        `run node ${freeze.script} --refresh-readmes to train on the current ones`,
    );
  return pieces.filter((piece) => Object.hasOwn(manifest.packages, piece.pkg));
}

/** Freezes `pieces` (the store's current train half) as the training set (`--refresh-readmes`). */
export function refreshReadmeManifest(freeze: ReadmeFreeze, pieces: readonly DocPiece[]): void {
  const packages = Object.fromEntries(
    [...byPackage(pieces)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pkg, own]) => [pkg, digestOf(own)]),
  );
  const manifest: Manifest = {
    about:
      `Written by ${freeze.script} --refresh-readmes: the packages whose README pieces (train half of ` +
      "@keeptrusts/testkit's readmePieces) the learned layer is fitted on, with the SHA-256 of their pieces.",
    packages,
  };
  writeFileSync(freeze.manifest, `${JSON.stringify(manifest, null, 1)}\n`);
}

/**
 * What a training script fits on: the frozen README pieces of the store's train half, after
 * re-freezing the current ones when `refresh` is set (`--refresh-readmes`, never under `--check`).
 */
export function trainingReadmePieces(freeze: ReadmeFreeze, options: { refresh: boolean }): DocPiece[] {
  const pieces = readmePieces().train;
  if (options.refresh) refreshReadmeManifest(freeze, pieces);
  return frozenReadmePieces(freeze, pieces);
}
