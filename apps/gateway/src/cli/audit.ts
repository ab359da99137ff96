import { resolve } from 'node:path';
import {
  AuditLogError,
  auditLogger,
  auditLoggerConfigSchema,
  postgresSettings,
  readAuditRecords,
  resolveHmacKey,
  tailAuditLog,
  verifyAuditLog,
  verifyPostgresAuditAt,
} from '@keeptrusts/audit-logger';
import { defineCommand, type OptionSpec } from './command.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-config.js';
import { UsageError } from './usage-error.js';

const pathOption = {
  type: 'string',
  value: 'DIR',
  default: 'audit',
  description: "the audit log's folder, from the current one",
} as const satisfies OptionSpec;

const decisions = ['allow', 'modify', 'block', 'error'];

/**
 * `kt audit verify [--path DIR | --policy-config FILE...] [--hmac-key-env NAME]`: exit 0 when the
 * chain holds and reaches head.json, 1 at the first break, when there is no log where it looked,
 * or when the configuration names none it can read.
 */
export const auditVerify = defineCommand({
  words: 'audit verify',
  summary: "check the audit log's hash chain and that its newest records are all there",
  usage: '[--path DIR | --postgres URL [--table NAME] | --policy-config FILE...] [--hmac-key-env NAME]',
  description:
    'Reads every segment of the log and checks each record against the hash of the one before it,\n' +
    'and the newest record against head.json. Exits 0 when the chain holds, or 1 naming the first\n' +
    'edited, deleted or reordered record, the missing newest records, or a folder with no log.\n' +
    'With --postgres, verifies every instance chain in the table and its newest record against the\n' +
    'heads table, naming the instance and record of each break.',
  options: {
    path: pathOption,
    postgres: {
      type: 'string',
      value: 'URL',
      default: 'none',
      description: 'verify the PostgreSQL audit table at this URL (sink: postgres) instead of a folder',
    },
    table: {
      type: 'string',
      value: 'NAME',
      default: 'keeptrusts_audit',
      description: 'the audit table, with --postgres',
    },
    'policy-config': {
      type: 'string',
      multiple: true,
      value: 'FILE',
      default: 'none',
      description: "verify the log(s) the gateway's configuration writes (path and hmac_key_env)",
    },
    'hmac-key-env': {
      type: 'string',
      value: 'NAME',
      default: 'none, plain SHA-256',
      description: "the variable holding the log's HMAC key (hmac_key_env)",
    },
  },
  async run({ values }, io) {
    const files = values['policy-config'] ?? [];
    const given = [files.length > 0, values.path !== undefined, values.postgres !== undefined].filter(
      Boolean,
    );
    if (given.length > 1 && values.postgres === undefined) {
      throw new UsageError('audit verify takes --path DIR or --policy-config FILE, not both');
    }
    if (given.length > 1) {
      throw new UsageError('audit verify takes one of --path DIR, --postgres URL or --policy-config FILE');
    }
    if (values.table !== undefined && values.postgres === undefined) {
      throw new UsageError('--table names a PostgreSQL table: use it with --postgres URL');
    }
    let targets: VerifyTarget[];
    if (values.postgres !== undefined) {
      targets = [
        {
          postgres: { url: values.postgres, table: values.table ?? 'keeptrusts_audit' },
          dir: '',
          hmacKeyEnv: values['hmac-key-env'],
          hint: '',
        },
      ];
    } else if (files.length > 0) {
      const found = await configuredTargets(files, values['hmac-key-env'], io);
      if (found === undefined) return 1;
      targets = found;
    } else {
      const hint =
        values.path === undefined
          ? 'kt audit verify reads ./audit unless told otherwise: pass --path DIR, or --policy-config FILE ' +
            "to verify the log your gateway's configuration writes"
          : 'check --path, or pass --policy-config FILE to take the path from the configuration';
      targets = [{ dir: resolve(io.cwd, values.path ?? 'audit'), hmacKeyEnv: values['hmac-key-env'], hint }];
    }
    let code = 0;
    for (const target of targets) code = Math.max(code, await verifyTarget(target, io));
    return code;
  },
});

/** One log `kt audit verify` checks, and how to tell the operator where it came from. */
interface VerifyTarget {
  /** A PostgreSQL table instead of the folder `dir`. */
  postgres?: { url: string; table: string };
  dir: string;
  hmacKeyEnv: string | undefined;
  /** Says how to point kt elsewhere when there is no log at `dir`. */
  hint: string;
}

