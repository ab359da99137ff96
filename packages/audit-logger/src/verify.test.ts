import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { ChainBuilder, computeRecordHash, GENESIS_HASH, utcDate } from './chain.js';
import { HEAD_FILE, readHeadAnchor, sealHeadAnchor, writeHeadAnchor } from './head-anchor.js';
import { applyRetention } from './retention.js';
import { createFileAuditLog } from './segment-writer.js';
import { fakeClock, useTempDirs } from './test-support/temp-dir.js';
import { verifyAuditLog } from './verify.js';

const KEY = 'an-hmac-key-of-at-least-32-characters';

/** Writes `perDay` records on each of `days` days (2025-01-01 on) with the real writer. */
async function writeLog(dir: string, days: number, perDay: number, hmacKey?: string): Promise<void> {
  const clock = fakeClock('2025-01-01T08:00:00Z');
  const log = await createFileAuditLog({
    dir,
    now: clock.now,
    fsync: 'never',
    ...(hmacKey ? { hmacKey } : {}),
  });
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      log.append({ request_id: `req-${d}-${i}`, status: 200, usage: { total_tokens: i } });
      clock.advance(60_000);
    }
    clock.advance(86_400_000 - perDay * 60_000);
  }
  await log.close();
}

/** Writes `count` records on 2025-01-01 as a version that kept no head.json did: chain only. */
async function writeOldLog(dir: string, count: number): Promise<void> {
  const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0);
  const t = Date.parse('2025-01-01T08:00:00Z');
  const lines = Array.from({ length: count }, (_, i) => chain.next({ request_id: `old-${i}` }, t + i).line);
  await writeSegment(dir, 'audit-2025-01-01.jsonl', lines);
}

async function readSegment(dir: string, name: string): Promise<string[]> {
  return (await readFile(join(dir, name), 'utf8')).split('\n').slice(0, -1);
}

async function writeSegment(dir: string, name: string, lines: string[]): Promise<void> {
  await writeFile(join(dir, name), lines.map((l) => `${l}\n`).join(''));
}

const DAY2 = 'audit-2025-01-02.jsonl';

