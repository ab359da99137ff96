import type { ChainHead } from './chain.js';
import { ChainVerifier, GENESIS_HASH, parseRecordLine } from './chain.js';
import { toHmacKey } from './hmac-key.js';
import { loadPg } from './postgres-driver.js';
import { auditTables, DEFAULT_AUDIT_TABLE } from './postgres-schema.js';
import type { PostgresPool } from './postgres-sink.js';
import { headHash } from './postgres-sink.js';
import type { AuditBreak, AuditVerifyResult, VerifyOptions } from './verify.js';
import { checkExpectedHead } from './verify.js';

/** Options for `verifyPostgresAudit`. */
export interface PostgresVerifyOptions extends VerifyOptions {
  /** Verify one instance's chain; default all instances in the table. */
  instanceId?: string;
  table?: string;
}

/** What verification found in one instance's chain. */
export interface PostgresChainResult {
  instanceId: string;
  ok: boolean;
  records: number;
  /** The last verified record. */
  head: ChainHead;
  /** What the heads table says the chain's newest record is; undefined when it has no row. */
  storedHead: ChainHead | undefined;
  /** The first break, with `segment` = the instance id, `line` = the row's place in seq order. */
  firstBreak?: AuditBreak;
  /** The database-wide `id` of the offending row, when the break is about one. */
  rowId?: string;
}

/**
 * Verification of a PostgreSQL audit table: every instance's chain. `ok` is true when all verify;
 * `firstBreak` is the first broken chain's (by instance id), `segments` counts instances, `heads`
 * gives each one's last verified record, and `chains` each one's result.
 */
export interface PostgresVerifyResult extends AuditVerifyResult {
  heads: Record<string, ChainHead>;
  chains: PostgresChainResult[];
}

const PAGE = 1000;

/**
 * Verifies the chains in a PostgreSQL audit table, one per instance, paging through rows in seq
 * order. The `record` column (the canonical line) is what is hashed; the seq, prev and hash
 * columns and the record's `instance_id` must agree with it, and each chain must reach the head
 * its instance's row in `<table>_heads` names (read first, so writers running meanwhile are fine).
 */
export async function verifyPostgresAudit(
  pool: PostgresPool,
  options: PostgresVerifyOptions = {},
): Promise<PostgresVerifyResult> {
  const tables = auditTables(options.table ?? DEFAULT_AUDIT_TABLE);
  const hmacKey = toHmacKey(options.hmacKey);
  const heads = new Map<string, { seq: number; hash: string; head_hash: string }>();
  const headRows = await pool
    .query<{ instance_id: string; seq_text: string; hash: string; head_hash: string }>(
      `SELECT instance_id, seq::text AS seq_text, hash, head_hash FROM ${tables.heads}`,
    )
    .catch((error: { code?: string }) => {
      // A table written before heads existed has none: its chains' newest rows cannot be checked.
      if (error.code === '42P01') return { rows: [] };
      throw error;
    });
  for (const h of headRows.rows) {
    heads.set(h.instance_id, { seq: Number(h.seq_text), hash: h.hash, head_hash: h.head_hash });
  }
  const listed = (
    await pool.query<{ id: string }>(`SELECT DISTINCT instance_id AS id FROM ${tables.records}`)
  ).rows.map((r) => r.id);
  const instances =
    options.instanceId !== undefined
      ? [options.instanceId]
      : [...new Set([...listed, ...heads.keys()])].sort();
  const result: PostgresVerifyResult = {
    ok: true,
    records: 0,
    segments: instances.length,
    head: { seq: 0, hash: GENESIS_HASH },
    recoveries: [],
    tornFiles: [],
    pendingRemoval: [],
    warnings: [],
    heads: {},
    chains: [],
  };
  for (const instance of instances) {
    let chain = await verifyChain(pool, tables.records, instance, heads.get(instance), hmacKey);
    if (options.instanceId !== undefined && chain.ok) {
      const checked = checkExpectedHead(
        { ...result, ok: true, head: chain.head },
        options.expectedHead,
        instance,
      );
      if (!checked.ok) chain = { ...chain, ok: false, firstBreak: checked.firstBreak! };
    }
    if (chain.storedHead === undefined && chain.records > 0 && chain.ok && chain.warning !== undefined) {
      result.warnings.push(chain.warning);
    }
    const { warning: _w, ...public_ } = chain;
    result.chains.push(public_);
    result.records += chain.records;
    result.heads[instance] = chain.head;
    result.head = chain.head;
    if (!chain.ok && result.ok) {
      result.ok = false;
      result.firstBreak = chain.firstBreak!;
    }
  }
  return result;
}

