import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import type OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditYaml, runKtProcess, type Stack, startStack } from './harness.js';

// SIGTERM drains, a second signal exits at once, SIGHUP and `kt gateway reload` swap the config
// without failing a request: each against the built `kt` as a child process.

const target = `providers:
  targets:
    - id: chat
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
`;
const redactEmail = `policies:
  - id: privacy
    rules:
      - type: pii_detection
        action: redact
        patterns: [email]
`;

let sim: OllamaSimulator;
const stacks: Stack[] = [];

beforeAll(async () => {
  sim = await startOllamaSimulator({ port: 0 });
});
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((s) => s.stop()));
  sim.reset();
  sim.clearRequests();
});
afterAll(async () => {
  await sim?.close();
});

async function stackWith(config: string, options: Parameters<typeof startStack>[1] = {}): Promise<Stack> {
  const stack = await startStack(config, { sim, ...options });
  stacks.push(stack);
  return stack;
}

async function auditRecords(dir: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of readAuditRecords(join(dir, 'audit'))) out.push(r as Record<string, unknown>);
  return out;
}

/** Streams a chat answer with fetch and returns the raw SSE text, so `[DONE]` can be seen. */
async function rawStream(url: string, onFirstChunk: () => void): Promise<string> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'long-stream' },
    body: JSON.stringify({ model: 'llama3.3', stream: true, messages: [{ role: 'user', content: 'go' }] }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    text += value;
    if (first && text.includes('"content":"')) {
      first = false;
      onFirstChunk();
    }
  }
}

/** The answer text of a raw chat SSE stream. */
function contentOf(sse: string): string {
  let text = '';
  for (const frame of sse.split('\n\n')) {
    if (!frame.startsWith('data: {')) continue;
    const chunk = JSON.parse(frame.slice(6)) as OpenAI.ChatCompletionChunk;
    text += chunk.choices[0]?.delta.content ?? '';
  }
  return text;
}

const chat = (client: OpenAI) =>
  client.chat.completions.create({ model: 'llama3.3', messages: [{ role: 'user', content: 'hi' }] });

