import { join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditYaml, type Stack, startStack } from './harness.js';

// One gateway, three targets on one simulator, one stream plan each: no response rule on
// `open` (pass-through), a PII scanner on `scanned` (incremental), topic_block, which needs whole
// answers, on `judged` (buffered).
const config = `providers:
  targets:
    - id: open
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
    - id: scanned
      provider: ollama:chat:phi4
      base_url: SIM_URL
    - id: judged
      provider: ollama:chat:gemma2:9b
      base_url: SIM_URL
policies:
  - id: privacy
    targets: [scanned]
    rules:
      - type: pii_detection
        action: redact
        patterns: [email, ssn]
  - id: topics
    targets: [judged]
    rules:
      - type: topic_block
        action: block
        scan: both
        topics: [weapons_manufacturing]
`;

const plans = [
  { plan: 'pass_through', model: 'open' },
  { plan: 'incremental', model: 'scanned' },
  { plan: 'buffered', model: 'judged' },
] as const;

let sim: OllamaSimulator;
let stack: Stack;

beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
  stack = await startStack(config, { sim, configs: { 'audit.yaml': auditYaml } });
});
afterAll(async () => {
  await stack?.stop();
  await sim?.close();
});
beforeEach(() => {
  sim.reset();
  sim.clearRequests();
});

async function auditRecords(): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of readAuditRecords(join(stack.dir, 'audit'))) out.push(r as Record<string, unknown>);
  return out;
}

/** The audit record of the request with this id, once the gateway has written it. */
async function recordOf(requestId: string): Promise<Record<string, unknown>> {
  let found: Record<string, unknown> | undefined;
  await expect
    .poll(
      async () => {
        found = (await auditRecords()).find((r) => r.request_id === requestId);
        return found;
      },
      { timeout: 5_000 },
    )
    .toBeDefined();
  return found!;
}

let requests = 0;
const nextId = () => `stream-plans-${++requests}`;

const streamed = (model: string, options: { signal?: AbortSignal; id?: string } = {}) =>
  stack.client.chat.completions.create(
    { model, messages: [{ role: 'user', content: 'talk to me' }], stream: true },
    { signal: options.signal, headers: { 'x-request-id': options.id ?? nextId() } },
  );

describe('stream plans', () => {
  it('prints each target plan at start', async () => {
    await expect.poll(() => stack.stdout()).toMatch(/stream plan for judged/);
    const out = stack.stdout();
    expect(out).toMatch(/stream plan for open: pass-through \(no response rule applies/);
    expect(out).toMatch(/stream plan for scanned: incremental \(every response rule streams exactly/);
    expect(out).toMatch(/stream plan for judged: buffered \(topic_block need\(s\) the whole answer/);
  });

  it.each(plans.filter((p) => p.plan !== 'buffered'))(
    'sends the first chunk before the upstream finished ($plan)',
    async ({ model }) => {
      sim.setTokenDelay(40);
      sim.replyWith('write to ops@example.com when the batch is done, then rest for the evening');
      let beforeEnd: number | undefined;
      let text = '';
      for await (const chunk of await streamed(model)) {
        const piece = chunk.choices[0]?.delta.content ?? '';
        if (piece !== '' && beforeEnd === undefined) beforeEnd = sim.completedRequests.length;
        text += piece;
      }
      expect(beforeEnd).toBe(0);
      expect(sim.completedRequests.map((r) => r.path)).toEqual(['/api/chat']);
      // The scanned target still redacts the address it sends in pieces.
      expect(text.includes('ops@example.com')).toBe(model === 'open');
    },
  );

  it('holds the whole answer until the rules judged it (buffered)', async () => {
    sim.setTokenDelay(20);
    sim.replyWith('a calm answer about gardening and the weather');
    let beforeEnd: number | undefined;
    for await (const chunk of await streamed('judged')) {
      if ((chunk.choices[0]?.delta.content ?? '') !== '' && beforeEnd === undefined)
        beforeEnd = sim.completedRequests.length;
    }
    expect(beforeEnd).toBe(1);
  });

  it('records the plan in the audit record', async () => {
    sim.replyWith('short');
    for (const { plan, model } of plans) {
      const id = nextId();
      for await (const _ of await streamed(model, { id })) void _;
      expect(await recordOf(id)).toMatchObject({ stream_plan: plan, status: 200, target: model });
    }
  });
});

describe('a client that goes away', () => {
  it.each(plans)('aborts the upstream call and is audited as client_closed ($plan)', async ({ model }) => {
    sim.setTokenDelay(30);
    sim.replyWith('word '.repeat(400));
    const controller = new AbortController();
    const id = nextId();
    const reading = (async () => {
      const stream = await streamed(model, { signal: controller.signal, id });
      for await (const _ of stream) controller.abort();
    })();
    // Buffered mode sends nothing before the end, so the client gives up while it waits.
    const timer = setTimeout(() => controller.abort(), 300);
    await reading.catch(() => undefined);
    clearTimeout(timer);
    await expect
      .poll(() => sim.abortedRequests.map((r) => r.path), { timeout: 2_000 })
      .toEqual(['/api/chat']);
    expect(sim.completedRequests).toEqual([]);
    const record = await recordOf(id);
    expect(record, JSON.stringify(record)).toMatchObject({ status: 499, error_code: 'client_closed' });
    expect(stack.logs(), stack.logs()).not.toMatch(/internal error|"level":50/);
  });
});

describe('an upstream that fails mid-stream', () => {
  it.each(plans.filter((p) => p.plan !== 'buffered'))(
    'ends the stream with an OpenAI error event the SDK raises ($plan)',
    async ({ model }) => {
      sim.replyWith('one two three four five six seven eight');
      sim.dropNextStreamAfter(3);
      let chunks = 0;
      const id = nextId();
      const error = await (async () => {
        for await (const _ of await streamed(model, { id })) chunks++;
      })().catch((e: unknown) => e);
      expect(chunks).toBeGreaterThan(0);
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).code).toBe('upstream_error');
      expect(await recordOf(id)).toMatchObject({ status: 200, error_code: 'upstream_error' });
    },
  );

  it('answers HTTP 502 while nothing was sent yet (buffered)', async () => {
    sim.replyWith('one two three four five six seven eight');
    sim.dropNextStreamAfter(3);
    const error = await (async () => {
      for await (const _ of await streamed('judged')) void _;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).code).toBe('upstream_error');
  });

  it('reports an error line from Ollama as an error event (pass-through)', async () => {
    sim.replyWith('one two three four five six');
    sim.errorNextStreamAfter(2);
    const error = await (async () => {
      for await (const _ of await streamed('open')) void _;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toMatch(/an error was encountered while running the model/);
  });
});
