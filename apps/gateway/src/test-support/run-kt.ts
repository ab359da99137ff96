import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/main.js';

/** Runs kt in-process with captured output, in `cwd`, with only the given environment. */
export async function runKt(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: (name) => options.env?.[name],
    cwd: options.cwd,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Writes files into a fresh temporary directory and returns it. */
export async function tempFiles(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-test-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}
