import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WordModelFile } from './model.js';

/**
 * Reads a stored model file (what `saveModelFile` writes), so a detector can load its weights when
 * a rule first needs them rather than at import. Throws naming the file when it is missing or is
 * not a model.
 */
export function readModelFile(location: string | URL): WordModelFile {
  const path = location instanceof URL ? fileURLToPath(location) : location;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the model file ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!isModelFile(parsed)) {
    throw new Error(
      `${path} is not a model file: expected { description, training, bias, weights: [[feature, weight], …] }`,
    );
  }
  return parsed;
}

function isModelFile(value: unknown): value is WordModelFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.description === 'string' &&
    typeof file.training === 'object' &&
    file.training !== null &&
    typeof file.bias === 'number' &&
    Array.isArray(file.weights) &&
    file.weights.every(
      (pair: unknown) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        typeof pair[1] === 'number',
    )
  );
}
