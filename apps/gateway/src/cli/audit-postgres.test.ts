import { randomBytes } from 'node:crypto';
import { createPostgresAuditLog } from '@keeptrusts/audit-logger';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKt, tempFiles } from '../test-support/run-kt.js';

// kt audit verify --postgres (#23) against the machine's PostgreSQL; each run uses tables of its own.
const URL = process.env.KT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const run = randomBytes(4).toString('hex');
const tables: string[] = [];
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: URL, max: 2 });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `these tests need PostgreSQL at ${URL} (trust auth); start it or set KT_TEST_POSTGRES_URL: ${(error as Error).message}`,
    );
  }
});
afterAll(async () => {
  for (const t of tables) await pool.query(`DROP TABLE IF EXISTS ${t}, ${t}_heads`);
  await pool.end();
});

async function table(records: Record<string, number>): Promise<string> {
  const name = `kt_cli_${run}_${tables.length}`;
  tables.push(name);
  for (const [instanceId, count] of Object.entries(records)) {
    const log = await createPostgresAuditLog({ pool, instanceId, table: name });
    for (let i = 0; i < count; i++) log.append({ request_id: `${instanceId}-${i}`, status: 200 });
    await log.close();
  }
  return name;
}

describe('kt audit verify --postgres', () => {
  it('verifies every instance chain and says so', async () => {
    const name = await table({ 'gw-1': 3, 'gw-2': 5 });
    const { code, stdout } = await runKt(['audit', 'verify', '--postgres', URL, '--table', name], {
      cwd: '/',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('ok: instance gw-1: 3 records, last seq 3');
    expect(stdout).toContain('ok: instance gw-2: 5 records, last seq 5');
    expect(stdout).toContain('ok: 8 records in 2 instance chains');
  });

  it('names the instance and record of each break, and a chain whose newest records were deleted', async () => {
    const name = await table({ 'gw-1': 4, 'gw-2': 6, 'gw-3': 2 });
    await pool.query(
      `UPDATE ${name} SET record = replace(record, '"status":200', '"status":201') WHERE instance_id = 'gw-1' AND seq = 2`,
    );
    await pool.query(`DELETE FROM ${name} WHERE instance_id = 'gw-2' AND seq > 4`);
    const { code, stdout, stderr } = await runKt(['audit', 'verify', '--postgres', URL, '--table', name], {
      cwd: '/',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('broken: instance gw-1 at seq 2: hash_mismatch');
    expect(stderr).toContain(
      'broken: instance gw-2 after seq 4: truncated: the newest 2 records are missing: the heads table says seq 6, the chain ends at seq 4',
    );
    expect(stdout).toContain('ok: instance gw-3: 2 records');
    expect(stderr).toContain('2 of 3 instance chains are broken');
  });

  it('takes the table and URL from the configuration of a postgres sink', async () => {
    const name = await table({ 'gw-1': 2 });
    const dir = await tempFiles({
      'policy-config.yaml': `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: http://127.0.0.1:1
policies:
  chain: [audit-logger]
policy:
  audit-logger:
    sink: postgres
    postgres:
      url: \${KT_AUDIT_DATABASE_URL}
      table: ${name}
`,
    });
    const { code, stdout } = await runKt(['audit', 'verify', '--policy-config', 'policy-config.yaml'], {
      cwd: dir,
      env: { KT_AUDIT_DATABASE_URL: URL },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('ok: instance gw-1: 2 records');
  });

  it.each([
    {
      args: ['--postgres', URL, '--path', 'audit'],
      message: 'one of --path DIR, --postgres URL or --policy-config',
    },
    { args: ['--table', 'x'], message: '--table names a PostgreSQL table: use it with --postgres URL' },
    { args: ['--postgres', URL, '--table', 'no_such_table_kt'], message: 'no audit table no_such_table_kt' },
  ])('refuses $args', async ({ args, message }) => {
    const { code, stderr } = await runKt(['audit', 'verify', ...args], { cwd: '/' });
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
  });
});
