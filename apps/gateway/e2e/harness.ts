import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI from 'openai';

const cli = join(import.meta.dirname, '../dist/cli.js');

/** What a client assembles from a streamed chat answer. */
export interface StreamedAnswer {
  text: string;
  /** The thinking text, under the `reasoning` name Ollama's OpenAI layer uses. */
  reasoning: string;
  /** Every tool call's argument fragments, concatenated. */
  toolArguments: string;
  finish: string | null | undefined;
}

/** Reads a streamed chat answer to its end, as an SDK user would. */
export async function readStream(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<StreamedAnswer> {
  const answer: StreamedAnswer = { text: '', reasoning: '', toolArguments: '', finish: undefined };
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const delta = choice?.delta as
      | (OpenAI.ChatCompletionChunk.Choice.Delta & { reasoning?: string })
      | undefined;
    answer.text += delta?.content ?? '';
    answer.reasoning += delta?.reasoning ?? '';
    for (const call of delta?.tool_calls ?? []) answer.toolArguments += call.function?.arguments ?? '';
    answer.finish = choice?.finish_reason ?? answer.finish;
  }
  return answer;
}

/** A running gateway (the built `kt`, as a child process) in front of a running simulator. */
export interface Stack {
  sim: OllamaSimulator;
  url: string;
  client: OpenAI;
  dir: string;
  /** The gateway process's pid. */
  pid: number;
  /** What the gateway printed on stderr so far (its logs). */
  logs(): string;
  /** What the gateway printed on stdout so far (start-up lines, stream plans, reloads). */
  stdout(): string;
  /** The gateway's process, to signal it. */
  process: ChildProcess;
  /** Resolves with the gateway's exit code once it has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts the simulator and `kt gateway run` with `config`, in which `SIM_URL` stands for the
 * simulator's URL. Extra files (keys, plugins) go beside it.
 */
export async function startStack(
  config: string,
  options: {
    env?: Record<string, string>;
    apiKey?: string;
    /** Further config files, merged after the first in this order. */
    configs?: Record<string, string>;
    files?: Record<string, string>;
    sim?: OllamaSimulator;
    /** Further `kt gateway run` arguments. */
    args?: string[];
  } = {},
): Promise<Stack> {
  const sim = options.sim ?? (await startOllamaSimulator({ port: 0 }));
  const dir = await mkdtemp(join(tmpdir(), 'kt-e2e-'));
  await writeFile(join(dir, 'policy-config.yaml'), config.replaceAll('SIM_URL', sim.url));
  for (const [name, text] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), text);
  const args = ['--listen', '127.0.0.1:0', '--policy-config', 'policy-config.yaml', ...(options.args ?? [])];
  for (const [name, text] of Object.entries(options.configs ?? {})) {
    await writeFile(join(dir, name), text.replaceAll('SIM_URL', sim.url));
    args.push('--policy-config', name);
  }
  const { child, url } = await spawnGateway(args, {
    cwd: dir,
    env: options.env ?? {},
  });
  const client = new OpenAI({
    baseURL: `${url}/v1`,
    apiKey: options.apiKey ?? 'kt-test',
    maxRetries: 0,
    timeout: 15_000,
  });
  return {
    sim,
    url,
    client,
    dir,
    pid: child.process.pid!,
    logs: () => child.stderrText,
    stdout: () => child.stdoutText,
    process: child.process,
    exited: child.exited,
    async stop() {
      await stopChild(child.process);
      if (options.sim === undefined) await sim.close();
    },
  };
}

/** A spawned gateway. */
export interface Child {
  process: ChildProcess;
  stderrText: string;
  stdoutText: string;
  exited: Promise<number | null>;
}

/** Spawns `kt gateway run` and resolves with its URL once it listens; rejects with its output if it exits. */
export async function spawnGateway(
  args: string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    /** The `kt` to run (default: this workspace's built CLI), e.g. an installed package's bin. */
    cli?: string;
  },
): Promise<{ child: Child; url: string }> {
  const proc = spawn(process.execPath, [options.cli ?? cli, 'gateway', 'run', ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', KT_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'close': the process exited and its output was read to the end.
  const exited = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
  const child: Child = { process: proc, stderrText: '', stdoutText: '', exited };
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (child.stderrText += d));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      child.stdoutText += d;
      const match = /listening on (http:\/\/\S+) /.exec(child.stdoutText);
      if (match) resolve(match[1]!);
    });
    proc.once('exit', (code) =>
      reject(new Error(`kt exited with ${code}\n${child.stdoutText}\n${child.stderrText}`)),
    );
  });
  return { child, url };
}

/** Runs `kt` to completion and returns its exit code and output. */
export async function runKtProcess(args: string[], cwd: string, env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, [cli, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
  return { code, stdout, stderr };
}

/**
 * Stops a spawned gateway with SIGTERM (SIGKILL after 5 s) and waits until it exited and its
 * output was read to the end, so what it printed last is in the captured text.
 */
export async function stopChild(proc: ChildProcess): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    const streams = [proc.stdout, proc.stderr].filter((s) => s !== null);
    if (proc.exitCode !== null || proc.signalCode !== null) {
      if (streams.every((s) => s.closed)) resolve();
      else proc.once('close', () => resolve());
    } else proc.once('close', () => resolve());
  });
  if (proc.exitCode === null && proc.signalCode === null) {
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await closed;
    clearTimeout(timer);
  }
  await closed;
}

/** An audit file holding the hash-chained audit log in `./audit`, every request recorded. */
export const auditYaml = `policies:
  chain: [audit-logger]
policy:
  audit-logger:
    immutable: true
    log_all_access: true
    path: ./audit
`;

/** The seed's policy-config.yaml, pointed at the simulator. */
export const seedTargets = `providers:
  targets:
    - id: ollama-llama3
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
    - id: ollama-phi4
      provider: ollama:chat:phi4
      base_url: SIM_URL
    - id: ollama-mistral-completion
      provider: ollama:completion:mistral
      base_url: SIM_URL
    - id: ollama-embed
      provider: ollama:embedding:nomic-embed-text
      base_url: SIM_URL
`;
