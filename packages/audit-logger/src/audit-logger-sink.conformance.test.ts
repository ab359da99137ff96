import { join } from 'node:path';
import { findPostgresBinDir, type PostgresServer, startPostgresServer } from '@keeptrusts/testkit';
import { testAuditSink } from '@keeptrusts/testkit/conformance';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { auditLogger } from './audit-logger-sink.js';
import { readAuditRecords } from './query.js';

// The contract every audit sink meets, run against both of audit-logger's stores.

testAuditSink(auditLogger, {
  label: 'sink: file',
  config: () => ({ path: './audit' }),
  readBack: async ({ dir }) => {
    const stored: object[] = [];
    for await (const record of readAuditRecords(join(dir, 'audit'))) stored.push(record);
    return stored;
  },
});

let server: PostgresServer | undefined;
let pool: pg.Pool | undefined;
beforeAll(async () => {
  const binDir = findPostgresBinDir();
  if (binDir === undefined) {
    throw new Error(
      'no PostgreSQL binaries (initdb, pg_ctl, postgres) found: install them (apt-get install postgresql) or set KT_TEST_PG_BINDIR',
    );
  }
  server = await startPostgresServer(binDir);
  pool = new pg.Pool({ connectionString: server.url, max: 2 });
}, 120_000);
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

testAuditSink(auditLogger, {
  label: 'sink: postgres',
  // Each test's chain is an instance of its own in the shared table.
  config: ({ id }) => ({ sink: 'postgres', postgres_url_env: 'KT_AUDIT_DATABASE_URL', instance_id: id }),
  env: () => ({ KT_AUDIT_DATABASE_URL: server!.url }),
  readBack: async ({ id }) => {
    const { rows } = await pool!.query<{ record: string }>(
      'SELECT record FROM keeptrusts_audit WHERE instance_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((row) => JSON.parse(row.record) as object);
  },
});
