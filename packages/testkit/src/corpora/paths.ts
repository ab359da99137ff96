import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest directory above this module holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('not inside the keeptrusts monorepo: no pnpm-workspace.yaml above this module');
    dir = parent;
  }
  return dir;
}

/** The labelled datasets: $KT_DATASETS, else <repo root>/../shared/datasets. */
export function datasetsRoot(): string {
  const override = process.env.KT_DATASETS;
  if (override !== undefined && override !== '') return resolve(override);
  return join(repoRoot(), '..', 'shared', 'datasets');
}
