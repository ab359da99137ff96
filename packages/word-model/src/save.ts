import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { WordModelFile } from './model.js';
import { formatModelFile } from './train.js';

/**
 * Writes a model file, or with `check` compares it with the file on disk instead. Returns false
 * only when checking found the file missing or different, so a training script can fail when the
 * committed weights are not what it produces.
 */
export function saveModelFile(
  path: string,
  file: WordModelFile,
  options: { readonly check?: boolean } = {},
): boolean {
  const text = formatModelFile(file);
  if (options.check !== true) {
    writeFileSync(path, text);
    return true;
  }
  return existsSync(path) && readFileSync(path, 'utf8') === text;
}
