import { join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKtProcess, type Stack, seedTargets, startStack } from './harness.js';

// Bounded load on loopback: 64 clients for 10 seconds, then every answer must have its record.
const clients = 64;
const durationMs = 10_000;

let stack: Stack;
let stopped = false;

beforeAll(async () => {
  stack = await startStack(seedTargets, {
    configs: {
      'audit.yaml':
        'policies:\n  chain: [audit-logger]\npolicy:\n  audit-logger:\n    immutable: true\n    log_all_access: true\n    path: ./audit\n',
    },
  });
});
afterAll(async () => {
  if (!stopped) await stack?.stop();
});

describe('the audit log under load', () => {
  it(`loses no record with ${clients} concurrent clients for ${durationMs / 1000} s, and the chain holds`, {
    timeout: 60_000,
  }, async () => {
    const deadline = Date.now() + durationMs;
    const statuses = new Map<number, number>();
    const worker = async (n: number) => {
      let i = 0;
      while (Date.now() < deadline) {
        const response = await fetch(`${stack.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            model: 'llama3.3',
            messages: [{ role: 'user', content: `client ${n} request ${i++}` }],
          }),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, n) => worker(n)));
    const answered = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(statuses.get(200)).toBe(answered);

    await stack.stop();
    stopped = true;
    let count = 0;
    let lastSeq = 0;
    for await (const record of readAuditRecords(join(stack.dir, 'audit'))) {
      count++;
      expect((record as { seq: number }).seq).toBe(lastSeq + 1);
      lastSeq = (record as { seq: number }).seq;
    }
    expect(count).toBe(answered);
    const verified = await runKtProcess(['audit', 'verify', '--path', 'audit'], stack.dir);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`ok: ${answered} records`);
  });
});
