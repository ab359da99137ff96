import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PostgresServer } from '@keeptrusts/testkit';
import { findPostgresBinDir, startPostgresServer } from '@keeptrusts/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAuditLog, type SpoolEvent } from './postgres-sink.js';
import { verifyPostgresAudit } from './postgres-verify.js';
import { useTempDirs } from './test-support/temp-dir.js';

// Several gateways on one table (#23): a chain per instance, a heads table that shows cut chains,
// and a spool that keeps every record while the server is down. The server here is private, so it
// can be stopped.

let server: PostgresServer;
let pool: pg.Pool;
let tableNo = 0;
const nextTable = () => `multi_t${++tableNo}`;
const tempDir = useTempDirs();

beforeAll(async () => {
  const binDir = findPostgresBinDir();
  if (binDir === undefined) {
    throw new Error(
      'no PostgreSQL binaries (initdb, pg_ctl, postgres) found: install them (apt-get install postgresql) or set KT_TEST_PG_BINDIR',
    );
  }
  server = await startPostgresServer(binDir);
  pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on('error', () => undefined);
}, 120_000);
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

async function seeded(table: string, instances: string[], records: number): Promise<void> {
  const logs = await Promise.all(
    instances.map((instanceId) => createPostgresAuditLog({ pool, instanceId, table })),
  );
  for (let i = 0; i < records; i++) for (const log of logs) log.append({ i, status: 200 });
  await Promise.all(logs.map((log) => log.close()));
}

describe('several writers on one table', () => {
  it('keeps one chain per instance, each record naming its instance, ordered by a database sequence', async () => {
    const table = nextTable();
    await seeded(table, ['gw-1', 'gw-2', 'gw-3'], 40);
    const result = await verifyPostgresAudit(pool, { table });
    expect(result).toMatchObject({ ok: true, records: 120, segments: 3 });
    expect(result.chains.map((c) => [c.instanceId, c.records, c.head.seq, c.storedHead?.seq])).toEqual([
      ['gw-1', 40, 40, 40],
      ['gw-2', 40, 40, 40],
      ['gw-3', 40, 40, 40],
    ]);
    const { rows } = await pool.query<{ instance_id: string; seq: string; named: string }>(
      `SELECT instance_id, seq::text AS seq, record::jsonb->>'instance_id' AS named FROM ${table} ORDER BY id`,
    );
    expect(rows.every((r) => r.named === r.instance_id)).toBe(true);
    // Within an instance the database order is the chain order.
    for (const id of ['gw-1', 'gw-2', 'gw-3']) {
      const seqs = rows.filter((r) => r.instance_id === id).map((r) => Number(r.seq));
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    }
  });

  it.each([
    {
      name: 'the newest records of one chain deleted',
      sql: (t: string) => `DELETE FROM ${t} WHERE instance_id = 'gw-2' AND seq > 7`,
      expected: { reason: 'truncated', segment: 'gw-2', expectedSeq: 8 },
      message: 'the newest 3 records are missing: the heads table says seq 10, the chain ends at seq 7',
    },
    {
      name: 'a whole chain deleted',
      sql: (t: string) => `DELETE FROM ${t} WHERE instance_id = 'gw-1'`,
      expected: { reason: 'truncated', segment: 'gw-1', expectedSeq: 1 },
      message: 'the chain ends at seq 0',
    },
    {
      name: 'the head row deleted',
      sql: (t: string) => `DELETE FROM ${t}_heads WHERE instance_id = 'gw-2'`,
      expected: { reason: 'head_missing', segment: 'gw-2' },
      message: 'no row in the heads table',
    },
    {
      name: 'the head row moved back',
      // Rows 6.. deleted and the head rewritten to match: only its seal shows it.
      sql: (t: string) =>
        `DELETE FROM ${t} WHERE instance_id = 'gw-1' AND seq > 5;
         UPDATE ${t}_heads SET seq = 5, hash = (SELECT hash FROM ${t} WHERE instance_id = 'gw-1' AND seq = 5)
         WHERE instance_id = 'gw-1'`,
      expected: { reason: 'head_mismatch', segment: 'gw-1' },
      message: 'does not match its head_hash',
    },
    {
      name: 'a record moved into another chain',
      sql: (t: string) =>
        `DELETE FROM ${t} WHERE instance_id = 'gw-2' AND seq = 10;
         INSERT INTO ${t} (instance_id, seq, ts, prev, hash, record)
           SELECT 'gw-2', seq, ts, prev, hash, record FROM ${t} WHERE instance_id = 'gw-1' AND seq = 10`,
      expected: { reason: 'prev_mismatch', segment: 'gw-2', seq: 10 },
      message: 'row id',
    },
  ])('names the instance and record when $name', async ({ sql, expected, message }) => {
    const table = nextTable();
    await seeded(table, ['gw-1', 'gw-2'], 10);
    await pool.query(sql(table));
    const result = await verifyPostgresAudit(pool, { table });
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject(expected);
    expect(result.firstBreak?.message).toContain(message);
    // The other chain still verifies on its own.
    const other = result.chains.find((c) => c.instanceId !== expected.segment);
    expect(other?.ok).toBe(true);
  });
});

