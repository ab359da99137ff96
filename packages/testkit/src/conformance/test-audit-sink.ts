import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditRecord,
  type AuditSink,
  type AuditSinkDefinition,
  CONTRACT_VERSION,
} from '@keeptrusts/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrThrow, manifestOf } from './config-text.js';

/** One test's run of a sink: a fresh directory (its `baseDir`) and an id no other test shares. */
export interface SinkRun {
  readonly dir: string;
  /** Unique per test: for settings that must not collide across tests (a table, an instance id). */
  readonly id: string;
}

/** The settings a sink's `create` gets, from its definition's schema. */
type ConfigOf<D> = D extends AuditSinkDefinition<infer Config, unknown> ? Config : never;
/** The settings as written in YAML, from its definition's schema. */
type WrittenOf<D> = D extends AuditSinkDefinition<unknown, infer Written> ? Written : never;

/** What {@link testAuditSink} needs besides the definition. */
export interface TestAuditSinkOptions<Config, Written> {
  /** Names this run of the suite when a file runs it more than once (one per store, say). */
  label?: string;
  /** The settings under `policy.<type>`, as written in YAML, for one run. */
  config: (run: SinkRun) => Written;
  /** The environment the sink reads (connection URLs, keys); read once per test. */
  env?: () => Record<string, string>;
  /**
   * Reads back what a run stored, oldest first, as the sink keeps it (fields it adds are fine). Without
   * it the suite checks the lifecycle only.
   */
  readBack?: (run: SinkRun & { config: Config; env: Record<string, string> }) => Promise<readonly object[]>;
}

/**
 * Registers a vitest suite that checks an audit sink against the plugin contract: its settings load
 * through the config loader, it starts healthy, `append` takes records without blocking or throwing,
 * and (with `readBack`) what was appended comes back whole and in order after `flush`, after `close`
 * without a flush, and across a restart on the same settings. Call it at the top level of a test file.
 *
 * @example
 * testAuditSink(auditLogger, {
 *   config: () => ({ path: './audit' }),
 *   readBack: async ({ dir }) => collect(readAuditRecords(join(dir, 'audit'))),
 * });
 */
