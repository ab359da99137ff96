import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPostgresAuditAt } from '@keeptrusts/audit-logger';
import {
  findPostgresBinDir,
  type OllamaSimulator,
  type PostgresServer,
  startOllamaSimulator,
  startPostgresServer,
} from '@keeptrusts/testkit';
import OpenAI from 'openai';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth.js';
import { freePort, REDIS_URL, requireRedis, uniquePrefix } from '../src/test-support/redis-server.js';
import { parseScrape } from '../src/test-support/scrape.js';
import { type Child, runKtProcess, spawnGateway, stopChild } from './harness.js';
import { type RunningNginx, startNginx } from './nginx.js';

// Several gateways behind one balancer (#23): three `kt gateway run` processes behind nginx, on one
// PostgreSQL audit table (a private server, so it can be stopped) and one Redis, under 64 clients.
// One instance is SIGKILLed and restarted, PostgreSQL is stopped for 5 s, then every instance is
// restarted in turn with SIGTERM. The figures it prints go in docs/SCALING.md.

const CLIENTS = 64;
const LOAD_MS = 20_000;
const SINGLE_MS = 4_000;
const LIMIT = 20;
const INSTANCES = ['gw-1', 'gw-2', 'gw-3'] as const;
/** fail_timeout in deploy/nginx/nginx.conf, and a little more. */
const FAIL_TIMEOUT_MS = 2_200;

const load = createApiKey();
const limited = createApiKey();
const table = `kt_scale_${randomBytes(4).toString('hex')}`;

interface Instance {
  id: string;
  port: number;
  child: Child | undefined;
}

let pgServer: PostgresServer;
let sim: OllamaSimulator;
let nginx: RunningNginx;
let dir: string;
const instances: Instance[] = [];
/** Everything the gateways printed, restarts included, for the log assertions. */
let gatewayLogs = '';

const upstream = (i: Instance) => `127.0.0.1:${i.port}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startInstance(instance: Instance): Promise<void> {
  const { child } = await spawnGateway(
    [
      '--listen',
      upstream(instance),
      '--policy-config',
      'policy-config.yaml',
      '--pid-file',
      join(dir, `${instance.id}.json`),
    ],
    { cwd: dir, env: { KT_INSTANCE_ID: instance.id, KT_AUDIT_DATABASE_URL: pgServer.url } },
  );
  instance.child = child;
  child.exited.then(() => {
    gatewayLogs += child.stderrText + child.stdoutText;
  });
}

beforeAll(async () => {
  await requireRedis();
  const binDir = findPostgresBinDir();
  if (binDir === undefined) {
    throw new Error(
      'no PostgreSQL binaries (initdb, pg_ctl, postgres): apt-get install postgresql, or set KT_TEST_PG_BINDIR',
    );
  }
  pgServer = await startPostgresServer(binDir);
  // Each generated token takes 5 ms: requests stay in flight long enough to be cut by a kill.
  sim = await startOllamaSimulator({ port: 0, tokenDelayMs: 5 });
  sim.replyWith('The gateway answered this request through one of three instances behind nginx.');
  dir = await mkdtemp(join(tmpdir(), 'kt-scale-'));
  await writeFile(
    join(dir, 'policy-config.yaml'),
    `providers:
  targets:
    - id: llama
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
auth:
  keys:
    - id: load
      hash: ${load.hash}
    - id: limited
      hash: ${limited.hash}
      limits:
        requests_per_minute: ${LIMIT}
server:
  shutdown_grace_seconds: 10
  limits:
    store: redis
    redis_url: ${REDIS_URL}
    key_prefix: "${uniquePrefix('scale')}"
policies:
  chain: [audit-logger]
policy:
  audit-logger:
    immutable: true
    log_all_access: true
    sink: postgres
    postgres:
      url: \${KT_AUDIT_DATABASE_URL}
      table: ${table}
      durability: sync
      spool_dir: ./spool
