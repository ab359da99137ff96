import type { PostgresServer } from '@keeptrusts/testkit';
import { findPostgresBinDir, startPostgresServer } from '@keeptrusts/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAuditLog } from './postgres-sink.js';
import { verifyPostgresAudit } from './postgres-verify.js';
import { fakeClock } from './test-support/temp-dir.js';

const KEY = 'an-hmac-key-of-at-least-32-characters';
const binDir = findPostgresBinDir();
const title =
  binDir === undefined
    ? 'postgres sink — SKIPPED: no PostgreSQL binaries (initdb, pg_ctl, postgres) found; ' +
      'install them (apt-get install postgresql) or set KT_TEST_PG_BINDIR'
    : 'postgres sink';

describe.skipIf(binDir === undefined)(title, () => {
  let server: PostgresServer | undefined;
  let pool: pg.Pool;
  let tableNo = 0;
  const nextTable = () => `audit_t${++tableNo}`;

  beforeAll(async () => {
    server = await startPostgresServer(binDir!);
    pool = new pg.Pool({ connectionString: server.url, max: 4 });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });

  it('creates its table, writes a chain in batches and verifies it', async () => {
    const table = nextTable();
    const log = await createPostgresAuditLog({ pool, instanceId: 'gw-1', table, batchSize: 100 });
    for (let i = 0; i < 2500; i++) log.append({ i, route: '/v1/chat/completions' });
    await log.close();
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    expect(rows[0]?.n).toBe('2500');
    expect(await verifyPostgresAudit(pool, { table })).toMatchObject({
      ok: true,
      records: 2500,
      segments: 1,
      heads: { 'gw-1': { seq: 2500 } },
    });
  });

  it('continues an instance chain after a restart and keeps instances apart', async () => {
    const table = nextTable();
    const clock = fakeClock('2025-01-01T00:00:00Z');
    const a = await createPostgresAuditLog({ pool, instanceId: 'gw-a', table, now: clock.now });
    const b = await createPostgresAuditLog({ pool, instanceId: 'gw-b', table, now: clock.now });
    a.append({ n: 1 });
    b.append({ n: 1 });
    a.append({ n: 2 });
    await Promise.all([a.close(), b.close()]);
    const again = await createPostgresAuditLog({ pool, instanceId: 'gw-a', table, now: clock.now });
    expect(again.append({ n: 3 })).toBe(3);
    const big = await createPostgresAuditLog({ pool, instanceId: 'gw-big', table, batchSize: 7 });
    for (let i = 0; i < 12; i++) big.append({ i });
    await big.close();
    const bigAgain = await createPostgresAuditLog({ pool, instanceId: 'gw-big', table });
    expect(bigAgain.append({ i: 12 })).toBe(13);
    await bigAgain.close();
    await again.close();
    expect(await verifyPostgresAudit(pool, { table })).toMatchObject({
      ok: true,
      records: 17,
      segments: 3,
      heads: { 'gw-a': { seq: 3 }, 'gw-b': { seq: 1 }, 'gw-big': { seq: 13 } },
    });
    expect(await verifyPostgresAudit(pool, { table, instanceId: 'gw-b' })).toMatchObject({
      ok: true,
      records: 1,
    });
  });

  describe('finds tampering', () => {
    async function seeded(): Promise<string> {
      const table = nextTable();
      const log = await createPostgresAuditLog({ pool, instanceId: 'gw', table });
      for (let i = 1; i <= 8; i++) log.append({ i, status: 200 });
      await log.close();
      return table;
    }

    it.each([
      {
        name: 'an edited record',
        sql: (t: string) =>
          `UPDATE ${t} SET record = replace(record, '"status":200', '"status":500') WHERE seq = 3`,
        expected: { reason: 'hash_mismatch', seq: 3, line: 3 },
      },
      {
        name: 'a deleted row',
        sql: (t: string) => `DELETE FROM ${t} WHERE seq = 5`,
        expected: { reason: 'seq_gap', seq: 6, expectedSeq: 5, line: 5 },
      },
      {
        name: 'two swapped records',
        sql: (t: string) =>
          `UPDATE ${t} SET record = CASE seq WHEN 4 THEN (SELECT record FROM ${t} WHERE seq = 5)
           ELSE (SELECT record FROM ${t} WHERE seq = 4) END WHERE seq IN (4, 5)`,
        expected: { reason: 'seq_order', seq: 5, expectedSeq: 4, line: 4 },
      },
      {
        name: 'a hash column that disagrees with the record',
        sql: (t: string) => `UPDATE ${t} SET hash = repeat('a', 64) WHERE seq = 8`,
        expected: { reason: 'hash_mismatch', seq: 8 },
      },
    ])('$name', async ({ sql, expected }) => {
      const table = await seeded();
      await pool.query(sql(table));
      const result = await verifyPostgresAudit(pool, { table });
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toMatchObject({ ...expected, segment: 'gw' });
    });

    it('rows cut from the end, given the expected head', async () => {
      const table = await seeded();
      const { head } = await verifyPostgresAudit(pool, { table, instanceId: 'gw' });
      await pool.query(`DELETE FROM ${table} WHERE seq > 6`);
      expect(
        (await verifyPostgresAudit(pool, { table, instanceId: 'gw', expectedHead: head })).firstBreak,
      ).toMatchObject({
        reason: 'truncated',
      });
    });
  });

  it('uses the HMAC key when given one', async () => {
    const table = nextTable();
    const log = await createPostgresAuditLog({ pool, instanceId: 'gw', table, hmacKey: KEY });
    log.append({ n: 1 });
    await log.close();
    expect((await verifyPostgresAudit(pool, { table, hmacKey: KEY })).ok).toBe(true);
    expect((await verifyPostgresAudit(pool, { table })).firstBreak).toMatchObject({
      reason: 'hash_mismatch',
      seq: 1,
    });
  });

  it('goes unhealthy when inserts fail, keeps the records and inserts them once the table is back', async () => {
    const table = nextTable();
    const failures: Error[] = [];
    const log = await createPostgresAuditLog({
      pool,
      instanceId: 'gw',
      table,
      retryIntervalMs: 0,
      onFailure: (e) => failures.push(e),
    });
    log.append({ n: 1 });
    await log.flush();
    await pool.query(`ALTER TABLE ${table} RENAME TO ${table}_away`);
    log.append({ n: 2 });
    log.append({ n: 3 });
    await expect(log.flush()).rejects.toMatchObject({ code: 'write_failed' });
    expect(log.healthy()).toBe(false);
    expect(log.lastError?.message).toContain('does not exist');
    expect(failures).toHaveLength(1);
    await pool.query(`ALTER TABLE ${table}_away RENAME TO ${table}`);
    await log.flush();
    expect(log.healthy()).toBe(true);
    await log.close();
    expect(await verifyPostgresAudit(pool, { table })).toMatchObject({ ok: true, records: 3 });
  });

  it('treats rows an earlier attempt already committed as written', async () => {
    const table = nextTable();
    const now = fakeClock('2025-01-01T00:00:00Z').now;
    const first = await createPostgresAuditLog({ pool, instanceId: 'gw', table, now });
    const twin = await createPostgresAuditLog({ pool, instanceId: 'gw', table, now });
    first.append({ n: 1 });
    twin.append({ n: 1 });
    await first.flush();
    await twin.flush();
    expect(twin.healthy()).toBe(true);
    await Promise.all([first.close(), twin.close()]);
    expect(await verifyPostgresAudit(pool, { table })).toMatchObject({ ok: true, records: 1 });
  });

  it('fails loudly when another writer uses the same instance id', async () => {
    const table = nextTable();
    const first = await createPostgresAuditLog({ pool, instanceId: 'gw', table });
    const other = await createPostgresAuditLog({ pool, instanceId: 'gw', table, retryIntervalMs: 0 });
    first.append({ from: 'first' });
    await first.flush();
    other.append({ from: 'other' });
    await expect(other.flush()).rejects.toThrow('same instance id');
    expect(other.healthy()).toBe(false);
    await first.close();
    await expect(other.close()).rejects.toMatchObject({ code: 'write_failed' });
  });

  it('rejects a table name that is not a plain identifier', async () => {
    await expect(
      createPostgresAuditLog({ pool, instanceId: 'gw', table: 'x; DROP TABLE y' }),
    ).rejects.toMatchObject({
      code: 'config',
    });
  });
});
