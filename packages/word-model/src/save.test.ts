import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveModelFile } from './save.js';
import { formatModelFile } from './train.js';

const file = { description: 'd', training: {}, bias: 0.5, weights: [['a', 1] as const] };

describe('saveModelFile', () => {
  it('writes the formatted file, then checks it without writing', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'word-model-')), 'm.json');
    expect(saveModelFile(path, file, { check: true })).toBe(false);
    expect(saveModelFile(path, file)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(formatModelFile(file));
    expect(saveModelFile(path, file, { check: true })).toBe(true);
    writeFileSync(path, 'edited');
    expect(saveModelFile(path, file, { check: true })).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('edited');
  });
});