`,
  );
  for (const id of INSTANCES) instances.push({ id, port: await freePort(), child: undefined });
  // One at a time: the first creates the table, and a loaded machine takes its time.
  for (const instance of instances) await startInstance(instance);
  nginx = await startNginx([upstream(instances[0]!)], await freePort());
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  for (const instance of instances) if (instance.child !== undefined) await stopChild(instance.child.process);
  await sim?.close();
  await pgServer?.stop();
});

/** What one client request came to. */
interface Outcome {
  id: string;
  stream: boolean;
  start: number;
  end: number;
  /** The gateway answered it (a whole answer, or an error in OpenAI's shape): it must be audited. */
  answered: boolean;
  status: number | undefined;
  /** The gateway nginx sent it to (X-Upstream), when nginx said. */
  upstream: string | null;
  error: string | undefined;
}

function client(apiKey: string): OpenAI {
  // No retries: a retried request would hide a failure and be audited twice.
  return new OpenAI({ baseURL: `${nginx.url}/v1`, apiKey, maxRetries: 0, timeout: 30_000 });
}

async function request(openai: OpenAI, id: string, stream: boolean): Promise<Outcome> {
  const start = Date.now();
  const messages = [{ role: 'user' as const, content: `request ${id}` }];
  const options = { headers: { 'x-request-id': id } };
  const outcome = (fields: Partial<Outcome>): Outcome => ({
    id,
    stream,
    start,
    end: Date.now(),
    answered: false,
    status: undefined,
    upstream: null,
    error: undefined,
    ...fields,
  });
  try {
    if (stream) {
      const { data, response } = await openai.chat.completions
        .create({ model: 'llama', messages, stream: true }, options)
        .withResponse();
      let finished = false;
      for await (const chunk of data) if (chunk.choices[0]?.finish_reason) finished = true;
      return outcome({
        answered: finished,
        status: response.status,
        upstream: response.headers.get('x-upstream'),
      });
    }
    const { response } = await openai.chat.completions
      .create({ model: 'llama', messages }, options)
      .withResponse();
    return outcome({ answered: true, status: response.status, upstream: response.headers.get('x-upstream') });
  } catch (error) {
    if (error instanceof OpenAI.APIError && error.status !== undefined) {
      // An answer in OpenAI's shape carries the gateway's request id; nginx's own 502 does not.
      const fromGateway = error.headers?.get('x-request-id') === id;
      return outcome({
        answered: fromGateway,
        status: error.status,
        upstream: error.headers?.get('x-upstream') ?? null,
        error: error.message,
      });
    }
    // A connection nginx closed, or a stream cut: the SDK's message, and what undici said.
    const cause = (error as { cause?: { message?: string } }).cause;
    return outcome({ error: `${(error as Error).message} (${cause?.message ?? 'no cause'})` });
  }
}

/** `CLIENTS` clients, alternating streaming and not, each sending requests back to back until `until()`. */
async function runLoad(name: string, until: () => boolean): Promise<Outcome[]> {
  const openai = client(load.key);
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      for (let n = 0; !until(); n++) {
        outcomes.push(await request(openai, `${name}-${worker}-${n}`, (worker + n) % 2 === 0));
      }
    }),
  );
  return outcomes;
}

async function spool(instance: Instance): Promise<number> {
  const response = await fetch(`http://${upstream(instance)}/metrics`, {
    headers: { authorization: `Bearer ${load.key}` },
  });
  return parseScrape(await response.text()).value('keeptrusts_audit_spool_records');
}

function rate(outcomes: readonly Outcome[], from: number, to: number): number {
  const done = outcomes.filter((o) => o.answered && o.end >= from && o.end < to).length;
  return Math.round(done / ((to - from) / 1000));
}

