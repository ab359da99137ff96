import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The `policy.audit-logger` settings as written in YAML. `on_failure` is left unset when not
 * written; `resolveOnFailure` supplies the default, which depends on `immutable`.
 */
export const auditLoggerConfigSchema = z
  .strictObject({
    /** Declares the log must be tamper-evident; makes `on_failure` default to `fail_closed`. */
    immutable: z.boolean().default(false),
    retention_days: z
      .number()
      .int({ error: 'expected a whole number of days' })
      .positive({ error: 'expected a whole number of days ≥ 1' })
      .optional(),
    log_all_access: z.boolean().default(false),
    log_content: z.boolean().default(false),
    path: z.string().min(1).default('./audit'),
    fsync: z.enum(['always', 'interval', 'never']).default('interval'),
    fsync_interval_ms: z.number().int().positive({ error: 'expected milliseconds > 0' }).default(1000),
    hmac_key_env: z.string().regex(ENV_NAME, 'expected an environment variable name').optional(),
    on_failure: z.enum(['fail_closed', 'fail_open']).optional(),
    sink: z.enum(['file', 'postgres']).default('file'),
    postgres_url_env: z.string().regex(ENV_NAME, 'expected an environment variable name').optional(),
    /** Names this gateway's chain in a shared PostgreSQL table; default: the host name. */
    instance_id: z.string().min(1).max(200).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.sink === 'postgres' && config.postgres_url_env === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['postgres_url_env'],
        message:
          'sink: postgres needs postgres_url_env, the name of the environment variable holding the ' +
          'connection URL (e.g. postgres_url_env: KT_AUDIT_DATABASE_URL)',
      });
    }
    if (config.sink === 'postgres' && config.retention_days !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['retention_days'],
        message:
          'retention_days is not supported with sink: postgres yet; remove it and expire rows with your ' +
          'database tooling, or use sink: file',
      });
    }
  });

/** The audit-logger settings as written (before defaults). */
export type WrittenAuditLoggerConfig = z.input<typeof auditLoggerConfigSchema>;
/** The audit-logger settings after parsing, defaults applied. */
export type AuditLoggerConfig = z.output<typeof auditLoggerConfigSchema>;

/** What the gateway does when the audit sink cannot write: refuse requests, or serve them unaudited. */
export type AuditFailureMode = 'fail_closed' | 'fail_open';

/** `on_failure` as configured, or its default: `fail_closed` for an immutable log, else `fail_open`. */
export function resolveOnFailure(
  config: Pick<AuditLoggerConfig, 'immutable' | 'on_failure'>,
): AuditFailureMode {
  return config.on_failure ?? (config.immutable ? 'fail_closed' : 'fail_open');
}
