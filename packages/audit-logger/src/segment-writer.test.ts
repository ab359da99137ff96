import { appendFile, mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { ChainBuilder, computeRecordHash, GENESIS_HASH } from './chain.js';
import { HEAD_FILE, readHeadAnchor } from './head-anchor.js';
import { readAuditRecords } from './query.js';
import type { AuditFileSystem } from './segment-writer.js';
import { createFileAuditLog, nodeFileSystem } from './segment-writer.js';
import { fakeClock, useTempDirs } from './test-support/temp-dir.js';
import { verifyAuditLog } from './verify.js';

async function records(dir: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of readAuditRecords(dir)) out.push(r);
  return out;
}

function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/** The real file system, with every write and fsync logged and writes failing while `failing()` says so. */
function loggingFs(events: string[], failing: () => boolean = () => false): AuditFileSystem {
  return {
    async open(path, flags) {
      const handle = await nodeFileSystem.open(path, flags);
      const name = basename(path);
      return {
        async write(buffer, offset, length) {
          if (failing()) throw enospc();
          events.push(`write ${name}`);
          return handle.write(buffer, offset, length);
        },
        async sync() {
          events.push(`sync ${name}`);
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
  };
}

describe('createFileAuditLog', () => {
  const tempDir = useTempDirs();

  it('writes appended records as a verifiable chain, in call order', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, now: fakeClock('2025-01-01T10:00:00Z').now });
    expect([
      log.append({ request_id: 'a' }),
      log.append({ request_id: 'b' }),
      log.append({ request_id: 'c' }),
    ]).toEqual([1, 2, 3]);
    await log.close();
    expect((await readdir(dir)).sort()).toEqual(['audit-2025-01-01.jsonl', 'head.json']);
    expect((await records(dir)).map((r) => [r.seq, r.request_id])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, segments: 1 });
  });

  it('starts a new segment at UTC midnight and chains across it', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T23:59:59Z');
    const log = await createFileAuditLog({ dir, now: clock.now });
    log.append({ n: 1 });
    clock.advance(2000);
    log.append({ n: 2 });
    clock.advance(86_400_000);
    log.append({ n: 3 });
    await log.close();
    expect((await readdir(dir)).sort()).toEqual([
      'audit-2025-01-01.jsonl',
      'audit-2025-01-02.jsonl',
      'audit-2025-01-03.jsonl',
      'head.json',
    ]);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, segments: 3 });
  });

  it('continues the chain after a restart', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T10:00:00Z');
    const first = await createFileAuditLog({ dir, now: clock.now });
    first.append({ n: 1 });
    first.append({ n: 2 });
    await first.close();
    clock.advance(86_400_000);
    const second = await createFileAuditLog({ dir, now: clock.now });
    expect(second.append({ n: 3 })).toBe(3);
    await second.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, segments: 2, head: { seq: 3 } });
  });

  it('keeps ts and segments in order when the clock steps back', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-02T00:00:01Z');
    const log = await createFileAuditLog({ dir, now: clock.now });
    log.append({ n: 1 });
    clock.set('2025-01-01T23:59:00Z');
    log.append({ n: 2 });
    await log.close();
    expect((await readdir(dir)).filter((f) => f.endsWith('.jsonl'))).toEqual(['audit-2025-01-02.jsonl']);
    expect((await records(dir)).map((r) => r.ts)).toEqual([
      '2025-01-02T00:00:01.000Z',
      '2025-01-02T00:00:01.000Z',
    ]);
  });

  it('rejects a record that is not plain JSON and spends no seq on it', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir });
    expect(() => log.append({ latency_ms: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'invalid_record' }),
    );
    expect(() => log.append({ seq: 9 })).toThrow('"seq" is reserved');
    expect(log.append({ ok: true })).toBe(1);
    await log.close();
    expect(() => log.append({})).toThrow(expect.objectContaining({ code: 'closed' }));
    await expect(log.close()).resolves.toBeUndefined();
  });

  it('writes 20 000 appends made in one go, all present, in order', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T10:00:00Z');
    const log = await createFileAuditLog({ dir, now: clock.now, fsync: 'never' });
    const seqs: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      seqs.push(log.append({ i, model: 'llama3.3', text: 'x'.repeat(i % 50) }));
      if (i % 5000 === 4999) clock.advance(6 * 3_600_000);
    }
    expect(seqs).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    await log.close();
    const written = await records(dir);
    expect(written.map((r) => r.i)).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 20_000, segments: 2 });
  });

  it('orders appends made while earlier batches are being written', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, fsync: 'always' });
    const flushes: Promise<void>[] = [];
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 20; i++) log.append({ round, i });
      flushes.push(log.flush());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(flushes);
    await log.close();
    expect((await records(dir)).map((r) => Number(r.round) * 20 + Number(r.i))).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
    expect((await verifyAuditLog(dir)).ok).toBe(true);
  });
});

