import { hostname } from 'node:os';
import { join } from 'node:path';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditYaml, runKtProcess, seedTargets, spawnGateway, startStack, stopChild } from './harness.js';

// One gateway per audit directory: a second writer would fork the hash chain.
const configArgs = ['--policy-config', 'policy-config.yaml', '--policy-config', 'audit.yaml'];

let sim: OllamaSimulator;
beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
});
afterAll(async () => {
  await sim?.close();
});

describe('the audit directory lock through kt gateway run', () => {
  it('refuses a second gateway on the same audit directory, naming the directory and the running gateway', async () => {
    const stack = await startStack(seedTargets, { sim, configs: { 'audit.yaml': auditYaml } });
    try {
      const second = await runKtProcess(
        ['gateway', 'run', '--listen', '127.0.0.1:0', ...configArgs],
        stack.dir,
      );
      expect(second.code).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr).toContain(
        `the gateway did not start: audit log ${join(stack.dir, 'audit')} is in use by another writer ` +
          `(pid ${stack.pid} on ${hostname()}, since `,
      );
      // The first gateway goes on serving and auditing.
      sim.replyWith('still here');
      const answer = await stack.client.chat.completions.create({
        model: 'llama3.3',
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(answer.choices[0]?.message.content).toBe('still here');
    } finally {
      await stack.stop();
    }
    const verified = await runKtProcess(['audit', 'verify', ...configArgs], stack.dir);
    expect(verified.stdout).toContain('ok: 1 records');
    expect(verified.code).toBe(0);
  });

  it('takes over the lock of a gateway that was killed, and logs that it did', async () => {
    const stack = await startStack(seedTargets, { sim, configs: { 'audit.yaml': auditYaml } });
    const killed = stack.pid;
    process.kill(killed, 'SIGKILL');
    await stack.stop();

    const { child } = await spawnGateway(['--listen', '127.0.0.1:0', ...configArgs], {
      cwd: stack.dir,
      env: {},
    });
    try {
      // Logged before it listens, but stderr and stdout are separate pipes.
      await vi.waitFor(() =>
        expect(child.stderrText).toContain(
          `audit log ${join(stack.dir, 'audit')}: took over the LOCK left by pid ${killed} on ${hostname()}`,
        ),
      );
    } finally {
      await stopChild(child.process);
    }
    const verified = await runKtProcess(['audit', 'verify', ...configArgs], stack.dir);
    expect(verified.code).toBe(0);
  });
});
