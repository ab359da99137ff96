import { AuditLogError } from './errors.js';
import type { PostgresPool } from './postgres-sink.js';

/** The table the sink uses unless told otherwise. */
export const DEFAULT_AUDIT_TABLE = 'keeptrusts_audit';

/** The quoted names of an audit table and of its table of chain heads (`<table>_heads`). */
export interface AuditTables {
  records: string;
  heads: string;
}

/** Quotes `name` (`table` or `schema.table`) and derives its heads table; refuses anything else. */
export function auditTables(name: string): AuditTables {
  if (!/^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,56}$/.test(name)) {
    throw new AuditLogError(
      'config',
      `audit table name "${name}" must be lower-case letters, digits and _ (at most 57 characters, ` +
        'optionally schema.table)',
    );
  }
  const quote = (n: string) =>
    n
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
  return { records: quote(name), heads: quote(`${name}_heads`) };
}

/**
 * Creates the audit table, its heads table and their columns if they do not exist. Safe to run
 * from several instances at once, and on a table an earlier version created (it adds `id` and
 * `stored_at`).
 *
 * - `id` comes from a database sequence: the total order of records across instances, for queries.
 * - `stored_at` is the commit's time; `stored_at - ts` is how long a record took to reach the table.
 * - `<table>_heads` holds each instance's newest seq and hash, updated in the transaction that
 *   inserts the rows, so deleting the newest rows of a chain shows.
 */
export async function ensureAuditTable(pool: PostgresPool, tableName = DEFAULT_AUDIT_TABLE): Promise<void> {
  const { records, heads } = auditTables(tableName);
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${records} (
      instance_id text NOT NULL,
      seq bigint NOT NULL CHECK (seq > 0),
      ts timestamptz NOT NULL,
      prev text NOT NULL,
      hash text NOT NULL,
      record text NOT NULL,
      PRIMARY KEY (instance_id, seq)
    )`,
    `ALTER TABLE ${records} ADD COLUMN IF NOT EXISTS id bigserial`,
    `ALTER TABLE ${records} ADD COLUMN IF NOT EXISTS stored_at timestamptz NOT NULL DEFAULT now()`,
    `CREATE TABLE IF NOT EXISTS ${heads} (
      instance_id text PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      head_hash text NOT NULL
    )`,
  ];
  // One transaction, serialised by an advisory lock: instances starting at once would otherwise
  // race on CREATE TABLE IF NOT EXISTS (which is not atomic) and on adding the columns.
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keeptrusts_audit:${tableName}`]);
    for (const sql of statements) await client.query(sql);
    await client.query(
      `CREATE INDEX IF NOT EXISTS "${tableName.replace('.', '_')}_id_idx" ON ${records} (id)`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError as Error;
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