describe('torn tail recovery', () => {
  const tempDir = useTempDirs();

  async function logWith(dir: string, count: number): Promise<void> {
    const log = await createFileAuditLog({ dir, now: fakeClock('2025-01-01T10:00:00Z').now });
    for (let i = 0; i < count; i++) log.append({ i });
    await log.close();
  }

  it('moves a line cut short aside, notes it in the next record, and verifies again', async () => {
    const dir = await tempDir();
    await logWith(dir, 3);
    const segment = join(dir, 'audit-2025-01-01.jsonl');
    const whole = await readFile(segment);
    await appendFile(segment, '{"i":3,"prev":"ab');
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'torn_line',
      line: 4,
      expectedSeq: 4,
    });

    const log = await createFileAuditLog({ dir, now: fakeClock('2025-01-01T11:00:00Z').now });
    expect(log.recoveredTornTail).toMatchObject({
      segment: 'audit-2025-01-01.jsonl',
      file: 'audit-2025-01-01.jsonl.torn-3',
      bytes: 17,
    });
    // The torn line lies past the head (seq 3), so no record is missing.
    expect(log.headRecovery).toBeUndefined();
    expect(await readFile(segment)).toEqual(whole);
    expect(await readFile(join(dir, 'audit-2025-01-01.jsonl.torn-3'), 'utf8')).toBe('{"i":3,"prev":"ab');
    log.append({ i: 'after' });
    log.append({ i: 'later' });
    await log.close();

    const result = await verifyAuditLog(dir);
    expect(result).toMatchObject({ ok: true, records: 5, tornFiles: ['audit-2025-01-01.jsonl.torn-3'] });
    expect(result.recoveries).toEqual([{ ...log.recoveredTornTail, seq: 4 }]);
    const written = await records(dir);
    expect(written[3]?.recovered_torn_tail).toEqual(log.recoveredTornTail);
    expect(written[4]?.recovered_torn_tail).toBeUndefined();
  });

  it('treats whole but unparsable trailing lines (zeros after a crash) as torn too', async () => {
    const dir = await tempDir();
    await logWith(dir, 2);
    await appendFile(join(dir, 'audit-2025-01-01.jsonl'), '\0\0\0\0\n{not json}\n');
    const log = await createFileAuditLog({ dir });
    expect(log.recoveredTornTail).toMatchObject({ file: 'audit-2025-01-01.jsonl.torn-2', bytes: 16 });
    expect(log.append({ i: 2 })).toBe(3);
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3 });
  });

  it('finds the head in an older segment when the newest holds only torn bytes', async () => {
    const dir = await tempDir();
    await logWith(dir, 2);
    await writeFile(join(dir, 'audit-2025-01-02.jsonl'), '{"seq":3');
    const log = await createFileAuditLog({ dir, now: fakeClock('2025-01-02T08:00:00Z').now });
    expect(log.recoveredTornTail?.file).toBe('audit-2025-01-02.jsonl.torn-2');
    expect(log.append({ i: 2 })).toBe(3);
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, segments: 2 });
  });

  it('does not overwrite an earlier torn file of the same name', async () => {
    const dir = await tempDir();
    await logWith(dir, 1);
    const segment = join(dir, 'audit-2025-01-01.jsonl');
    await appendFile(segment, 'first');
    await (await createFileAuditLog({ dir })).close();
    await appendFile(segment, 'second');
    const log = await createFileAuditLog({ dir });
    await log.close();
    expect(log.recoveredTornTail?.file).toBe('audit-2025-01-01.jsonl.torn-1-2');
    expect(await readFile(join(dir, 'audit-2025-01-01.jsonl.torn-1'), 'utf8')).toBe('first');
  });
});