describe('while PostgreSQL is down', () => {
  it('spools records under sync durability, replays them in order, and loses none', async () => {
    const table = nextTable();
    const dir = await tempDir();
    const events: SpoolEvent[] = [];
    const log = await createPostgresAuditLog({
      pool,
      instanceId: 'gw-spool',
      table,
      durability: 'sync',
      spoolFile: join(dir, 'gw-spool.jsonl'),
      retryIntervalMs: 200,
      onSpool: (e) => events.push(e),
    });
    for (let i = 0; i < 5; i++) log.append({ i, phase: 'before' });
    await log.flush();
    await server.pause();
    try {
      for (let i = 0; i < 30; i++) {
        log.append({ i, phase: 'during' });
        // Each flush resolves once its record is in the spool, fsynced: the answer could leave.
        await log.flush();
      }
      expect(log.healthy()).toBe(true);
      expect(log.spoolStats()).toMatchObject({ records: 30 });
      expect(log.spoolStats().oldestTsMs).toBeGreaterThan(0);
      const spooled = (await readFile(join(dir, 'gw-spool.jsonl'), 'utf8')).trim().split('\n');
      expect(spooled.map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 6),
      );
    } finally {
      await server.resume();
    }
    log.append({ i: 0, phase: 'after' });
    await log.flush();
    await expect.poll(() => log.spoolStats().records, { timeout: 10_000 }).toBe(0);
    await log.close();
    expect(events.map((e) => e.type)).toEqual(['spooling', 'replayed']);
    // 31 when the new record joined the spool, 30 when the replay timer came first.
    expect((events[1] as { records: number }).records).toBeGreaterThanOrEqual(30);
    const result = await verifyPostgresAudit(pool, { table });
    expect(result).toMatchObject({ ok: true, records: 36, heads: { 'gw-spool': { seq: 36 } } });
    const { rows } = await pool.query<{ phase: string }>(
      `SELECT record::jsonb->>'phase' AS phase FROM ${table} ORDER BY id`,
    );
    expect(rows.map((r) => r.phase)).toEqual([
      ...Array(5).fill('before'),
      ...Array(30).fill('during'),
      'after',
    ]);
  }, 60_000);

  it('replays, on the next start, a spool that a stopped process left', async () => {
    const table = nextTable();
    const dir = await tempDir();
    const spoolFile = join(dir, 'gw-left.jsonl');
    const events: SpoolEvent[] = [];
    const first = await createPostgresAuditLog({
      pool,
      instanceId: 'gw-left',
      table,
      spoolFile,
      onSpool: (e) => events.push(e),
    });
    first.append({ n: 1 });
    await first.flush();
    await server.pause();
    try {
      first.append({ n: 2 });
      first.append({ n: 3 });
      await first.close();
    } finally {
      await server.resume();
    }
    expect(events.map((e) => e.type)).toEqual(['spooling', 'left']);
    const again = await createPostgresAuditLog({ pool, instanceId: 'gw-left', table, spoolFile });
    expect(again.spoolStats().records).toBe(0);
    expect(again.append({ n: 4 })).toBe(4);
    await again.close();
    expect(await verifyPostgresAudit(pool, { table })).toMatchObject({ ok: true, records: 4 });
  }, 60_000);
});

describe('batched durability', () => {
  it('commits records in batches every flush interval, the answer not waiting', async () => {
    const table = nextTable();
    const log = await createPostgresAuditLog({
      pool,
      instanceId: 'gw-batched',
      table,
      durability: 'batched',
      flushIntervalMs: 50,
    });
    for (let i = 0; i < 100; i++) log.append({ i });
    await expect
      .poll(async () => (await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n, {
        timeout: 5_000,
      })
      .toBe(100);
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(DISTINCT stored_at)::int AS n FROM ${table}`,
    );
    // One transaction per batch: far fewer commit times than records.
    expect(rows[0]!.n).toBeLessThan(10);
    await log.close();
  });
});
