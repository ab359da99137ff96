import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { StoredAuditRecord } from './chain.js';
import { readAuditRecords, tailAuditLog } from './query.js';
import { createFileAuditLog } from './segment-writer.js';
import { fakeClock, useTempDirs } from './test-support/temp-dir.js';

async function collect(iterable: AsyncIterable<StoredAuditRecord>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of iterable) out.push(r.n);
  return out;
}

describe('readAuditRecords', () => {
  const tempDir = useTempDirs();

  it('yields records in a time range that match a filter', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T00:00:00Z');
    const log = await createFileAuditLog({ dir, now: clock.now });
    for (let n = 0; n < 12; n++) {
      log.append({ n, status: n % 3 === 0 ? 400 : 200 });
      clock.advance(6 * 3_600_000);
    }
    await log.close();
    expect(await collect(readAuditRecords(dir))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const from = new Date('2025-01-01T12:00:00Z');
    const to = new Date('2025-01-03T00:00:00Z');
    expect(await collect(readAuditRecords(dir, { from, to }))).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await collect(readAuditRecords(dir, { from, filter: (r) => r.status === 400 }))).toEqual([
      3, 6, 9,
    ]);
  });

  it('skips a torn last line', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, now: fakeClock('2025-01-01T00:00:00Z').now });
    log.append({ n: 1 });
    await log.close();
    await appendFile(join(dir, 'audit-2025-01-01.jsonl'), '{"n":2');
    expect(await collect(readAuditRecords(dir))).toEqual([1]);
  });
});

describe('tailAuditLog', () => {
  const tempDir = useTempDirs();

  it('yields the last records, across segments', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T00:00:00Z');
    const log = await createFileAuditLog({ dir, now: clock.now });
    for (let n = 0; n < 5; n++) {
      log.append({ n });
      clock.advance(12 * 3_600_000);
    }
    await log.close();
    expect(await collect(tailAuditLog(dir, { lines: 3 }))).toEqual([2, 3, 4]);
    expect(await collect(tailAuditLog(dir, { lines: 100 }))).toEqual([0, 1, 2, 3, 4]);
    expect(await collect(tailAuditLog(dir, { lines: 0 }))).toEqual([]);
  });

  it('follows new records, into a new segment, until aborted', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T22:00:00Z');
    const log = await createFileAuditLog({ dir, now: clock.now });
    log.append({ n: 0 });
    await log.flush();

    const controller = new AbortController();
    const seen: unknown[] = [];
    const tail = tailAuditLog(dir, { lines: 1, follow: true, signal: controller.signal, pollIntervalMs: 5 });
    const done = (async () => {
      for await (const record of tail) {
        seen.push(record.n);
        if (seen.length === 4) controller.abort();
      }
    })();
    const waitFor = (count: number) => vi.waitFor(() => expect(seen).toHaveLength(count));
    await waitFor(1);
    log.append({ n: 1 });
    await log.flush();
    await waitFor(2);
    clock.advance(4 * 3_600_000);
    log.append({ n: 2 });
    log.append({ n: 3 });
    await log.flush();
    await done;
    await log.close();
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('waits for a line still being written', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, now: fakeClock('2025-01-01T00:00:00Z').now });
    log.append({ n: 0 });
    await log.close();
    const segment = join(dir, 'audit-2025-01-01.jsonl');
    const whole = await readFile(segment, 'utf8');
    const line = whole.trimEnd();
    await writeFile(segment, line.slice(0, 10));

    const controller = new AbortController();
    const seen: unknown[] = [];
    const done = (async () => {
      for await (const record of tailAuditLog(dir, {
        follow: true,
        signal: controller.signal,
        pollIntervalMs: 5,
      })) {
        seen.push(record.n);
        controller.abort();
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    await appendFile(segment, `${line.slice(10)}\n`);
    await done;
    expect(seen).toEqual([0]);
  });
});
