import { resolve } from 'node:path';
import {
  AuditLogError,
  readAuditRecords,
  resolveHmacKey,
  tailAuditLog,
  verifyAuditLog,
} from '@keeptrusts/audit-logger';
import { defineCommand, type OptionSpec } from './command.js';
import { UsageError } from './usage-error.js';

const pathOption = {
  type: 'string',
  value: 'DIR',
  default: 'audit',
  description: "the audit log's folder, from the current one",
} as const satisfies OptionSpec;

const decisions = ['allow', 'modify', 'block', 'error'];

/** `kt audit verify [--path DIR] [--hmac-key-env NAME]`: exit 0 when the chain holds, 1 at the first break. */
export const auditVerify = defineCommand({
  words: 'audit verify',
  summary: "check the audit log's hash chain",
  usage: '[--path DIR] [--hmac-key-env NAME]',
  description:
    'Reads every segment of the log and checks each record against the hash of the one before it.\n' +
    'Exits 0 when the chain holds, or 1 naming the first edited, deleted or reordered record.',
  options: {
    path: pathOption,
    'hmac-key-env': {
      type: 'string',
      value: 'NAME',
      default: 'none, plain SHA-256',
      description: "the variable holding the log's HMAC key (hmac_key_env)",
    },
  },
  async run({ values }, io) {
    const dir = resolve(io.cwd, values.path ?? 'audit');
    let hmacKey: Uint8Array | undefined;
    try {
      hmacKey = resolveHmacKey(values['hmac-key-env'], io.env);
    } catch (error) {
      if (!(error instanceof AuditLogError)) throw error;
      io.err(`kt: ${error.message}`);
      return 1;
    }
    const result = await verifyAuditLog(dir, hmacKey === undefined ? {} : { hmacKey });
    if (result.ok) {
      const head = result.head === undefined ? '' : `, last seq ${result.head.seq}`;
      io.out(`ok: ${result.records} records in ${result.segments} segments${head} (${dir})`);
      if (result.checkpoint !== undefined)
        io.out(`chain continues from a retention checkpoint at seq ${result.checkpoint.seq}`);
      return 0;
    }
    const b = result.firstBreak!;
    io.err(`broken at seq ${b.seq ?? '?'} (${b.segment} line ${b.line}): ${b.reason}: ${b.message}`);
    return 1;
  },
});

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