describe('SIGTERM', () => {
  it('lets a 5 s stream finish with [DONE] and its audit record, refuses new connections, exits 0', async () => {
    const stack = await stackWith(target, { configs: { 'audit.yaml': auditYaml } });
    sim.setTokenDelay(100);
    sim.replyWith(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
    const text = await rawStream(stack.url, () => stack.process.kill('SIGTERM'));
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(contentOf(text)).toContain('w49');
    expect(await stack.exited).toBe(0);
    await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
    const records = await auditRecords(stack.dir);
    expect(records.find((r) => r.request_id === 'long-stream')).toMatchObject({ status: 200, stream: true });
    expect(stack.stdout()).toMatch(/draining 1 request\(s\) in flight/);
    expect(stack.stdout()).toMatch(/every request answered and its audit record written/);
  });

  it('cuts what is still running at server.shutdown_grace_seconds and says so', async () => {
    const stack = await stackWith(`${target}server:\n  shutdown_grace_seconds: 0.3\n`, {
      configs: { 'audit.yaml': auditYaml },
    });
    sim.setTokenDelay(100);
    sim.replyWith('word '.repeat(100));
    await rawStream(stack.url, () => stack.process.kill('SIGTERM')).catch(() => '');
    expect(await stack.exited).toBe(0);
    expect(stack.stdout()).toMatch(/1 request\(s\) were still running after 0.3 s and were cut/);
    const records = await auditRecords(stack.dir);
    expect(records.find((r) => r.request_id === 'long-stream')).toMatchObject({ status: 499 });
  });

  it('exits at once on a second signal', async () => {
    const stack = await stackWith(target);
    sim.setTokenDelay(100);
    sim.replyWith('word '.repeat(100));
    const reading = rawStream(stack.url, () => {
      stack.process.kill('SIGTERM');
      setTimeout(() => stack.process.kill('SIGTERM'), 100);
    }).catch(() => 'cut');
    expect(await stack.exited).toBe(143);
    expect(await reading).toBe('cut');
    expect(stack.logs()).toMatch(/SIGTERM again: exiting without waiting/);
  });
});

/**
 * The pinned pnpm, as `npx --yes pnpm@10.34.9` installs it: its script file, and the folder of its
 * `pnpm` command (turbo, which `pnpm kt` runs, looks pnpm up on PATH).
 */
function pinnedPnpm(): { script: string; binDir: string } {
  const bin = execFileSync('npx', ['--yes', '-p', 'pnpm@10.34.9', '-c', 'command -v pnpm'], {
    encoding: 'utf8',
  });
  return { script: realpathSync(bin.trim()), binDir: dirname(bin.trim()) };
}

describe('started through pnpm kt', () => {
  it('drains on SIGTERM sent to pnpm and exits 0', async () => {
    const dir = (await stackWith(target)).dir; // only for its directory and config file
    await Promise.all(stacks.splice(0).map((s) => s.stop()));
    await writeFile(join(dir, 'audit.yaml'), auditYaml.replace('./audit', join(dir, 'audit')));
    const root = join(import.meta.dirname, '../../..');
    const pnpm = pinnedPnpm();
    const proc: ChildProcess = spawn(
      process.execPath,
      [
        pnpm.script,
        'kt',
        'gateway',
        'run',
        '--listen',
        '127.0.0.1:0',
        '--policy-config',
        join(dir, 'policy-config.yaml'),
        '--policy-config',
        join(dir, 'audit.yaml'),
        '--pid-file',
        join(dir, 'kt.json'),
      ],
      {
        cwd: root,
        env: { ...process.env, PATH: `${pnpm.binDir}:${process.env.PATH}`, KT_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    let out = '';
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const match = /listening on (http:\/\/\S+) /.exec(out);
        if (match) resolve(match[1]!);
      });
      void exited.then((code) => reject(new Error(`pnpm kt exited with ${code}: ${out}`)));
    });
    sim.setTokenDelay(50);
    sim.replyWith(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '));
    const text = await rawStream(url, () => proc.kill('SIGTERM'));
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(await exited).toBe(0);
    const records = await auditRecords(dir);
    expect(records.find((r) => r.request_id === 'long-stream')).toMatchObject({ status: 200 });
  }, 60_000);
});

describe('reload', () => {
  /** Sends non-streamed chats back to back until stopped; counts answers and failures. */
  function steadyTraffic(client: OpenAI, workers = 4) {
    let running = true;
    const counts = { ok: 0, failed: [] as string[] };
    const loops = Array.from({ length: workers }, async () => {
      while (running) {
        try {
          await chat(client);
          counts.ok++;
        } catch (error) {
          counts.failed.push(String(error));
        }
      }
    });
    return {
      counts,
      async stop() {
        running = false;
        await Promise.all(loops);
        return counts;
      },
    };
  }

  it('takes a good config on SIGHUP and refuses a broken one with file:line, failing no request', async () => {
    const stack = await stackWith(target, { configs: { 'rules.yaml': 'policies: []\n' } });
    sim.replyWith('mail me at ops@example.com');
    const traffic = steadyTraffic(stack.client);
    await expect.poll(() => traffic.counts.ok, { timeout: 5_000 }).toBeGreaterThan(20);
    expect((await chat(stack.client)).choices[0]?.message.content).toContain('ops@example.com');

    await writeFile(join(stack.dir, 'rules.yaml'), redactEmail);
    stack.process.kill('SIGHUP');
    await expect.poll(() => stack.stdout(), { timeout: 10_000 }).toMatch(/configuration reloaded/);
    expect((await chat(stack.client)).choices[0]?.message.content).not.toContain('ops@example.com');

    await writeFile(
      join(stack.dir, 'rules.yaml'),
      'policies:\n  - id: broken\n    rules:\n      - type: pii_detektion\n',
    );
    stack.process.kill('SIGHUP');
    await expect.poll(() => stack.logs(), { timeout: 10_000 }).toMatch(/reload refused/);
    expect(stack.logs()).toMatch(/rules\.yaml:4:\d+ .*pii_detektion/);
    // The running config (with the redaction) stays.
    expect((await chat(stack.client)).choices[0]?.message.content).not.toContain('ops@example.com');

    const counts = await traffic.stop();
    expect(counts.failed).toEqual([]);
    expect(counts.ok).toBeGreaterThan(40);
  }, 30_000);

  it('kt gateway reload signals the gateway, waits and reports the outcome', async () => {
    const stateFile = 'kt-state.json';
    const stack = await stackWith(target, {
      configs: { 'rules.yaml': 'policies: []\n' },
      args: ['--pid-file', stateFile],
    });
    sim.replyWith('mail me at ops@example.com');
    await writeFile(join(stack.dir, 'rules.yaml'), redactEmail);
    const good = await runKtProcess(['gateway', 'reload', '--pid-file', stateFile], stack.dir);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(/reloaded policy-config\.yaml, rules\.yaml/);
    expect(good.code).toBe(0);
    expect((await chat(stack.client)).choices[0]?.message.content).not.toContain('ops@example.com');

    await writeFile(join(stack.dir, 'rules.yaml'), 'policies:\n  - id: p\n    rulez: []\n');
    const bad = await runKtProcess(['gateway', 'reload', '--pid-file', stateFile], stack.dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/rules\.yaml:3:\d+ .*rulez/);
    expect(bad.stderr).toMatch(/reload refused: the gateway keeps running on its previous configuration/);

    const none = await runKtProcess(['gateway', 'reload', '--pid-file', 'nowhere.json'], stack.dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no running gateway found: .*nowhere\.json does not exist/);
  }, 30_000);

  it('lets a stream in flight finish on the config it started with', async () => {
    const stack = await stackWith(target, { configs: { 'rules.yaml': 'policies: []\n' } });
    sim.setTokenDelay(40);
    sim.replyWith('first part then ops@example.com at the very end of this answer');
    const text = await rawStream(stack.url, () => {
      void writeFile(join(stack.dir, 'rules.yaml'), redactEmail).then(() => stack.process.kill('SIGHUP'));
    });
    await expect.poll(() => stack.stdout(), { timeout: 10_000 }).toMatch(/configuration reloaded/);
    expect(contentOf(text)).toContain('ops@example.com');
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    sim.setTokenDelay(0);
    expect((await chat(stack.client)).choices[0]?.message.content).not.toContain('ops@example.com');
  }, 30_000);
});
