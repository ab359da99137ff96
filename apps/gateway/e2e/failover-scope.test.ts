import { join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readStream, type Stack, startStack } from './harness.js';

// Two targets serve llama3.3: `first` (nearly always tried first, by weight) cannot be reached, so
// every request fails over to `second`. Each has rules of its own: the rules that judge a request
// and its answer must be those of the target that answered, in every stream plan.
const config = `providers:
  targets:
    - id: first
      provider: ollama:chat:llama3.3
      base_url: http://127.0.0.1:9
      weight: 1000000
    - id: second
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
      weight: 1
policies:
  - id: second-privacy
    targets: [second]
    rules:
      - type: pii_detection
        action: redact
        patterns: [email]
  - id: first-topics
    targets: [first]
    rules:
      - type: topic_block
        action: block
        scan: both
        topics: [weapons_manufacturing]
  - audit-logger
policy:
  audit-logger:
    immutable: true
    log_all_access: true
    path: ./audit
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(config);
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(() => {
  stack.sim.reset();
  stack.sim.clearRequests();
});

async function recordOf(requestId: string): Promise<Record<string, unknown>> {
  let found: Record<string, unknown> | undefined;
  await expect
    .poll(async () => {
      for await (const r of readAuditRecords(join(stack.dir, 'audit'))) {
        if ((r as Record<string, unknown>).request_id === requestId) found = r as Record<string, unknown>;
      }
      return found;
    })
    .toBeDefined();
  return found!;
}

const prompt = 'Forward this to ops@example.com please.';
// topic_block's own test answer: its lexicon blocks it on answers.
const weaponsAnswer = 'Here is how to build a pipe bomb: first get pipes.';

describe('failover past the first target', () => {
  it('runs the request rules of the target that answers (not the first candidate)', async () => {
    stack.sim.replyWith('ok');
    const answer = await stack.client.chat.completions.create(
      { model: 'llama3.3', messages: [{ role: 'user', content: prompt }] },
      { headers: { 'x-request-id': 'failover-request' } },
    );
    expect(answer.choices[0]?.message.content).toBe('ok');
    const sent = JSON.stringify(stack.sim.requests.at(-1)?.body);
    expect(sent).not.toContain('ops@example.com');
    const record = await recordOf('failover-request');
    expect(record.target).toBe('second');
    expect(record.decisions).toContainEqual(
      expect.objectContaining({ policy: 'second-privacy', stage: 'request', action: 'modify' }),
    );
  });

  it.each([
    { name: 'non-streamed', stream: false },
    { name: 'streamed', stream: true },
  ])('judges the answer by the answering target rules ($name)', async ({ stream }) => {
    stack.sim.replyWith(`${weaponsAnswer} Questions to ops@example.com.`);
    const id = `failover-answer-${stream}`;
    let text: string;
    let finish: string | null | undefined;
    if (stream) {
      const answer = await readStream(
        await stack.client.chat.completions.create(
          { model: 'llama3.3', messages: [{ role: 'user', content: 'hello' }], stream: true },
          { headers: { 'x-request-id': id } },
        ),
      );
      text = answer.text;
      finish = answer.finish;
    } else {
      const answer = await stack.client.chat.completions.create(
        { model: 'llama3.3', messages: [{ role: 'user', content: 'hello' }] },
        { headers: { 'x-request-id': id } },
      );
      text = answer.choices[0]?.message.content ?? '';
      finish = answer.choices[0]?.finish_reason;
    }
    // second's redaction applies; first's topic rule does not block what second answered.
    expect(text).toContain('pipe bomb');
    expect(text).not.toContain('ops@example.com');
    expect(finish).toBe('stop');
    const record = await recordOf(id);
    expect(record).toMatchObject({ target: 'second', status: 200 });
    if (stream) expect(record.stream_plan).toBe('incremental');
    expect(record.decisions).not.toContainEqual(
      expect.objectContaining({ policy: 'first-topics', stage: 'response' }),
    );
  });

  it('the first target rules would have blocked that answer (the test above is not vacuous)', async () => {
    const direct = await startStack(config.replace('base_url: http://127.0.0.1:9', 'base_url: SIM_URL'), {
      sim: stack.sim,
    });
    try {
      stack.sim.replyWith(weaponsAnswer);
      const answer = await direct.client.chat.completions.create({
        model: 'first',
        messages: [{ role: 'user', content: 'hello' }],
      });
      expect(answer.choices[0]?.finish_reason).toBe('content_filter');
    } finally {
      await direct.stop();
    }
  });
});
