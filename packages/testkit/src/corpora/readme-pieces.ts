// Out-of-domain benign text: the README files of the packages the lockfile installs, cut into
// pieces of about 200 words. The development set's benign rows are questions and role-play; real
// traffic also carries pasted documentation, code and prose, which a style model must not mistake
// for a jailbreak. Packages are split in two by a hash of their name: the `train` half may be fitted,
// the `eval` half is only measured.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

const PIECE_WORDS = 200;
const MIN_PIECE_WORDS = 40;

export type DocPiece = { readonly pkg: string; readonly text: string };

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const NEEDS =
  'readmePieces() reads the README files in the pnpm store of a keeptrusts repository checkout ' +
  "(node_modules/.pnpm, after `pnpm install`); it serves the detectors' training and evaluation scripts there";

/**
 * The pnpm store of the monorepo holding this module. Looked up per call, not at import: an
 * installed testkit has no store, and only this function needs one.
 */
function pnpmStore(): string {
  let root: string;
  try {
    root = repoRoot();
  } catch (error) {
    throw new Error(`${NEEDS}; this testkit is ${(error as Error).message}`, { cause: error });
  }
  const store = join(root, 'node_modules', '.pnpm');
  if (!existsSync(store)) throw new Error(`${NEEDS}; ${store} does not exist: run pnpm install in ${root}`);
  return store;
}

/**
 * One list per half. Throws, saying what it needs, outside a repository checkout or before
 * `pnpm install`, so a training run never fits on silently missing text.
 */
export function readmePieces(): { train: DocPiece[]; eval: DocPiece[] } {
  const halves = { train: [] as DocPiece[], eval: [] as DocPiece[] };
  const STORE = pnpmStore();
  const seen = new Set<string>();
  for (const entry of readdirSync(STORE).sort()) {
    const modules = join(STORE, entry, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const name of readdirSync(modules).sort()) {
      const pkgs = name.startsWith('@')
        ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`)
        : [name];
      for (const pkg of pkgs.sort()) {
        const file = join(modules, pkg, 'README.md');
        if (seen.has(pkg) || pkg.startsWith('@keeptrusts/') || !existsSync(file)) continue;
        seen.add(pkg);
        const half =
          (createHash('sha256').update(pkg).digest()[0] ?? 0) % 2 === 0 ? halves.train : halves.eval;
        let piece = '';
        for (const paragraph of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
          piece += `${paragraph}\n\n`;
          if (wordCount(piece) >= PIECE_WORDS) {
            half.push({ pkg, text: piece });
            piece = '';
          }
        }
        if (wordCount(piece) >= MIN_PIECE_WORDS) half.push({ pkg, text: piece });
      }
    }
  }
  return halves;
}
