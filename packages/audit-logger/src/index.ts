import { createRequire } from 'node:module';
import { definePlugin } from '@keeptrusts/core';
import { auditLogger } from './audit-logger-sink.js';

// The audit-logger sink
export { auditLogger } from './audit-logger-sink.js';

// Configuration (policy.audit-logger)
export type { AuditFailureMode, AuditLoggerConfig, WrittenAuditLoggerConfig } from './config.js';
export { auditLoggerConfigSchema, postgresSinkConfigSchema, resolveOnFailure } from './config.js';
export type { HmacKeyInput } from './hmac-key.js';
export { MIN_HMAC_KEY_LENGTH, resolveHmacKey } from './hmac-key.js';

// Chain format
export { canonicalJson } from './canonical-json.js';
export type {
  AuditBreakReason,
  ChainHead,
  HeadRecoveryNote,
  StoredAuditRecord,
  TornTailNote,
} from './chain.js';
export { computeRecordHash, GENESIS_HASH, RESERVED_FIELDS } from './chain.js';
export type { AuditCheckpoint, RemovedSegment } from './checkpoint.js';
export { CHECKPOINT_FILE } from './checkpoint.js';
export type { AuditHeadAnchor } from './head-anchor.js';
export { HEAD_FILE } from './head-anchor.js';
export { segmentName } from './segments.js';

// File log: writing
export type {
  AuditFileHandle,
  AuditFileSystem,
  AuditLogWriter,
  FileAuditLog,
  FileAuditLogOptions,
  FsyncMode,
} from './segment-writer.js';
export { createFileAuditLog, nodeFileSystem } from './segment-writer.js';
export type { LockHolder } from './directory-lock.js';
export { LOCK_FILE } from './directory-lock.js';
export type { AuditWriterStats } from './write-queue.js';

// File log: verifying, retention, reading
export type { ReadAuditOptions, TailAuditOptions } from './query.js';
export { readAuditRecords, tailAuditLog } from './query.js';
export type { RetentionOptions, RetentionResult, RetentionScheduleOptions } from './retention.js';
export { applyRetention, startRetentionSchedule } from './retention.js';
export type { AuditBreak, AuditRecovery, AuditVerifyResult, VerifyOptions } from './verify.js';
export { verifyAuditLog } from './verify.js';

// PostgreSQL sink
export type {
  PostgresAuditLog,
  PostgresAuditLogOptions,
  PostgresDurability,
  PostgresPool,
  SpoolEvent,
} from './postgres-sink.js';
export { createPostgresAuditLog, headHash } from './postgres-sink.js';
export type { AuditTables } from './postgres-schema.js';
export { auditTables, DEFAULT_AUDIT_TABLE, ensureAuditTable } from './postgres-schema.js';
export type { SpooledRow, SpoolStats } from './postgres-spool.js';
export type { PostgresChainResult, PostgresVerifyOptions, PostgresVerifyResult } from './postgres-verify.js';
export { verifyPostgresAudit, verifyPostgresAuditAt } from './postgres-verify.js';
export type { PostgresSinkSettings } from './audit-logger-sink.js';
export { postgresSettings } from './audit-logger-sink.js';

// Errors
export type { AuditLogErrorCode } from './errors.js';
export { AuditLogError } from './errors.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The plugin manifest the gateway registers. */
export default definePlugin({ name: pkg.name, version: pkg.version, sinks: [auditLogger] });