async function verifyChain(
  pool: PostgresPool,
  table: string,
  instance: string,
  stored: { seq: number; hash: string; head_hash: string } | undefined,
  hmacKey: Uint8Array | undefined,
): Promise<PostgresChainResult & { warning?: string }> {
  const verifier = new ChainVerifier({ from: 'genesis', seq: 0, hash: GENESIS_HASH }, hmacKey);
  const storedHead = stored === undefined ? undefined : { seq: stored.seq, hash: stored.hash };
  let records = 0;
  let line = 0;
  let after = 0;
  // Records this version writes name their instance; a chain of them without a head row lost it.
  let anchored = false;
  const broken = (firstBreak: Omit<AuditBreak, 'segment'>, rowId?: string): PostgresChainResult => ({
    instanceId: instance,
    ok: false,
    records,
    head: verifier.head,
    storedHead,
    firstBreak: { ...firstBreak, segment: instance },
    ...(rowId === undefined ? {} : { rowId }),
  });
  for (;;) {
    const { rows } = await pool.query<{
      id_text: string;
      seq_text: string;
      prev: string;
      hash: string;
      record: string;
    }>(
      `SELECT id::text AS id_text, seq::text AS seq_text, prev, hash, record FROM ${table}
       WHERE instance_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`,
      [instance, after],
    );
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      line += 1;
      const at = { line, expectedSeq: verifier.expectedSeq };
      const check = verifier.check(r.record);
      if (!check.ok) {
        let { reason, message } = check;
        const next = rows[i + 1];
        const parsed = next === undefined ? undefined : parseRecordLine(next.record);
        if (
          reason === 'seq_gap' &&
          check.seq !== null &&
          parsed?.ok === true &&
          parsed.record.seq < check.seq
        ) {
          reason = 'seq_order';
          message = `record ${check.seq} comes before record ${parsed.record.seq}: records were reordered`;
        }
        return broken(
          { ...at, reason, seq: check.seq, message: `${message} (row id ${r.id_text})` },
          r.id_text,
        );
      }
      const { record } = check;
      const named = (record as { instance_id?: unknown }).instance_id;
      if (named !== undefined) anchored = true;
      if (Number(r.seq_text) !== record.seq || r.prev !== record.prev || r.hash !== record.hash) {
        return broken(
          {
            ...at,
            reason: 'hash_mismatch',
            seq: record.seq,
            message: `row seq ${r.seq_text} (row id ${r.id_text}): its seq, prev or hash column differs from the stored record`,
          },
          r.id_text,
        );
      }
      if (named !== undefined && named !== instance) {
        return broken(
          {
            ...at,
            reason: 'malformed_record',
            seq: record.seq,
            message: `record ${record.seq} (row id ${r.id_text}) belongs to instance "${String(named)}", not "${instance}": it was moved between chains`,
          },
          r.id_text,
        );
      }
      if (stored !== undefined && record.seq === stored.seq && record.hash !== stored.hash) {
        return broken(
          {
            ...at,
            reason: 'head_mismatch',
            seq: record.seq,
            message: `record ${record.seq} (row id ${r.id_text}) has hash ${record.hash}, but the heads table says ${stored.hash}: the end of the chain was replaced`,
          },
          r.id_text,
        );
      }
      records += 1;
    }
    if (rows.length < PAGE) break;
    after = Number(rows.at(-1)!.seq_text);
  }
  const head = verifier.head;
  // After the rows, so a wrong HMAC key shows on the first record, with its hint.
  if (stored !== undefined && stored.head_hash !== headHash(instance, stored, hmacKey)) {
    const hint = hmacKey === undefined ? ' (if the log was written with an HMAC key, verify with it)' : '';
    return broken({
      reason: 'head_mismatch',
      seq: stored.seq,
      expectedSeq: stored.seq,
      line: 0,
      message: `the heads row of instance "${instance}" does not match its head_hash: it was edited${hint}`,
    });
  }
  if (stored !== undefined && head.seq < stored.seq) {
    const missing = stored.seq - head.seq;
    return broken({
      reason: 'truncated',
      seq: null,
      expectedSeq: head.seq + 1,
      line: 0,
      message:
        `the newest ${missing === 1 ? 'record is' : `${missing} records are`} missing: the heads table says ` +
        `seq ${stored.seq}, the chain ends at seq ${head.seq}`,
    });
  }
  if (stored === undefined && anchored) {
    return broken({
      reason: 'head_missing',
      seq: null,
      expectedSeq: head.seq + 1,
      line: 0,
      message: `instance "${instance}" has records but no row in the heads table: it was deleted, so cut records would not show`,
    });
  }
  return {
    instanceId: instance,
    ok: true,
    records,
    head,
    storedHead,
    ...(stored === undefined && records > 0
      ? {
          warning: `instance "${instance}" was written before the heads table existed: its newest records cannot be checked`,
        }
      : {}),
  };
}

/** `verifyPostgresAudit` on a connection URL: opens one connection, verifies, closes it. */
export async function verifyPostgresAuditAt(
  url: string,
  options: PostgresVerifyOptions = {},
): Promise<PostgresVerifyResult> {
  const { Pool } = await loadPg();
  const pool = new Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5000 });
  pool.on('error', () => undefined);
  try {
    return await verifyPostgresAudit(pool, options);
  } finally {
    await pool.end();
  }
}
