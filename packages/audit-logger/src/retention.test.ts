import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_FILE } from './checkpoint.js';
import { HEAD_FILE } from './head-anchor.js';
import { applyRetention, startRetentionSchedule } from './retention.js';
import { createFileAuditLog } from './segment-writer.js';
import type { FakeClock } from './test-support/temp-dir.js';
import { fakeClock, useTempDirs } from './test-support/temp-dir.js';
import { verifyAuditLog } from './verify.js';

const KEY = 'an-hmac-key-of-at-least-32-characters';

/** Writes 3 records a day for `days` days from 2025-01-01; returns the clock, left on the last day. */
async function writeDays(dir: string, days: number, hmacKey?: string): Promise<FakeClock> {
  const clock = fakeClock('2025-01-01T09:00:00Z');
  const log = await createFileAuditLog({
    dir,
    now: clock.now,
    fsync: 'never',
    ...(hmacKey ? { hmacKey } : {}),
  });
  for (let d = 0; d < days; d++) {
    if (d > 0) clock.advance(86_400_000);
    for (let i = 0; i < 3; i++) log.append({ day: d + 1, i });
  }
  await log.close();
  return clock;
}

const at = (iso: string) => () => new Date(iso);

describe('applyRetention', () => {
  const tempDir = useTempDirs();

  it('removes segments older than retention_days and leaves a chain that verifies from the checkpoint', async () => {
    const dir = await tempDir();
    await writeDays(dir, 10);
    const result = await applyRetention(dir, { retentionDays: 3, now: at('2025-01-10T12:00:00Z') });
    expect(result.removed).toEqual([1, 2, 3, 4, 5, 6].map((d) => `audit-2025-01-0${d}.jsonl`));
    expect(result.checkpoint).toMatchObject({ version: 1, seq: 18 });
    expect(result.checkpoint?.removed[0]).toEqual({
      segment: 'audit-2025-01-01.jsonl',
      records: 3,
      first_seq: 1,
      last_seq: 3,
    });
    expect((await readdir(dir)).sort()).toEqual([
      'audit-2025-01-07.jsonl',
      'audit-2025-01-08.jsonl',
      'audit-2025-01-09.jsonl',
      'audit-2025-01-10.jsonl',
      CHECKPOINT_FILE,
      HEAD_FILE,
    ]);
    expect(await verifyAuditLog(dir)).toMatchObject({
      ok: true,
      records: 12,
      segments: 4,
      checkpoint: { seq: 18, removedSegments: 6, removedRecords: 18 },
    });
  });

  it('extends the checkpoint on later runs', async () => {
    const dir = await tempDir();
    await writeDays(dir, 10);
    await applyRetention(dir, { retentionDays: 3, now: at('2025-01-10T12:00:00Z') });
    const second = await applyRetention(dir, { retentionDays: 3, now: at('2025-01-12T00:00:00Z') });
    expect(second.removed).toEqual(['audit-2025-01-07.jsonl', 'audit-2025-01-08.jsonl']);
    expect(second.checkpoint?.removed).toHaveLength(8);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 6, checkpoint: { seq: 24 } });
    expect(await applyRetention(dir, { retentionDays: 3, now: at('2025-01-12T00:00:00Z') })).toMatchObject({
      removed: [],
    });
  });

  it('never removes the newest segment, which the writer appends to', async () => {
    const dir = await tempDir();
    await writeDays(dir, 2);
    const result = await applyRetention(dir, { retentionDays: 1, now: at('2026-01-01T00:00:00Z') });
    expect(result.removed).toEqual(['audit-2025-01-01.jsonl']);
    expect(await readdir(dir)).toContain('audit-2025-01-02.jsonl');
  });

  it('lets a running writer go on across a retention run', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T09:00:00Z');
    const log = await createFileAuditLog({ dir, now: clock.now });
    for (let d = 0; d < 5; d++) {
      log.append({ d });
      clock.advance(86_400_000);
    }
    await log.flush();
    await applyRetention(dir, { retentionDays: 2, now: clock.now });
    log.append({ d: 5 });
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, checkpoint: { seq: 3 } });
  });

  it('lets a writer resume from the checkpoint when no segment remains, noting the records that went', async () => {
    const dir = await tempDir();
    await writeDays(dir, 3);
    await applyRetention(dir, { retentionDays: 1, now: at('2025-01-10T00:00:00Z') });
    // Retention never removes the newest segment, so here it was deleted by hand.
    for (const name of await readdir(dir)) if (name.endsWith('.jsonl')) await rm(join(dir, name));
    const log = await createFileAuditLog({ dir, now: at('2025-01-11T00:00:00Z') });
    expect(log.headRecovery).toMatchObject({ problem: 'records_missing', head_seq: 9 });
    expect(log.append({ again: true })).toBe(7);
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({
      ok: false,
      records: 1,
      firstBreak: {
        reason: 'truncated',
        seq: 7,
        message: expect.stringContaining('the newest 3 records were'),
      },
    });
  });

  it('keeps the checkpoint saying the log keeps head.json once the records saying so are gone', async () => {
    const dir = await tempDir();
    await writeDays(dir, 3);
    const { checkpoint } = await applyRetention(dir, { retentionDays: 1, now: at('2025-01-10T00:00:00Z') });
    expect(checkpoint).toMatchObject({ seq: 6, head_anchored: true });
    for (const name of await readdir(dir)) {
      if (name.endsWith('.jsonl') || name === HEAD_FILE) await rm(join(dir, name));
    }
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'head_missing',
      message: expect.stringContaining('checkpoint.json says'),
    });
    const log = await createFileAuditLog({ dir, now: at('2025-01-11T00:00:00Z') });
    expect(log.headRecovery).toMatchObject({ problem: 'head_missing' });
    await log.close();
  });

  it('seals the checkpoint so an edit to it fails verification', async () => {
    const dir = await tempDir();
    await writeDays(dir, 4, KEY);
    await applyRetention(dir, { retentionDays: 1, now: at('2025-01-04T12:00:00Z'), hmacKey: KEY });
    expect(await verifyAuditLog(dir, { hmacKey: KEY })).toMatchObject({ ok: true, records: 6 });
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({ reason: 'checkpoint_mismatch' });

    const path = join(dir, CHECKPOINT_FILE);
    const checkpoint = JSON.parse(await readFile(path, 'utf8')) as { seq: number };
    checkpoint.seq += 1;
    await writeFile(path, JSON.stringify(checkpoint));
    expect((await verifyAuditLog(dir, { hmacKey: KEY })).firstBreak).toMatchObject({
      reason: 'checkpoint_mismatch',
      segment: CHECKPOINT_FILE,
    });
  });

  it('reports a remaining segment that does not follow the checkpoint', async () => {
    const dir = await tempDir();
    await writeDays(dir, 4);
    await applyRetention(dir, { retentionDays: 2, now: at('2025-01-04T12:00:00Z') });
    await rm(join(dir, 'audit-2025-01-02.jsonl'));
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'checkpoint_mismatch',
      seq: 7,
      expectedSeq: 4,
      segment: 'audit-2025-01-03.jsonl',
    });
  });

  it('refuses to delete segments that do not verify, and deletes nothing', async () => {
    const dir = await tempDir();
    await writeDays(dir, 4);
    const path = join(dir, 'audit-2025-01-02.jsonl');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"i":1', '"i":7'));
    await expect(
      applyRetention(dir, { retentionDays: 1, now: at('2025-01-04T12:00:00Z') }),
    ).rejects.toMatchObject({
      code: 'retention_refused',
      message: expect.stringContaining('audit-2025-01-02.jsonl: line 2 does not verify'),
    });
    expect(await readdir(dir)).toHaveLength(4 + 1); // and head.json
  });

  it('finishes a run interrupted between checkpoint and deletion', async () => {
    const dir = await tempDir();
    await writeDays(dir, 3);
    await copyFile(join(dir, 'audit-2025-01-01.jsonl'), join(dir, 'saved'));
    await applyRetention(dir, { retentionDays: 1, now: at('2025-01-03T12:00:00Z') });
    await copyFile(join(dir, 'saved'), join(dir, 'audit-2025-01-01.jsonl'));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, pendingRemoval: ['audit-2025-01-01.jsonl'] });
    const result = await applyRetention(dir, { retentionDays: 1, now: at('2025-01-03T12:00:00Z') });
    expect(result.removed).toEqual(['audit-2025-01-01.jsonl']);
    expect(result.checkpoint?.removed).toHaveLength(1);
  });

  it('removes the torn files of removed segments', async () => {
    const dir = await tempDir();
    await writeDays(dir, 2);
    await writeFile(join(dir, 'audit-2025-01-01.jsonl.torn-3'), 'x');
    await applyRetention(dir, { retentionDays: 1, now: at('2025-01-05T00:00:00Z') });
    expect(await readdir(dir)).not.toContain('audit-2025-01-01.jsonl.torn-3');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects retention_days %s', async (retentionDays) => {
    await expect(applyRetention(await tempDir(), { retentionDays })).rejects.toMatchObject({
      code: 'config',
    });
  });
});

describe('startRetentionSchedule', () => {
  const tempDir = useTempDirs();

  it('runs at once and then every interval until stopped', async () => {
    const dir = await tempDir();
    await writeDays(dir, 3);
    const onResult = vi.fn();
    const stop = startRetentionSchedule({
      dir,
      retentionDays: 1,
      intervalMs: 5,
      now: at('2025-01-03T12:00:00Z'),
      onResult,
    });
    await vi.waitFor(() => expect(onResult.mock.calls.length).toBeGreaterThanOrEqual(2));
    await stop();
    const calls = onResult.mock.calls.length;
    expect(onResult.mock.calls[0]?.[0]).toMatchObject({ removed: ['audit-2025-01-01.jsonl'] });
    expect(onResult.mock.calls[1]?.[0]).toMatchObject({ removed: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onResult.mock.calls.length).toBe(calls);
  });

  it('hands a failed run to onError', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, CHECKPOINT_FILE), 'not json');
    const onError = vi.fn();
    const stop = startRetentionSchedule({ dir, retentionDays: 1, intervalMs: 60_000, onError });
    await vi.waitFor(() =>
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'checkpoint' })),
    );
    await stop();
  });
});
