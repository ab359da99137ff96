import { describe, expect, it } from 'vitest';
import { auditLoggerConfigSchema, resolveOnFailure } from './config.js';
import { resolveHmacKey } from './hmac-key.js';

describe('auditLoggerConfigSchema', () => {
  it('fills in defaults', () => {
    expect(auditLoggerConfigSchema.parse({})).toEqual({
      immutable: false,
      log_all_access: false,
      log_content: false,
      path: './audit',
      fsync: 'interval',
      fsync_interval_ms: 1000,
      sink: 'file',
    });
  });

  it('accepts the documented example', () => {
    const config = auditLoggerConfigSchema.parse({
      immutable: true,
      retention_days: 365,
      log_all_access: true,
      path: './audit',
      fsync: 'always',
      hmac_key_env: 'KT_AUDIT_HMAC_KEY',
    });
    expect(config).toMatchObject({ immutable: true, retention_days: 365, sink: 'file' });
    expect(resolveOnFailure(config)).toBe('fail_closed');
    const postgres = auditLoggerConfigSchema.parse({
      immutable: true,
      sink: 'postgres',
      postgres_url_env: 'KT_AUDIT_DATABASE_URL',
    });
    expect(postgres).toMatchObject({ sink: 'postgres' });
  });

  it('refuses retention_days with the PostgreSQL sink, which cannot expire rows yet', () => {
    const result = auditLoggerConfigSchema.safeParse({
      sink: 'postgres',
      postgres_url_env: 'KT_AUDIT_DATABASE_URL',
      retention_days: 30,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['retention_days'] });
    expect(result.error?.issues[0]?.message).toContain('not supported with sink: postgres');
  });

  it.each([
    { name: 'an unknown key', input: { retention: 30 }, path: [], message: 'Unrecognized key: "retention"' },
    { name: 'zero retention_days', input: { retention_days: 0 }, path: ['retention_days'], message: '≥ 1' },
    {
      name: 'fractional retention_days',
      input: { retention_days: 1.5 },
      path: ['retention_days'],
      message: 'whole number',
    },
    { name: 'an unknown fsync mode', input: { fsync: 'sometimes' }, path: ['fsync'], message: 'always' },
    {
      name: 'a bad env name',
      input: { hmac_key_env: 'my key' },
      path: ['hmac_key_env'],
      message: 'variable name',
    },
    {
      name: 'postgres without a URL',
      input: { sink: 'postgres' },
      path: ['postgres'],
      message: 'sink: postgres needs a connection URL: postgres: {url: ${KT_AUDIT_DATABASE_URL}}',
    },
    {
      name: 'the URL given twice',
      input: { sink: 'postgres', postgres_url_env: 'A', postgres: { url_env: 'B' } },
      path: ['postgres'],
      message: 'give the PostgreSQL URL one way',
    },
    {
      name: 'postgres settings for a file sink',
      input: { postgres: { url: 'postgres://db/audit' } },
      path: ['postgres'],
      message: 'add sink: postgres',
    },
    {
      name: 'a URL that is not PostgreSQL',
      input: { sink: 'postgres', postgres: { url: 'mysql://db/audit' } },
      path: ['postgres', 'url'],
      message: 'expected a PostgreSQL URL',
    },
    {
      name: 'an unknown durability',
      input: { sink: 'postgres', postgres: { url: 'postgres://db/audit', durability: 'eventually' } },
      path: ['postgres', 'durability'],
      message: '"sync"',
    },
    {
      name: 'a table name with capitals',
      input: { sink: 'postgres', postgres: { url: 'postgres://db/audit', table: 'Audit' } },
      path: ['postgres', 'table'],
      message: 'lower-case letters',
    },
  ])('rejects $name', ({ input, path, message }) => {
    const result = auditLoggerConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });
});

describe('resolveOnFailure', () => {
  it.each([
    { immutable: true, on_failure: undefined, expected: 'fail_closed' },
    { immutable: false, on_failure: undefined, expected: 'fail_open' },
    { immutable: true, on_failure: 'fail_open', expected: 'fail_open' },
    { immutable: false, on_failure: 'fail_closed', expected: 'fail_closed' },
  ] as const)('immutable $immutable, on_failure $on_failure → $expected', ({ expected, ...config }) => {
    expect(resolveOnFailure(config)).toBe(expected);
  });
});

describe('resolveHmacKey', () => {
  const env = (values: Record<string, string | undefined>) => (name: string) => values[name];

  it('reads the key bytes from the named variable', () => {
    const key = resolveHmacKey('KT_AUDIT_HMAC_KEY', env({ KT_AUDIT_HMAC_KEY: 'k'.repeat(40) }));
    expect(Buffer.from(key!).toString()).toBe('k'.repeat(40));
    expect(resolveHmacKey(undefined, env({}))).toBeUndefined();
  });

  it.each([
    { name: 'unset', values: {}, message: 'KT_AUDIT_HMAC_KEY is not set' },
    { name: 'short', values: { KT_AUDIT_HMAC_KEY: 'short' }, message: 'holds 5 characters' },
  ])('rejects a key that is $name', ({ values, message }) => {
    expect(() => resolveHmacKey('KT_AUDIT_HMAC_KEY', env(values))).toThrow(message);
  });
});
