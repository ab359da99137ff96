import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readAuditRecords, resolveHmacKey, tailAuditLog, verifyAuditLog } from '@keeptrusts/audit-logger';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

function parse<T extends Record<string, { type: 'string' | 'boolean'; short?: string }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options: { path: { type: 'string' }, ...options } }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `kt audit verify [--path DIR] [--hmac-key-env NAME]`: exit 0 when the chain holds, 1 at the first break. */
export async function auditVerify(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { 'hmac-key-env': { type: 'string' } });
  const dir = resolve(io.cwd, (values.path as string | undefined) ?? 'audit');
  const hmacKey = resolveHmacKey(values['hmac-key-env'] as string | undefined, io.env);
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
}

/** `kt audit tail [--path DIR] [-n N] [--follow]`. */
export async function auditTail(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    follow: { type: 'boolean', short: 'f' },
    lines: { type: 'string', short: 'n' },
  });
  const dir = resolve(io.cwd, (values.path as string | undefined) ?? 'audit');
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    for await (const record of tailAuditLog(dir, {
      lines: Number((values.lines as string | undefined) ?? 10),
      follow: values.follow === true,
      signal: controller.signal,
    })) {
      io.out(JSON.stringify(record));
    }
  } finally {
    process.off('SIGINT', stop);
  }
  return 0;
}

/** `kt audit query [--path DIR] [--from T] [--to T] [--key-id ID] [--target ID] [--decision D]`. */
export async function auditQuery(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    'key-id': { type: 'string' },
    target: { type: 'string' },
    decision: { type: 'string' },
  });
  const dir = resolve(io.cwd, (values.path as string | undefined) ?? 'audit');
  const date = (name: 'from' | 'to') => {
    const text = values[name];
    if (text === undefined) return undefined;
    const parsed = new Date(text);
    if (Number.isNaN(parsed.getTime()))
      throw new UsageError(`--${name} "${text}": expected a time such as 2026-11-24T10:00:00Z`);
    return parsed;
  };
  const decision = values.decision as string | undefined;
  if (decision !== undefined && !['allow', 'modify', 'block', 'error'].includes(decision)) {
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
}