describe('verifyAuditLog', () => {
  const tempDir = useTempDirs();

  it('passes an untouched log and reports its head', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    const result = await verifyAuditLog(dir);
    expect(result).toMatchObject({ ok: true, records: 12, segments: 3, head: { seq: 12 }, recoveries: [] });
    expect(result.firstBreak).toBeUndefined();
  });

  it.each([
    { name: 'a missing directory', make: async (d: string) => join(d, 'none'), message: 'does not exist' },
    { name: 'an empty directory', make: async (d: string) => d, message: 'holds no audit log' },
    {
      name: 'a directory of other files',
      make: async (d: string) => {
        await mkdir(join(d, 'audit-2025-01-01.jsonl.d'));
        await writeFile(join(d, 'notes.txt'), 'x');
        return d;
      },
      message: 'holds no audit log',
    },
  ])('fails $name with no_log', async ({ make, message }) => {
    const dir = await make(await tempDir());
    expect(await verifyAuditLog(dir)).toMatchObject({
      ok: false,
      records: 0,
      firstBreak: { reason: 'no_log', message: expect.stringContaining(message) },
    });
  });

  it('passes a log a writer opened but wrote nothing to', async () => {
    const dir = await tempDir();
    await (await createFileAuditLog({ dir })).close();
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 0, anchor: { seq: 0 } });
  });

  it('finds an edited field and locates it by seq', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    const lines = await readSegment(dir, DAY2);
    lines[1] = lines[1]!.replace('"status":200', '"status":403');
    await writeSegment(dir, DAY2, lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'hash_mismatch',
      seq: 6,
      expectedSeq: 6,
      segment: DAY2,
      line: 2,
    });
  });

  it('finds an edited record whose hash was recomputed, at the next record', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    const lines = await readSegment(dir, DAY2);
    const record = JSON.parse(lines[1]!) as Record<string, unknown>;
    record.status = 403;
    record.hash = computeRecordHash(record);
    lines[1] = canonicalJson(record);
    await writeSegment(dir, DAY2, lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'prev_mismatch',
      seq: 7,
      line: 3,
    });
  });

  it('finds a deleted record', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    const lines = await readSegment(dir, DAY2);
    lines.splice(1, 1);
    await writeSegment(dir, DAY2, lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'seq_gap',
      seq: 7,
      expectedSeq: 6,
      segment: DAY2,
      line: 2,
      message: 'expected seq 6, found 7: record 6 is missing',
    });
  });

  it('finds two swapped records', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    const lines = await readSegment(dir, DAY2);
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    await writeSegment(dir, DAY2, lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'seq_order',
      seq: 7,
      expectedSeq: 6,
      segment: DAY2,
      line: 2,
      message: 'record 7 comes before record 6: records were reordered',
    });
  });

  it('finds a duplicated record', async () => {
    const dir = await tempDir();
    await writeLog(dir, 1, 4);
    const lines = await readSegment(dir, 'audit-2025-01-01.jsonl');
    lines.splice(2, 0, lines[1]!);
    await writeSegment(dir, 'audit-2025-01-01.jsonl', lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({ reason: 'seq_order', seq: 2, line: 3 });
  });

  it('finds a truncated last line', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    const last = join(dir, 'audit-2025-01-03.jsonl');
    const bytes = await readFile(last);
    await writeFile(last, bytes.subarray(0, bytes.length - 20));
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'torn_line',
      seq: null,
      expectedSeq: 12,
      segment: 'audit-2025-01-03.jsonl',
      line: 4,
    });
  });

  it('finds a deleted middle segment', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    await rm(join(dir, DAY2));
    expect(await verifyAuditLog(dir)).toMatchObject({
      ok: false,
      records: 4,
      segments: 2,
      firstBreak: { reason: 'seq_gap', seq: 9, expectedSeq: 5, segment: 'audit-2025-01-03.jsonl', line: 1 },
    });
  });

  it('finds a deleted first segment when there is no checkpoint', async () => {
    const dir = await tempDir();
    await writeLog(dir, 2, 2);
    await rm(join(dir, 'audit-2025-01-01.jsonl'));
    expect((await verifyAuditLog(dir)).firstBreak?.message).toContain('there is no checkpoint.json');
  });

  it.each([
    {
      name: 'keys reordered',
      edit: (l: string) =>
        JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(l) as object).reverse())),
      reason: 'non_canonical',
    },
    { name: 'whitespace added', edit: (l: string) => l.replace(':', ': '), reason: 'non_canonical' },
    { name: 'not JSON', edit: (l: string) => l.slice(1), reason: 'unparsable' },
    { name: 'an empty line', edit: () => '', reason: 'unparsable' },
    { name: 'seq removed', edit: (l: string) => l.replace(/"seq":\d+,/, ''), reason: 'malformed_record' },
  ])('reports a line with $name as $reason', async ({ edit, reason }) => {
    const dir = await tempDir();
    await writeLog(dir, 1, 3);
    const lines = await readSegment(dir, 'audit-2025-01-01.jsonl');
    lines[1] = edit(lines[1]!);
    await writeSegment(dir, 'audit-2025-01-01.jsonl', lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({ reason, line: 2, expectedSeq: 2 });
  });

  it('with an HMAC key, catches a chain rebuilt end to end with SHA-256 (which plain mode cannot)', async () => {
    const dir = await tempDir();
    await writeLog(dir, 1, 3, KEY);
    expect(await verifyAuditLog(dir, { hmacKey: KEY })).toMatchObject({ ok: true, records: 3 });
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({ reason: 'hash_mismatch', seq: 1 });

    const lines = await readSegment(dir, 'audit-2025-01-01.jsonl');
    let prev = GENESIS_HASH;
    const forged = lines.map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      record.status = 500;
      record.prev = prev;
      record.hash = computeRecordHash(record);
      prev = record.hash as string;
      return canonicalJson(record);
    });
    await writeSegment(dir, 'audit-2025-01-01.jsonl', forged);
    // Without a key, head.json can be rewritten to match just as well.
    const head = await readHeadAnchor(dir, Buffer.from(KEY));
    const { head_hash: _ignored, ...fields } = head!;
    await writeHeadAnchor(dir, sealHeadAnchor({ ...fields, hash: prev }), { sync: false });
    expect((await verifyAuditLog(dir)).ok).toBe(true);
    expect((await verifyAuditLog(dir, { hmacKey: KEY })).firstBreak).toMatchObject({
      reason: 'hash_mismatch',
      seq: 1,
    });
  });

  it('reports records cut from the end of a log without head.json when told the head to expect', async () => {
    const dir = await tempDir();
    await writeOldLog(dir, 4);
    const { head } = await verifyAuditLog(dir);
    const lines = await readSegment(dir, 'audit-2025-01-01.jsonl');
    await writeSegment(dir, 'audit-2025-01-01.jsonl', lines.slice(0, 2));
    expect((await verifyAuditLog(dir)).ok).toBe(true);
    expect((await verifyAuditLog(dir, { expectedHead: head })).firstBreak).toMatchObject({
      reason: 'truncated',
      expectedSeq: 3,
    });
  });

  it('detects any single-byte change to a log', async () => {
    const dir = await tempDir();
    const payload = fc.record({
      route: fc.constantFrom('/v1/chat/completions', '/v1/embeddings'),
      data: fc.jsonValue({ maxDepth: 2 }),
      note: fc.string({ unit: 'binary', maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(payload, fc.integer({ min: 0, max: 40 * 3_600_000 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (entries, position, delta) => {
          for (const name of await readdir(dir)) await rm(join(dir, name));
          const chain = new ChainBuilder({ seq: 0, hash: GENESIS_HASH }, 0);
          const segments = new Map<string, string[]>();
          let t = Date.parse('2025-01-01T00:00:00Z');
          for (const [record, step] of entries) {
            t += step;
            const { line, tsMs } = chain.next(record, t);
            const name = `audit-${utcDate(tsMs)}.jsonl`;
            segments.set(name, [...(segments.get(name) ?? []), line]);
          }
          const files = [...segments].map(([name, lines]) => ({
            name,
            bytes: Buffer.from(lines.map((l) => `${l}\n`).join('')),
          }));
          for (const f of files) await writeFile(join(dir, f.name), f.bytes);
          expect((await verifyAuditLog(dir)).ok).toBe(true);

          let at = position % files.reduce((n, f) => n + f.bytes.length, 0);
          let target = files[0]!;
          for (const f of files) {
            target = f;
            if (at < f.bytes.length) break;
            at -= f.bytes.length;
          }
          const changed = Buffer.from(target.bytes);
          changed[at] = (changed[at]! + delta) % 256;
          await writeFile(join(dir, target.name), changed);
          const result = await verifyAuditLog(dir);
          expect(result.ok).toBe(false);
          expect(result.firstBreak?.segment).toBe(target.name);
        },
      ),
      { numRuns: 150 },
    );
    // 150 runs of real file writes and two verifications each: seconds on a loaded machine.
  }, 30_000);
});

describe('verifyAuditLog against head.json', () => {
  const tempDir = useTempDirs();
  const DAY1 = 'audit-2025-01-01.jsonl';
  const DAY3 = 'audit-2025-01-03.jsonl';

  it('reports the newest records cut from the end', async () => {
    const dir = await tempDir();
    await writeLog(dir, 1, 4);
    const lines = await readSegment(dir, DAY1);
    await writeSegment(dir, DAY1, lines.slice(0, 2));
    expect(await verifyAuditLog(dir)).toMatchObject({
      ok: false,
      records: 2,
      anchor: { seq: 4, segment: DAY1 },
      firstBreak: {
        reason: 'truncated',
        seq: null,
        expectedSeq: 3,
        segment: DAY1,
        message: 'the newest 2 records are missing: head.json says seq 4, the log ends at seq 2',
      },
    });
  });

  it('reports the newest record cut from the end, in the singular', async () => {
    const dir = await tempDir();
    await writeLog(dir, 1, 3);
    await writeSegment(dir, DAY1, (await readSegment(dir, DAY1)).slice(0, 2));
    expect((await verifyAuditLog(dir)).firstBreak?.message).toBe(
      'the newest 1 record is missing: head.json says seq 3, the log ends at seq 2',
    );
  });

  it('reports the newest segment removed, naming it', async () => {
    const dir = await tempDir();
    await writeLog(dir, 3, 4);
    await rm(join(dir, DAY3));
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'truncated',
      message:
        `the newest 4 records are missing: head.json says seq 12, the log ends at seq 8 ` +
        `(${DAY3}, which held record 12, is gone)`,
    });
  });

  it('reports head.json deleted along with the newest records', async () => {
    const dir = await tempDir();
    await writeLog(dir, 2, 3);
    await rm(join(dir, 'audit-2025-01-02.jsonl'));
    await rm(join(dir, HEAD_FILE));
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'head_missing',
      message: expect.stringContaining('head.json is missing, but record 3 says'),
    });
  });

  it('catches the newest record rewritten with its hash recomputed, which the chain alone cannot', async () => {
    const dir = await tempDir();
    await writeLog(dir, 1, 3);
    const lines = await readSegment(dir, DAY1);
    const record = JSON.parse(lines[2]!) as Record<string, unknown>;
    record.status = 403;
    record.hash = computeRecordHash(record);
    lines[2] = canonicalJson(record);
    await writeSegment(dir, DAY1, lines);
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'head_mismatch',
      seq: 3,
      message: expect.stringContaining('the end of the log was replaced'),
    });
  });

  it.each([
    { name: 'edited', edit: (text: string) => text.replace('"seq": 3', '"seq": 2') },
    { name: 'not JSON', edit: () => '{"seq":' },
    { name: 'missing its fields', edit: () => '{"version":1}' },
  ])('reports a head.json that is $name', async ({ edit }) => {
    const dir = await tempDir();
    await writeLog(dir, 1, 3);
    const path = join(dir, HEAD_FILE);
    await writeFile(path, edit(await readFile(path, 'utf8')));
    expect((await verifyAuditLog(dir)).firstBreak).toMatchObject({
      reason: 'head_mismatch',
      message: expect.stringContaining('head.json'),
    });
  });

  it('with an HMAC key, rejects a head.json rewritten without it', async () => {
    const dir = await tempDir();
    await writeLog(dir, 1, 3, KEY);
    await writeSegment(dir, DAY1, (await readSegment(dir, DAY1)).slice(0, 2));
    const head = await readHeadAnchor(dir, Buffer.from(KEY));
    const { head_hash: _ignored, ...fields } = head!;
    const second = JSON.parse((await readSegment(dir, DAY1))[1]!) as { hash: string };
    await writeHeadAnchor(dir, sealHeadAnchor({ ...fields, seq: 2, hash: second.hash }), { sync: false });
    expect((await verifyAuditLog(dir, { hmacKey: KEY })).firstBreak).toMatchObject({
      reason: 'head_mismatch',
      message: expect.stringContaining('does not match its head_hash'),
    });
  });

  it('accepts records written after the last head.json update (a crash before the next one)', async () => {
    const dir = await tempDir();
    const clock = fakeClock('2025-01-01T08:00:00Z');
    const log = await createFileAuditLog({ dir, now: clock.now, fsync: 'always' });
    log.append({ n: 1 });
    log.append({ n: 2 });
    await log.flush();
    await copyFile(join(dir, HEAD_FILE), join(dir, 'head-at-2'));
    log.append({ n: 3 });
    await log.close();
    await copyFile(join(dir, 'head-at-2'), join(dir, HEAD_FILE));
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, anchor: { seq: 2 } });
  });

  it('warns, without failing, about a log written before head.json existed', async () => {
    const dir = await tempDir();
    await writeOldLog(dir, 3);
    const result = await verifyAuditLog(dir);
    expect(result).toMatchObject({ ok: true, records: 3 });
    expect(result.anchor).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.stringContaining('no head.json: this log was written by a version'),
    ]);
  });

  it.each([
    { name: 'passes', hash: (checkpointHash: string) => checkpointHash, ok: true },
    { name: 'fails with another hash', hash: () => 'f'.repeat(64), ok: false },
  ])(
    'checks a head whose record retention has removed against the checkpoint: $name',
    async ({ hash, ok }) => {
      const dir = await tempDir();
      await writeLog(dir, 3, 2);
      const { checkpoint } = await applyRetention(dir, {
        retentionDays: 1,
        now: () => new Date('2025-01-04T12:00:00Z'),
      });
      expect(checkpoint).toMatchObject({ seq: 4 });
      const { head_hash: _ignored, ...fields } = (await readHeadAnchor(dir))!;
      await writeHeadAnchor(dir, sealHeadAnchor({ ...fields, seq: 4, hash: hash(checkpoint!.hash) }), {
        sync: false,
      });
      const result = await verifyAuditLog(dir);
      expect(result).toMatchObject({ ok, records: 2, anchor: { seq: 4 } });
      if (!ok) expect(result.firstBreak).toMatchObject({ reason: 'head_mismatch', seq: 4 });
    },
  );
});
