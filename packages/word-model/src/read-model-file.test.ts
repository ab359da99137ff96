import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readModelFile } from './read-model-file.js';
import { saveModelFile } from './save.js';

const file = {
  description: 'd',
  training: { rows: 2 },
  bias: 0.5,
  weights: [['a', 1] as const, ['a b', -1] as const],
};

const tempPath = (name: string) => join(mkdtempSync(join(tmpdir(), 'word-model-')), name);

describe('readModelFile', () => {
  it('reads what saveModelFile writes, from a path or a file URL', () => {
    const path = tempPath('m.json');
    saveModelFile(path, file);
    expect(readModelFile(path)).toEqual(file);
    expect(readModelFile(pathToFileURL(path))).toEqual(file);
  });

  it.each([
    {
      name: 'a missing file',
      text: undefined,
      message: /cannot read the model file .*missing\.json: ENOENT/,
    },
    { name: 'broken JSON', text: '{"weights": [', message: /cannot read the model file .*broken JSON\.json/ },
    {
      name: 'no weights',
      text: '{"description": "d", "training": {}, "bias": 0}',
      message: /is not a model file/,
    },
    {
      name: 'a weight that is not a number',
      text: '{"description": "d", "training": {}, "bias": 0, "weights": [["a", "1"]]}',
      message: /is not a model file: expected \{ description, training, bias, weights/,
    },
  ])('throws naming the file for $name', ({ name, text, message }) => {
    const path = tempPath(text === undefined ? 'missing.json' : `${name}.json`);
    if (text !== undefined) writeFileSync(path, text);
    expect(() => readModelFile(path)).toThrow(message);
  });
});