/** The file logs of the audit-logger sinks a configuration sets up; undefined after printing why none. */
async function configuredTargets(
  files: readonly string[],
  hmacKeyEnv: string | undefined,
  io: CliIo,
): Promise<VerifyTarget[] | undefined> {
  const loaded = await loadForCommand(
    files,
    io,
    (n) => `${n} problem${n === 1 ? '' : 's'} found; nothing was verified.`,
  );
  if (loaded === undefined) return undefined;
  const { config } = loaded;
  const targets: VerifyTarget[] = [];
  for (const sink of config.sinks) {
    if (sink.type !== auditLogger.type) continue;
    const parsed = auditLoggerConfigSchema.safeParse(sink.config);
    if (!parsed.success) continue;
    const settings = parsed.data;
    if (settings.sink === 'postgres') {
      const pgSettings = postgresSettings(settings);
      const url = pgSettings.url ?? io.env(pgSettings.urlEnv!);
      if (url === undefined || url === '') {
        io.err(
          `the audit-logger sink in ${sink.origin.file} reads its PostgreSQL URL from ${pgSettings.urlEnv}, ` +
            'which is not set: set it, or pass --postgres URL',
        );
        return undefined;
      }
      targets.push({
        postgres: { url, table: pgSettings.table },
        dir: '',
        hmacKeyEnv: hmacKeyEnv ?? settings.hmac_key_env,
        hint: '',
      });
      continue;
    }
    targets.push({
      dir: resolve(config.baseDir, settings.path),
      hmacKeyEnv: hmacKeyEnv ?? settings.hmac_key_env,
      hint: `the path comes from policy.audit-logger.path in ${sink.origin.file}`,
    });
  }
  if (targets.length === 0) {
    io.err(
      `${files.join(', ')} set${files.length === 1 ? 's' : ''} up no audit-logger sink ` +
        '(policies.chain does not name audit-logger): there is no audit log to verify',
    );
    return undefined;
  }
  return targets;
}

async function verifyTarget(target: VerifyTarget, io: CliIo): Promise<number> {
  const { dir } = target;
  let hmacKey: Uint8Array | undefined;
  try {
    hmacKey = resolveHmacKey(target.hmacKeyEnv, io.env);
  } catch (error) {
    if (!(error instanceof AuditLogError)) throw error;
    io.err(`cannot verify ${dir}: ${error.message}`);
    return 1;
  }
  if (target.postgres !== undefined) return verifyTable(target.postgres, hmacKey, io);
  const result = await verifyAuditLog(dir, hmacKey === undefined ? {} : { hmacKey });
  for (const recovery of result.recoveries) {
    io.out(
      `note: record ${recovery.seq} says a torn last line of ${recovery.segment} (${recovery.bytes} bytes) ` +
        `was moved to ${recovery.file}`,
    );
  }
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  if (result.ok) {
    io.out(
      `ok: ${result.records} records in ${result.segments} segments, last seq ${result.head.seq} (${dir})`,
    );
    if (result.checkpoint !== undefined)
      io.out(`chain continues from a retention checkpoint at seq ${result.checkpoint.seq}`);
    return 0;
  }
  const b = result.firstBreak!;
  if (b.reason === 'no_log') {
    io.err(`no audit log to verify: ${b.message}\n${target.hint}`);
    return 1;
  }
  const where = b.line > 0 ? `${b.segment} line ${b.line}` : b.segment || dir;
  io.err(`broken at seq ${b.seq ?? b.expectedSeq} (${where}): ${b.reason}: ${b.message}`);
  return 1;
}

/** Verifies every instance chain of a PostgreSQL audit table, one line per chain. */
async function verifyTable(
  at: { url: string; table: string },
  hmacKey: Uint8Array | undefined,
  io: CliIo,
): Promise<number> {
  const where = `${redactUrl(at.url)} table ${at.table}`;
  try {
    const result = await verifyPostgresAuditAt(at.url, {
      table: at.table,
      ...(hmacKey === undefined ? {} : { hmacKey }),
    });
    for (const warning of result.warnings) io.err(`warning: ${warning}`);
    if (result.chains.length === 0) {
      io.err(`no audit records to verify in ${where}`);
      return 1;
    }
    for (const chain of result.chains) {
      if (chain.ok) {
        io.out(`ok: instance ${chain.instanceId}: ${chain.records} records, last seq ${chain.head.seq}`);
        continue;
      }
      const b = chain.firstBreak!;
      const record = b.seq === null ? `after seq ${b.expectedSeq - 1}` : `at seq ${b.seq}`;
      io.err(`broken: instance ${chain.instanceId} ${record}: ${b.reason}: ${b.message}`);
    }
    const broken = result.chains.filter((c) => !c.ok).length;
    if (broken === 0) {
      io.out(`ok: ${result.records} records in ${result.chains.length} instance chains (${where})`);
      return 0;
    }
    io.err(`${broken} of ${result.chains.length} instance chains are broken (${where})`);
    return 1;
  } catch (error) {
    const code = (error as { code?: string }).code;
    io.err(
      code === '42P01'
        ? `no audit table ${at.table} in ${redactUrl(at.url)}: check --table`
        : `cannot verify ${where}: ${(error as Error).message}`,
    );
    return 1;
  }
}

