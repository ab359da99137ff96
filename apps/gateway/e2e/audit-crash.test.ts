import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedTargets, startStack } from './harness.js';

// kill -9 under load with fsync: always: every request a client got a whole answer for has its
// record on disk, because the answer (a stream's [DONE]) leaves only after the record is stored.
const clients = 16;

/** Every request id in the log's segments; a line torn by the kill is skipped. */
async function recordedIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      try {
        ids.add((JSON.parse(line) as { request_id: string }).request_id);
      } catch {
        // the torn last line
      }
    }
  }
  return ids;
}

describe('the audit log after kill -9', () => {
  it('has a record of every answered request under fsync: always', { timeout: 60_000 }, async () => {
    const stack = await startStack(seedTargets, {
      configs: {
        'audit.yaml':
          'policies:\n  chain: [audit-logger]\npolicy:\n  audit-logger:\n    immutable: true\n    log_all_access: true\n    fsync: always\n    path: ./audit\n',
      },
    });
    stack.sim.replyWith('a short answer of a few words');
    const answered: string[] = [];
    let killed = false;
    const worker = async (n: number) => {
      for (let i = 0; !killed; i++) {
        const id = `crash-${n}-${i}`;
        const stream = i % 2 === 1;
        try {
          const response = await fetch(`${stack.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-request-id': id },
            body: JSON.stringify({
              model: 'llama3.3',
              stream,
              messages: [{ role: 'user', content: `client ${n} request ${i}` }],
            }),
          });
          const text = await response.text();
          const whole = stream ? text.endsWith('data: [DONE]\n\n') : response.ok && JSON.parse(text).id;
          if (response.status === 200 && whole) answered.push(id);
        } catch {
          // cut by the kill
        }
      }
    };
    const workers = Array.from({ length: clients }, (_, n) => worker(n));
    await expect.poll(() => answered.length, { timeout: 20_000 }).toBeGreaterThan(300);
    stack.process.kill('SIGKILL');
    killed = true;
    await stack.exited;
    await Promise.all(workers);
    await stack.stop();

    const ids = await recordedIds(join(stack.dir, 'audit'));
    const missing = answered.filter((id) => !ids.has(id));
    expect(missing, `${missing.length} of ${answered.length} answered requests have no record`).toEqual([]);
  });
});