describe('fsync modes', () => {
  const tempDir = useTempDirs();

  it('always: fsyncs each batch before flush resolves', async () => {
    const dir = await tempDir();
    const events: string[] = [];
    const now = fakeClock('2025-01-01T10:00:00Z').now;
    const log = await createFileAuditLog({ dir, fsync: 'always', now, fileSystem: loggingFs(events) });
    log.append({ n: 1 });
    log.append({ n: 2 });
    await log.flush();
    const segment = 'sync audit-2025-01-01.jsonl';
    expect(events.filter((e) => !e.endsWith(basename(dir)))).toEqual([
      segment.replace('sync', 'write'),
      segment,
    ]);
    log.append({ n: 3 });
    await log.flush();
    expect(events.at(-1)).toBe(segment);
    await log.close();
  });

  it('interval: flush does not wait for fsync; the timer and close do it', async () => {
    const dir = await tempDir();
    const events: string[] = [];
    const log = await createFileAuditLog({
      dir,
      fsync: 'interval',
      fsyncIntervalMs: 3_600_000,
      fileSystem: loggingFs(events),
    });
    log.append({ n: 1 });
    await log.flush();
    expect(events.filter((e) => e.startsWith('sync audit-'))).toEqual([]);
    await log.close();
    expect(events.filter((e) => e.startsWith('sync audit-'))).toHaveLength(1);

    const events2: string[] = [];
    const ticking = await createFileAuditLog({
      dir,
      fsync: 'interval',
      fsyncIntervalMs: 5,
      fileSystem: loggingFs(events2),
    });
    ticking.append({ n: 2 });
    await ticking.flush();
    await vi.waitFor(() => expect(events2.filter((e) => e.startsWith('sync audit-'))).toHaveLength(1));
    await ticking.close();
  });

  it('never: leaves fsync to the OS, even on close', async () => {
    const dir = await tempDir();
    const events: string[] = [];
    const log = await createFileAuditLog({ dir, fsync: 'never', fileSystem: loggingFs(events) });
    log.append({ n: 1 });
    await log.close();
    expect(events.filter((e) => e.startsWith('sync'))).toEqual([]);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 1 });
  });
});

