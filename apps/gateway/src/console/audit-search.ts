import { resolve } from 'node:path';
import {
  type AuditVerifyResult,
  auditLogger,
  auditLoggerConfigSchema,
  readAuditRecords,
  resolveHmacKey,
  type StoredAuditRecord,
  verifyAuditLog,
} from '@keeptrusts/audit-logger';
import type { GatewayConfig } from '@keeptrusts/core/config';

/** The file audit log the console reads: the first audit-logger sink writing files. */
export interface AuditLocation {
  dir: string;
  hmacKeyEnv: string | undefined;
  /** Whether records carry prompt and answer text (`log_content`). */
  storesContent: boolean;
}

/** Where the configured audit-logger sink writes its file log, or undefined when none does. */
export function auditLocation(config: GatewayConfig): AuditLocation | undefined {
  for (const sink of config.sinks) {
    if (sink.type !== auditLogger.type) continue;
    const parsed = auditLoggerConfigSchema.safeParse(sink.config);
    if (!parsed.success || parsed.data.sink === 'postgres') continue;
    return {
      dir: resolve(config.baseDir, parsed.data.path),
      hmacKeyEnv: parsed.data.hmac_key_env,
      storesContent: parsed.data.log_content === true,
    };
  }
  return undefined;
}

/** What the audit page searches by; every field is optional. */
export interface AuditQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  keyId?: string | undefined;
  requestId?: string | undefined;
  /** `block`, `modify`, `allow`, `error`: records with a decision of that action. */
  decision?: string | undefined;
}

/** The newest `limit` records that match, oldest first, and whether more matched. */
export async function searchAudit(
  location: AuditLocation,
  query: AuditQuery,
  limit: number,
): Promise<{ records: StoredAuditRecord[]; truncated: boolean }> {
  const records: StoredAuditRecord[] = [];
  let truncated = false;
  const filter = (r: StoredAuditRecord) =>
    (query.keyId === undefined || r.key_id === query.keyId) &&
    (query.requestId === undefined || r.request_id === query.requestId) &&
    (query.decision === undefined ||
      (Array.isArray(r.decisions) &&
        (r.decisions as { action?: unknown }[]).some((d) => d.action === query.decision)));
  for await (const record of readAuditRecords(location.dir, {
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    filter,
  })) {
    records.push(record);
    if (records.length > limit) {
      records.shift();
      truncated = true;
    }
  }
  return { records, truncated };
}

/** Verifies the chain of the log, with its HMAC key when one is configured. */
export async function verifyAudit(
  location: AuditLocation,
  env: (name: string) => string | undefined,
): Promise<AuditVerifyResult> {
  const hmacKey = resolveHmacKey(location.hmacKeyEnv, env);
  return verifyAuditLog(location.dir, hmacKey === undefined ? {} : { hmacKey });
}

const csvColumns = [
  'seq',
  'ts',
  'request_id',
  'key_id',
  'endpoint',
  'target',
  'model',
  'status',
  'error_code',
  'latency_ms',
  'decisions',
] as const;

/** Records as CSV (RFC 4180): one row each, decisions as `rule:action` joined by spaces. */
export function toCsv(records: readonly StoredAuditRecord[]): string {
  const rows = [csvColumns.join(',')];
  for (const r of records) {
    rows.push(
      csvColumns
        .map((column) => {
          const value =
            column === 'decisions'
              ? ((r.decisions ?? []) as { rule?: string; action?: string }[])
                  .map((d) => `${d.rule}:${d.action}`)
                  .join(' ')
              : r[column];
          return csvCell(value);
        })
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
