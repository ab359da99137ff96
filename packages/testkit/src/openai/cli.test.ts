import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These tests run the bin as installed: the committed shim, which loads the built dist/openai/cli.js.
const packageDir = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
const bin = join(packageDir, pkg.bin['kt-openai-sim']!);

function run(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

describe('kt-openai-sim', () => {
  it('has a committed bin shim pnpm can link before the build', () => {
    expect(pkg.bin['kt-openai-sim']).toBe('./bin/kt-openai-sim.js');
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('refuses an unknown flavour with exit code 2', async () => {
    const sim = run(['--flavour', 'tgi']);
    expect(await sim.exited).toBe(2);
    expect(sim.stderr()).toContain('--flavour must be one of');
  });

  it('serves llama.cpp’s API until SIGTERM, then exits 0', async () => {
    const sim = run(['--flavour', 'llamacpp', '--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      sim.child.stdout.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(sim.stdout());
        if (match) resolve(match[1]!);
      });
      void sim.exited.then((code) => reject(new Error(`exited with ${code}: ${sim.stderr()}`)));
    });
    expect(sim.stdout()).toContain('llama.cpp server simulator');
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
  });
});