describe('write failures', () => {
  const tempDir = useTempDirs();

  it('goes unhealthy when the segment path is a directory, keeps records and writes them on a later flush', async () => {
    const dir = await tempDir();
    const onFailure = vi.fn();
    const onRecover = vi.fn();
    const log = await createFileAuditLog({
      dir,
      now: fakeClock('2025-01-01T10:00:00Z').now,
      onFailure,
      onRecover,
      retryIntervalMs: 0,
    });
    expect(log.healthy()).toBe(true);
    await mkdir(join(dir, 'audit-2025-01-01.jsonl'));
    log.append({ n: 1 });
    await expect(log.flush()).rejects.toMatchObject({ code: 'write_failed' });
    expect(log.healthy()).toBe(false);
    expect(log.lastError).toMatchObject({ code: 'EISDIR' });
    expect(onFailure).toHaveBeenCalledTimes(1);

    log.append({ n: 2 });
    await expect(log.flush()).rejects.toMatchObject({ code: 'write_failed' });
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(log.stats()).toMatchObject({ appendedSeq: 2, writtenSeq: 0, pendingRecords: 2 });

    await rmdir(join(dir, 'audit-2025-01-01.jsonl'));
    await log.flush();
    expect(log.healthy()).toBe(true);
    expect(onRecover).toHaveBeenCalledTimes(1);
    await log.close();
    expect((await records(dir)).map((r) => r.n)).toEqual([1, 2]);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 2 });
  });

  it('retries on its own after retryIntervalMs', async () => {
    const dir = await tempDir();
    let failing = true;
    const log = await createFileAuditLog({
      dir,
      fileSystem: loggingFs([], () => failing),
      retryIntervalMs: 5,
    });
    log.append({ n: 1 });
    await expect(log.flush()).rejects.toThrow('ENOSPC');
    failing = false;
    await vi.waitFor(() => expect(log.healthy()).toBe(true));
    expect(log.stats().writtenSeq).toBe(1);
    await log.close();
  });

  it('continues a write that stopped part-way without repeating bytes', async () => {
    const dir = await tempDir();
    let calls = 0;
    const fileSystem: AuditFileSystem = {
      async open(path, flags) {
        const handle = await nodeFileSystem.open(path, flags);
        return {
          async write(buffer, offset, length) {
            calls += 1;
            // First call lands half the batch, the second fails, the rest succeed.
            if (calls === 1) return handle.write(buffer, offset, Math.floor(length / 2));
            if (calls === 2) throw enospc();
            return handle.write(buffer, offset, length);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const log = await createFileAuditLog({ dir, fileSystem, retryIntervalMs: 0 });
    for (let i = 0; i < 10; i++) log.append({ i });
    await expect(log.flush()).rejects.toThrow('ENOSPC');
    await log.flush();
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 10 });
  });

  it('marks a batch written when its fsync fails, and reports the failure', async () => {
    const dir = await tempDir();
    let syncFails = true;
    const fileSystem: AuditFileSystem = {
      async open(path, flags) {
        const handle = await nodeFileSystem.open(path, flags);
        return {
          write: (buffer, offset, length) => handle.write(buffer, offset, length),
          async sync() {
            if (syncFails && flags === 'a')
              throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
            await handle.sync();
          },
          close: () => handle.close(),
        };
      },
    };
    const log = await createFileAuditLog({ dir, fsync: 'always', fileSystem, retryIntervalMs: 0 });
    log.append({ n: 1 });
    await expect(log.flush()).rejects.toThrow('EIO');
    expect(log.healthy()).toBe(false);
    expect(log.stats()).toMatchObject({ writtenSeq: 1, pendingRecords: 0 });
    syncFails = false;
    log.append({ n: 2 });
    await log.flush();
    expect(log.healthy()).toBe(true);
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 2 });
  });

  it('refuses appends beyond maxPendingRecords without spending seqs, and loses none it accepted', async () => {
    const dir = await tempDir();
    let failing = true;
    const log = await createFileAuditLog({
      dir,
      fileSystem: loggingFs([], () => failing),
      maxPendingRecords: 3,
      retryIntervalMs: 0,
    });
    for (let i = 0; i < 3; i++) log.append({ i });
    await expect(log.flush()).rejects.toThrow('ENOSPC');
    expect(() => log.append({ i: 3 })).toThrow(expect.objectContaining({ code: 'overflow' }));
    expect(() => log.append({ i: 4 })).toThrow('3 records');
    expect(log.stats()).toMatchObject({ rejectedRecords: 2, pendingRecords: 3, appendedSeq: 3 });
    failing = false;
    await log.flush();
    expect(log.append({ i: 5 })).toBe(4);
    await log.close();
    expect((await records(dir)).map((r) => r.i)).toEqual([0, 1, 2, 5]);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 4 });
  });

  it('rejects close naming the records it could not write', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, fileSystem: loggingFs([], () => true), retryIntervalMs: 0 });
    log.append({ n: 1 });
    log.append({ n: 2 });
    await expect(log.close()).rejects.toThrow('closed with 2 records not written');
  });
});