// A URL for messages: never its password.
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL URL';
  }
}

/** `kt audit tail [--path DIR] [-n N] [--follow]`. */
export const auditTail = defineCommand({
  words: 'audit tail',
  summary: 'print the last audit records, and follow new ones',
  usage: '[--path DIR] [-n N] [--follow]',
  description:
    'Prints the last records of the log as JSON lines; with --follow, keeps printing new ones until Ctrl-C.',
  options: {
    path: pathOption,
    lines: {
      type: 'string',
      short: 'n',
      value: 'N',
      default: '10',
      description: 'how many records to print first',
    },
    follow: {
      type: 'boolean',
      short: 'f',
      default: 'off',
      description: 'keep printing records as they are written',
    },
  },
  async run({ values }, io) {
    const dir = resolve(io.cwd, values.path ?? 'audit');
    const lines = Number(values.lines ?? 10);
    if (!Number.isInteger(lines) || lines < 0)
      throw new UsageError(`--lines "${values.lines}": expected a whole number such as 10`);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    try {
      for await (const record of tailAuditLog(dir, {
        lines,
        follow: values.follow === true,
        signal: controller.signal,
      })) {
        io.out(JSON.stringify(record));
      }
    } finally {
      process.off('SIGINT', stop);
    }
    return 0;
  },
});

/** `kt audit query [--path DIR] [--from T] [--to T] [--key-id ID] [--target ID] [--decision D]`. */
export const auditQuery = defineCommand({
  words: 'audit query',
  summary: 'print the audit records that match every filter given',
  usage: '[--path DIR] [--from TIME] [--to TIME] [--key-id ID] [--target ID] [--decision D]',
  description: 'Prints matching records as JSON lines on stdout, and their count on stderr.',
  options: {
    path: pathOption,
    from: {
      type: 'string',
      value: 'TIME',
      default: 'the first record',
      description: 'records at or after this time, such as 2026-11-24T10:00:00Z',
    },
    to: {
      type: 'string',
      value: 'TIME',
      default: 'the last record',
      description: 'records before this time',
    },
    'key-id': { type: 'string', value: 'ID', description: 'records of requests made with this API key id' },
    target: { type: 'string', value: 'ID', description: 'records of requests sent to this target' },
    decision: {
      type: 'string',
      value: 'D',
      description: `records where some rule decided D: ${decisions.slice(0, -1).join(', ')} or ${decisions.at(-1)}`,
    },
  },
  async run({ values }, io) {
    const dir = resolve(io.cwd, values.path ?? 'audit');
    const date = (name: 'from' | 'to') => {
      const text = values[name];
      if (text === undefined) return undefined;
      const parsed = new Date(text);
      if (Number.isNaN(parsed.getTime()))
        throw new UsageError(`--${name} "${text}": expected a time such as 2026-11-24T10:00:00Z`);
      return parsed;
    };
    const decision = values.decision;
    if (decision !== undefined && !decisions.includes(decision)) {
      throw new UsageError(`--decision "${decision}": expected allow, modify, block or error`);
    }
    const from = date('from');
    const to = date('to');
    let count = 0;
    for await (const record of readAuditRecords(dir, {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      filter: (r) =>
        (values['key-id'] === undefined || r.key_id === values['key-id']) &&
        (values.target === undefined || r.target === values.target) &&
        (decision === undefined ||
          (Array.isArray(r.decisions) &&
            r.decisions.some((d) => (d as { action?: string }).action === decision))),
    })) {
      io.out(JSON.stringify(record));
      count++;
    }
    io.err(`${count} record${count === 1 ? '' : 's'}`);
    return 0;
  },
});
