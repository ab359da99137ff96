/** What went wrong, as a stable string a caller can switch on. */
export type AuditLogErrorCode =
  /** The record is not a plain JSON object, or uses a reserved field. */
  | 'invalid_record'
  /** Too many records are waiting to be written (the sink is failing or slower than traffic). */
  | 'overflow'
  /** The writer was closed. */
  | 'closed'
  /** A write, fsync or insert failed; the records stay queued and are retried. */
  | 'write_failed'
  /** The configuration cannot be used (missing HMAC key, bad table name). */
  | 'config'
  /** `checkpoint.json` is unreadable or its hash does not match. */
  | 'checkpoint'
  /** `head.json` is unreadable or its hash does not match. */
  | 'head'
  /** Another writer holds the log directory's LOCK. */
  | 'locked'
  /** Retention refused to delete segments that do not verify. */
  | 'retention_refused';

/** The one error type this package throws; `code` says which family it belongs to. */
export class AuditLogError extends Error {
  readonly code: AuditLogErrorCode;

  constructor(code: AuditLogErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuditLogError';
    this.code = code;
  }
}
