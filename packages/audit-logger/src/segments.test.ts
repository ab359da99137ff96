import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines, readLinesBackward, segmentDate, segmentName } from './segments.js';
import { useTempDirs } from './test-support/temp-dir.js';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('segment files', () => {
  const tempDir = useTempDirs();

  it('names a segment by its UTC date and reads the date back', () => {
    expect(segmentName('2025-03-01')).toBe('audit-2025-03-01.jsonl');
    expect(segmentDate('audit-2025-03-01.jsonl')).toBe('2025-03-01');
    expect(segmentDate('audit-2025-03-01.jsonl.torn-4')).toBeUndefined();
  });

  it.each([
    { name: 'terminated lines', text: 'a\nbb\n', lines: ['a', 'bb'], lastTerminated: true },
    { name: 'a torn last line', text: 'a\nbb', lines: ['a', 'bb'], lastTerminated: false },
    { name: 'empty lines', text: '\n\nx\n', lines: ['', '', 'x'], lastTerminated: true },
    { name: 'a stray carriage return', text: 'a\rb\n', lines: ['a\rb'], lastTerminated: true },
    { name: 'an empty file', text: '', lines: [], lastTerminated: true },
  ])('reads $name forwards and backwards alike', async ({ text, lines, lastTerminated }) => {
    const path = join(await tempDir(), 'f');
    await writeFile(path, text);
    const forward = await collect(readLines(path));
    expect(forward.map((l) => l.bytes.toString())).toEqual(lines);
    expect(forward.at(-1)?.terminated ?? true).toBe(lastTerminated);
    const backward = await collect(readLinesBackward(path, { chunkSize: 1 }));
    expect(backward.map((l) => l.bytes.toString()).reverse()).toEqual(lines);
    expect(backward.map((l) => l.start).reverse()).toEqual(forward.map((l) => l.start));
    expect(backward[0]?.terminated ?? true).toBe(lastTerminated);
  });

  it('splits lines across read chunks and reports byte offsets', async () => {
    const path = join(await tempDir(), 'f');
    const lines = Array.from({ length: 500 }, (_, i) => 'x'.repeat(i * 7));
    await writeFile(path, `${lines.join('\n')}\n`);
    const forward = await collect(readLines(path));
    expect(forward.map((l) => l.bytes.toString())).toEqual(lines);
    const backward = await collect(readLinesBackward(path, { chunkSize: 1000 }));
    expect(backward.map((l) => l.bytes.toString()).reverse()).toEqual(lines);
    const tail = await collect(readLines(path, forward[400]!.start));
    expect(tail[0]!.bytes.toString()).toBe(lines[400]);
  });
});
