import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './chain.js';
import {
  HEAD_FILE,
  keepInvalidHead,
  readHeadAnchor,
  sealHeadAnchor,
  writeHeadAnchor,
} from './head-anchor.js';
import { useTempDirs } from './test-support/temp-dir.js';

const KEY = Buffer.from('an-hmac-key-of-at-least-32-characters');
const fields = {
  version: 1 as const,
  seq: 7,
  hash: 'a'.repeat(64),
  segment: 'audit-2025-01-01.jsonl',
  updated_at: '2025-01-01T10:00:00.000Z',
};

describe('head.json', () => {
  const tempDir = useTempDirs();

  it('round-trips a sealed head, with and without an HMAC key', async () => {
    const dir = await tempDir();
    await writeHeadAnchor(dir, sealHeadAnchor(fields), { sync: true });
    expect(await readHeadAnchor(dir)).toMatchObject(fields);
    await writeHeadAnchor(dir, sealHeadAnchor(fields, KEY), { sync: false });
    expect(await readHeadAnchor(dir, KEY)).toMatchObject(fields);
    expect(await readdir(dir)).toEqual([HEAD_FILE]);
  });

  it('reads nothing from a directory without one', async () => {
    expect(await readHeadAnchor(await tempDir())).toBeUndefined();
  });

  it.each([
    { name: 'an edited seq', text: (t: string) => t.replace('"seq": 7', '"seq": 9'), message: 'edited' },
    { name: 'not JSON', text: () => '{', message: 'not JSON' },
    { name: 'no head_hash', text: () => JSON.stringify(fields), message: 'lacks' },
    { name: 'a bad hash', text: (t: string) => t.replace('a'.repeat(64), 'xyz'), message: 'lacks' },
  ])('rejects a head with $name', async ({ text, message }) => {
    const dir = await tempDir();
    await writeHeadAnchor(dir, sealHeadAnchor(fields), { sync: false });
    await writeFile(join(dir, HEAD_FILE), text(await readFile(join(dir, HEAD_FILE), 'utf8')));
    await expect(readHeadAnchor(dir)).rejects.toMatchObject({
      code: 'head',
      message: expect.stringContaining(message),
    });
  });

  it('rejects a head sealed with another key, or without the key it was sealed with', async () => {
    const dir = await tempDir();
    await writeHeadAnchor(dir, sealHeadAnchor({ ...fields, hash: GENESIS_HASH }), { sync: false });
    await expect(readHeadAnchor(dir, KEY)).rejects.toThrow('or it was written with another HMAC key');
    await writeHeadAnchor(dir, sealHeadAnchor(fields, KEY), { sync: false });
    await expect(readHeadAnchor(dir)).rejects.toThrow('if the log uses an HMAC key, verify with it');
  });

  it('keeps copies of an invalid head under names that do not collide', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, HEAD_FILE), 'garbage');
    expect(await keepInvalidHead(dir, 4)).toBe('head.json.invalid-4');
    expect(await keepInvalidHead(dir, 4)).toBe('head.json.invalid-4-2');
    expect(await readFile(join(dir, 'head.json.invalid-4-2'), 'utf8')).toBe('garbage');
  });
});
