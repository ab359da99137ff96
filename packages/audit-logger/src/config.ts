import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `policy.audit-logger.postgres`: where and how `sink: postgres` writes. */
export const postgresSinkConfigSchema = z.strictObject({
  /** The connection URL; `${KT_AUDIT_DATABASE_URL}` reads it from the environment when the config loads. */
  url: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a PostgreSQL URL such as postgres://user@db.internal:5432/audit')
    .optional(),
  /** The variable holding the URL, read when the sink starts (keeps the URL out of the config). */
  url_env: z.string().regex(ENV_NAME, 'expected an environment variable name').optional(),
  table: z
    .string()
    .regex(
      /^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,56}$/,
      'expected lower-case letters, digits and _ (at most 57 characters), optionally schema.table',
    )
    .default('keeptrusts_audit'),
  /** `sync`: the answer leaves after its record's COMMIT. `batched`: records commit every flush_interval_ms. */
  durability: z.enum(['sync', 'batched']).default('sync'),
  flush_interval_ms: z
    .number()
    .int()
    .positive({ error: 'expected milliseconds > 0' })
    .max(60_000)
    .default(200),
  /** Records held in memory waiting for their batch before appends are refused. */
  max_pending_records: z.number().int().positive().default(100_000),
  /** Where records go while PostgreSQL cannot be reached, relative to the config file. */
  spool_dir: z.string().min(1).default('./audit-spool'),
  /** Connections this instance keeps to PostgreSQL. */
  pool_size: z.number().int().positive().max(100).default(4),
});

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
    /** The same as `postgres.url_env` (the older spelling). */
    postgres_url_env: z.string().regex(ENV_NAME, 'expected an environment variable name').optional(),
    postgres: postgresSinkConfigSchema.optional(),
    /**
     * Names this gateway's chain in a shared PostgreSQL table; default: the gateway's instance id
     * (`server.instance_id`, `KT_INSTANCE_ID`, else host name and pid).
     */
    instance_id: z.string().min(1).max(200).optional(),
  })
  .superRefine((config, ctx) => {
    const urls = [config.postgres?.url, config.postgres?.url_env, config.postgres_url_env].filter(
      (u) => u !== undefined,
    );
    if (config.sink === 'postgres' && urls.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['postgres'],
        message:
          'sink: postgres needs a connection URL: postgres: {url: ${KT_AUDIT_DATABASE_URL}} (read when the ' +
          'config loads) or postgres: {url_env: KT_AUDIT_DATABASE_URL} (read when the sink starts)',
      });
    }
    if (urls.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['postgres'],
        message:
          'give the PostgreSQL URL one way: postgres.url, postgres.url_env or postgres_url_env, not several',
      });
    }
    if (
      config.sink !== 'postgres' &&
      (config.postgres !== undefined || config.postgres_url_env !== undefined)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: [config.postgres !== undefined ? 'postgres' : 'postgres_url_env'],
        message: 'PostgreSQL settings are given but the sink is file: add sink: postgres, or remove them',
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