describe('head.json', () => {
  const tempDir = useTempDirs();
  const SEGMENT = 'audit-2025-01-01.jsonl';
  const headSeq = async (dir: string) => (await readHeadAnchor(dir))?.seq;
  const now = fakeClock('2025-01-01T10:00:00Z').now;

  async function logWith(dir: string, count: number): Promise<void> {
    const log = await createFileAuditLog({ dir, now });
    for (let i = 0; i < count; i++) log.append({ i });
    await log.close();
  }

  async function keepLines(dir: string, count: number): Promise<void> {
    const lines = (await readFile(join(dir, SEGMENT), 'utf8')).split('\n').slice(0, count);
    await writeFile(join(dir, SEGMENT), lines.map((l) => `${l}\n`).join(''));
  }

  it('always: is written at start, after each flush and on close, naming the newest record', async () => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, fsync: 'always', now });
    expect(await readHeadAnchor(dir)).toMatchObject({ seq: 0, hash: GENESIS_HASH, segment: null });
    log.append({ n: 1 });
    log.append({ n: 2 });
    await log.flush();
    const written = await records(dir);
    expect(await readHeadAnchor(dir)).toMatchObject({ seq: 2, hash: written[1]?.hash, segment: SEGMENT });
    log.append({ n: 3 });
    await log.close();
    expect(await headSeq(dir)).toBe(3);
  });

  it.each(['interval', 'never'] as const)('%s: follows the timer and close, not flush', async (fsync) => {
    const dir = await tempDir();
    const log = await createFileAuditLog({ dir, fsync, fsyncIntervalMs: 3_600_000 });
    log.append({ n: 1 });
    await log.flush();
    expect(await headSeq(dir)).toBe(0);
    await log.close();
    expect(await headSeq(dir)).toBe(1);

    const ticking = await createFileAuditLog({ dir, fsync, fsyncIntervalMs: 5 });
    ticking.append({ n: 2 });
    await ticking.flush();
    await vi.waitFor(async () => expect(await headSeq(dir)).toBe(2));
    await ticking.close();
  });

  it('marks every record it writes head_anchored', async () => {
    const dir = await tempDir();
    await logWith(dir, 3);
    expect((await records(dir)).map((r) => r.head_anchored)).toEqual([true, true, true]);
  });

  it('notes the newest records missing when it reopens a log cut short, keeping the old head until the note is on disk', async () => {
    const dir = await tempDir();
    await logWith(dir, 4);
    await keepLines(dir, 2);

    const idle = await createFileAuditLog({ dir, now });
    expect(idle.headRecovery).toEqual({
      problem: 'records_missing',
      head_seq: 4,
      head_hash: expect.any(String),
    });
    await idle.close();
    // A restart that wrote nothing leaves the evidence where it was.
    expect(await headSeq(dir)).toBe(4);

    const log = await createFileAuditLog({ dir, now });
    expect(log.headRecovery?.problem).toBe('records_missing');
    expect(log.append({ i: 'after' })).toBe(3);
    await log.close();
    expect(await headSeq(dir)).toBe(3);
    expect((await records(dir))[2]?.head_recovery).toEqual(log.headRecovery);
    expect((await verifyAuditLog(dir)).firstBreak).toEqual({
      reason: 'truncated',
      seq: 3,
      expectedSeq: 3,
      segment: SEGMENT,
      line: 3,
      message:
        'when a writer reopened the log before record 3, the newest 2 records were missing: ' +
        'head.json said seq 4, the log ended at seq 2; record 3 notes it',
    });
  });

  it('notes a record at or below the head cut short, though torn tail recovery keeps its bytes', async () => {
    const dir = await tempDir();
    await logWith(dir, 3);
    const bytes = await readFile(join(dir, SEGMENT));
    await writeFile(join(dir, SEGMENT), bytes.subarray(0, bytes.length - 10));
    const log = await createFileAuditLog({ dir, now });
    expect(log.recoveredTornTail?.file).toBe(`${SEGMENT}.torn-2`);
    expect(log.headRecovery).toMatchObject({ problem: 'records_missing', head_seq: 3 });
    await log.close();
  });

  it('notes a head.json deleted from a log whose records say it kept one', async () => {
    const dir = await tempDir();
    await logWith(dir, 3);
    await keepLines(dir, 1);
    await rm(join(dir, HEAD_FILE));
    const log = await createFileAuditLog({ dir, now });
    expect(log.headRecovery).toEqual({ problem: 'head_missing', head_seq: null, head_hash: null });
    log.append({ i: 'after' });
    await log.close();
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({ reason: 'head_missing', seq: 2 });
  });

  it('keeps a copy of an unreadable head.json and notes it', async () => {
    const dir = await tempDir();
    await logWith(dir, 2);
    await writeFile(join(dir, HEAD_FILE), '{"seq": 99');
    const log = await createFileAuditLog({ dir, now });
    expect(log.headRecovery).toEqual({
      problem: 'head_mismatch',
      head_seq: null,
      head_hash: null,
      file: 'head.json.invalid-2',
    });
    expect(await readFile(join(dir, 'head.json.invalid-2'), 'utf8')).toBe('{"seq": 99');
    log.append({ i: 'after' });
    await log.close();
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'head_mismatch',
      seq: 3,
      message: expect.stringContaining('was unreadable or forged (kept as head.json.invalid-2)'),
    });
  });

  it('notes the newest record replaced when the record head.json names carries another hash', async () => {
    const dir = await tempDir();
    await logWith(dir, 2);
    const lines = (await readFile(join(dir, SEGMENT), 'utf8')).split('\n');
    const record = JSON.parse(lines[1]!) as Record<string, unknown>;
    record.i = 'edited';
    record.hash = computeRecordHash(record);
    lines[1] = canonicalJson(record);
    await writeFile(join(dir, SEGMENT), lines.join('\n'));
    const log = await createFileAuditLog({ dir, now });
    expect(log.headRecovery).toMatchObject({ problem: 'head_mismatch', head_seq: 2 });
    await log.close();
  });

  it('starts a head.json for a log written before there was one, without a note', async () => {
    const dir = await tempDir();
    const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0);
    const t = Date.parse('2025-01-01T08:00:00Z');
    const old = [chain.next({ i: 0 }, t).line, chain.next({ i: 1 }, t).line];
    await writeFile(join(dir, SEGMENT), old.map((l) => `${l}\n`).join(''));
    const log = await createFileAuditLog({ dir, now });
    expect(log.headRecovery).toBeUndefined();
    expect(await headSeq(dir)).toBe(2);
    log.append({ i: 2 });
    await log.close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, warnings: [] });
  });

  it('goes unhealthy while head.json cannot be written, and recovers once it can', async () => {
    const dir = await tempDir();
    const onFailure = vi.fn();
    const onRecover = vi.fn();
    const log = await createFileAuditLog({ dir, fsync: 'always', retryIntervalMs: 0, onFailure, onRecover });
    await mkdir(join(dir, `${HEAD_FILE}.tmp`));
    log.append({ n: 1 });
    await expect(log.flush()).rejects.toThrow(
      'audit records were written but head.json could not be updated',
    );
    expect(log.healthy()).toBe(false);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(await headSeq(dir)).toBe(0);

    await rmdir(join(dir, `${HEAD_FILE}.tmp`));
    await log.flush();
    expect(log.healthy()).toBe(true);
    expect(onRecover).toHaveBeenCalledTimes(1);
    expect(await headSeq(dir)).toBe(1);
    await log.close();
  });
});