describe('three gateways behind nginx', () => {
  it('lose no audit record and no request but those on a killed instance, share limits, and survive PostgreSQL stopping', async () => {
    // One instance first, for the single-instance figure.
    const singleStart = Date.now();
    const single = await runLoad('single', () => Date.now() - singleStart >= SINGLE_MS);
    const singleRate = rate(single, singleStart + 500, singleStart + SINGLE_MS);
    await nginx.setUpstreams(instances.map(upstream));

    const t0 = Date.now();
    const events: Record<string, number> = {};
    let scenarioDone = false;
    const main = runLoad('main', () => scenarioDone && Date.now() - t0 >= LOAD_MS);
    const at = async (ms: number) => sleep(Math.max(0, t0 + ms - Date.now()));

    const scenario = async () => {
      // A key limited to LIMIT requests a minute, asked 30 times through the balancer.
      await at(1_000);
      const burst = client(limited.key);
      const limitedOutcomes: Outcome[] = [];
      for (let i = 0; i < 30; i += 6) {
        limitedOutcomes.push(
          ...(await Promise.all(
            Array.from({ length: 6 }, (_, j) => request(burst, `limited-${i + j}`, j % 2 === 0)),
          )),
        );
      }

      // SIGKILL one instance mid-run, then start it again (same instance id, same port).
      await at(4_000);
      const victim = instances[1]!;
      events.kill = Date.now();
      victim.child!.process.kill('SIGKILL');
      await victim.child!.exited;
      events.killed = Date.now();
      await startInstance(victim);
      events.restarted = Date.now();

      // PostgreSQL stops for 5 s: every instance spools, then replays.
      await at(Math.max(8_000, events.restarted - t0 + 500));
      await pgServer.pause();
      events.pgDown = Date.now();
      await sleep(2_500);
      const spooled = await Promise.all(instances.map(spool));
      await sleep(events.pgDown + 5_000 - Date.now());
      await pgServer.resume();
      events.pgUp = Date.now();
      await expect
        .poll(async () => (await Promise.all(instances.map(spool))).every((n) => n === 0), {
          timeout: 15_000,
          interval: 250,
        })
        .toBe(true);

      // A rolling restart: each instance drains on SIGTERM (once it stops listening, nginx sends
      // new requests to the others), starts again and is back in rotation.
      events.rollStart = Date.now();
      for (const instance of instances) {
        instance.child!.process.kill('SIGTERM');
        expect(await instance.child!.exited).toBe(0);
        await startInstance(instance);
        // nginx tries a gateway that refused connections again after fail_timeout (deploy/nginx).
        await sleep(FAIL_TIMEOUT_MS);
      }
      events.rollEnd = Date.now();
      return { limitedOutcomes, victim, spooled };
    };
    let result: Awaited<ReturnType<typeof scenario>>;
    try {
      result = await scenario();
    } finally {
      scenarioDone = true;
    }
    const { limitedOutcomes, victim, spooled } = result;
    const outcomes = await main;
    const tEnd = Date.now();

    // Every request a client got an answer for has exactly one audit record.
    const db = new pg.Pool({ connectionString: pgServer.url, max: 1 });
    let counts: Map<string, number>;
    let lag: { steady_p95: number; outage_max: number; records: number };
    try {
      const { rows } = await db.query<{ id: string; n: number }>(
        `SELECT record::jsonb->>'request_id' AS id, count(*)::int AS n FROM ${table} GROUP BY 1`,
      );
      counts = new Map(rows.map((r) => [r.id, r.n]));
      const lagRows = await db.query<{ steady_p95: number; outage_max: number; records: number }>(
        `SELECT
           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM stored_at - ts) * 1000)
             FILTER (WHERE ts < to_timestamp($1 / 1000.0) OR ts > to_timestamp($2 / 1000.0)) AS steady_p95,
           max(extract(epoch FROM stored_at - ts) * 1000)
             FILTER (WHERE ts BETWEEN to_timestamp($1 / 1000.0) AND to_timestamp($2 / 1000.0)) AS outage_max,
           count(*)::int AS records
         FROM ${table}`,
        [events.pgDown, events.pgUp],
      );
      lag = lagRows.rows[0]!;
    } finally {
      await db.end();
    }
    const all = [...single, ...outcomes, ...limitedOutcomes];
    const answered = all.filter((o) => o.answered);
    const unaudited = answered
      .filter((o) => counts.get(o.id) !== 1)
      .map((o) => `${o.id}: ${counts.get(o.id) ?? 0}`);
    expect(unaudited).toEqual([]);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    // Every chain verifies, kt audit verify says so, and each instance's chain continued across its restarts.
    const verified = await verifyPostgresAuditAt(pgServer.url, { table });
    expect(verified.ok).toBe(true);
    expect(verified.chains.map((c) => [c.instanceId, c.ok])).toEqual(INSTANCES.map((id) => [id, true]));
    const cli = await runKtProcess(['audit', 'verify', '--postgres', pgServer.url, '--table', table], dir);
    expect(cli.stdout).toContain(`ok: ${verified.records} records in 3 instance chains`);
    expect(cli.code).toBe(0);

    // The only failed requests are those in flight on the killed instance; none in the rolling restart.
    const failed = all.filter((o) => !o.answered);
    const inFlightAtKill = (o: Outcome) => o.start <= events.killed! && o.end >= events.kill!;
    expect(
      failed.filter(
        (o) => !inFlightAtKill(o) || (o.upstream !== null && !o.upstream.includes(upstream(victim))),
      ),
    ).toEqual([]);
    expect(failed.filter((o) => o.start >= events.rollStart! || o.end >= events.rollStart!)).toEqual([]);
    // Every answer was a success, but for the limited key's refusals.
    expect(answered.filter((o) => o.status !== 200 && !o.id.startsWith('limited-'))).toEqual([]);

    // The limited key got exactly LIMIT answers across the three instances.
    const served = limitedOutcomes.filter((o) => o.status === 200);
    expect(served).toHaveLength(LIMIT);
    expect(limitedOutcomes.filter((o) => o.status === 429)).toHaveLength(30 - LIMIT);
    const servedBy = new Set(served.map((o) => o.upstream));

    // PostgreSQL stopped for 5 s: requests were answered meanwhile, from the spool, and none lost.
    const duringOutage = answered.filter((o) => o.start >= events.pgDown! && o.end <= events.pgUp!);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(spooled.some((n) => n > 0)).toBe(true);
    for (const instance of instances)
      if (instance.child !== undefined) await stopChild(instance.child.process);
    expect(gatewayLogs).toContain('PostgreSQL cannot be reached');
    expect(gatewayLogs).toContain('replayed');

    const figures = {
      'req/s, 1 instance': singleRate,
      'req/s, 3 instances (before the kill)': rate(outcomes, t0 + 500, events.kill!),
      'req/s, 3 instances (whole run, with kill, outage and rolling restart)': rate(outcomes, t0, tEnd),
      'audit lag p95 outside the outage (ms)': Math.round(lag.steady_p95),
      'audit lag max of records written during the outage (ms)': Math.round(lag.outage_max),
      'requests answered': answered.length,
      'requests failed (in flight on the SIGKILLed instance)': failed.length,
      'answered while PostgreSQL was stopped': duringOutage.length,
      'records spooled per instance 2.5 s into the outage': spooled.join(' / '),
      'instances that served the limited key': servedBy.size,
      'run (s)': Math.round((tEnd - singleStart) / 1000),
    };
    console.info(`scale test figures (docs/SCALING.md):\n${JSON.stringify(figures, null, 2)}`);
  }, 150_000);
});
