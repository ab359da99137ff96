import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest directory above this module holding pnpm-workspace.yaml. */
export function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`not inside the keeptrusts monorepo: no pnpm-workspace.yaml above ${here}`);
    dir = parent;
  }
  return dir;
}

/**
 * The labelled datasets: $KT_DATASETS, else the `datasets/` folder this package ships (two levels
 * above both `src/corpora/` and `dist/corpora/`), so the corpora load outside the monorepo too.
 */
export function datasetsRoot(): string {
  const override = process.env.KT_DATASETS;
  if (override !== undefined && override !== '') return resolve(override);
  return fileURLToPath(new URL('../../datasets', import.meta.url));
}

/** A dataset file's path; throws naming the file and the fix when it is absent, so no figure is silently empty. */
export function datasetFile(...parts: string[]): string {
  const file = join(datasetsRoot(), ...parts);
  if (!existsSync(file)) {
    throw new Error(
      `dataset file ${file} is missing: it ships in @keeptrusts/testkit/datasets; set KT_DATASETS to a copy if you moved it`,
    );
  }
  return file;
}