export function testAuditSink<Definition extends AuditSinkDefinition<unknown, unknown>>(
  definition: Definition,
  options: NoInfer<TestAuditSinkOptions<ConfigOf<Definition>, WrittenOf<Definition>>>,
): void {
  type Config = ConfigOf<Definition>;
  const manifest = manifestOf({ sinks: [definition] });
  const dirs: string[] = [];
  const open: AuditSink[] = [];

  async function start(run?: SinkRun & { env: Record<string, string> }) {
    const at = run ?? { ...(await newRun()), env: options.env?.() ?? {} };
    const written = options.config(at);
    const loaded = await loadOrThrow(
      manifest,
      { policies: { chain: [definition.type] }, policy: { [definition.type]: written } },
      { file: join(at.dir, 'conformance.yaml'), env: at.env },
    );
    const config = loaded.sinks[0]!.config as Config;
    const sink = await definition.create(config, { baseDir: at.dir, env: (name) => at.env[name] });
    open.push(sink);
    return { run: at, config, sink };
  }

  async function newRun(): Promise<SinkRun> {
    const dir = await mkdtemp(join(tmpdir(), 'kt-sink-conformance-'));
    dirs.push(dir);
    return { dir, id: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` };
  }

  /** Closes a sink the test is done with, so the clean-up does not close it twice. */
  const close = async (sink: AuditSink) => {
    open.splice(open.indexOf(sink), 1);
    await sink.close();
  };
  const records = (count: number, sink: AuditSink, from = 0): AuditRecord[] =>
    Array.from({ length: count }, (_, i) => auditRecord(from + i, sink.wantsContent === true));

  describe(`${definition.type} audit sink conformance${options.label === undefined ? '' : ` (${options.label})`}`, () => {
    afterEach(async () => {
      await Promise.all(open.splice(0).map((sink) => sink.close().catch(() => undefined)));
      await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
    });

    it('is a frozen definition made by defineAuditSink', () => {
      expect(definition).toMatchObject({ kind: 'audit_sink', contract: CONTRACT_VERSION });
      expect(Object.isFrozen(definition)).toBe(true);
    });

    it('starts healthy from settings the loader accepted, and closes', async () => {
      const { sink } = await start();
      expect(sink.healthy()).toBe(true);
      await expect(sink.flush()).resolves.toBeUndefined();
      await expect(close(sink)).resolves.toBeUndefined();
    });

    it('takes records without blocking the request: append returns at once and throws nothing', async () => {
      const { sink } = await start();
      // A sink that promises durability per record (fsync: always, PostgreSQL's sync) returns a
      // promise at once, settled when the record is stored; any other returns nothing.
      const stored: Promise<void>[] = [];
      for (const record of records(50, sink)) {
        const result = sink.append(record);
        if (result !== undefined) {
          expect(result).toBeInstanceOf(Promise);
          stored.push(result);
        }
      }
      await expect(Promise.all(stored)).resolves.toBeDefined();
      expect(sink.healthy()).toBe(true);
      await sink.flush();
      await close(sink);
    });

    if (options.readBack !== undefined) {
      const readBack = options.readBack;

      it('gives back every record appended before flush, whole and in order', async () => {
        const { sink, run, config } = await start();
        const sent = records(25, sink);
        for (const record of sent) sink.append(record);
        await sink.flush();
        expectStored(await readBack({ ...run, config }), sent);
      });

      it('writes on close what was appended and not yet flushed', async () => {
        const { sink, run, config } = await start();
        const sent = records(5, sink);
        for (const record of sent) sink.append(record);
        await close(sink);
        expectStored(await readBack({ ...run, config }), sent);
      });

      it('started again on the same settings, keeps the earlier records and appends after them', async () => {
        const first = await start();
        const before = records(3, first.sink);
        for (const record of before) first.sink.append(record);
        await close(first.sink);
        const second = await start(first.run);
        const after = records(2, second.sink, 3);
        for (const record of after) second.sink.append(record);
        await close(second.sink);
        expectStored(await readBack({ ...first.run, config: second.config }), [...before, ...after]);
      });
    }
  });
}

function expectStored(stored: readonly object[], sent: readonly AuditRecord[]): void {
  expect(
    stored.map((r) => (r as { request_id?: unknown }).request_id),
    'records come back in the order they were appended',
  ).toEqual(sent.map((r) => r.request_id));
  for (const [i, record] of sent.entries()) expect(stored[i]).toMatchObject(record);
}

/** A served request's record; with content only for a sink that wants it, as the gateway sends them. */
function auditRecord(n: number, withContent: boolean): AuditRecord {
  return {
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    request_id: `req_conformance_${String(n).padStart(4, '0')}`,
    key_id: 'k1',
    client: '127.0.0.1',
    method: 'POST',
    endpoint: '/v1/chat/completions',
    target: 'llama',
    model: 'llama3.3',
    stream: n % 2 === 1,
    ...(n % 2 === 1 ? { stream_plan: 'incremental' as const } : {}),
    status: 200,
    error_code: null,
    decisions: [
      {
        policy: 'privacy',
        rule: 'pii_detection',
        stage: 'request',
        action: 'modify',
        findings: [{ type: 'email', count: 1 }],
      },
    ],
    latency_ms: 12 + n,
    ttfb_ms: 3,
    usage: { prompt_tokens: 10, completion_tokens: n, total_tokens: 10 + n },
    finish_reason: 'stop',
    ...(withContent ? { prompt: `prompt ${n} for [REDACTED:EMAIL]`, answer: `answer ${n} — ünïcode` } : {}),
  };
}
