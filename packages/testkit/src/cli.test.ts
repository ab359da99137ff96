import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These tests run the bin as installed: the committed shim, which loads the built dist/cli.js.
const packageDir = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
const bin = join(packageDir, pkg.bin['kt-ollama-sim']!);

function run(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

describe('kt-ollama-sim', () => {
  it('has a bin target that exists before the package is built, so pnpm can link it at install', () => {
    expect(pkg.bin['kt-ollama-sim']).toBe('./bin/kt-ollama-sim.js');
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('prints its usage for --help and exits 0', async () => {
    const sim = run(['--help']);
    expect(await sim.exited).toBe(0);
    expect(sim.stdout()).toContain('Usage: kt-ollama-sim');
  });

  it('refuses an unknown flag with exit code 2 and the usage', async () => {
    const sim = run(['--verbose']);
    expect(await sim.exited).toBe(2);
    expect(sim.stderr()).toContain('Usage: kt-ollama-sim');
  });

  it('serves the Ollama API until SIGTERM, then exits 0', async () => {
    const sim = run(['--port', '0']);
    const url = await new Promise<string>((resolve, reject) => {
      sim.child.stdout.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(sim.stdout());
        if (match) resolve(match[1]!);
      });
      void sim.exited.then((code) => reject(new Error(`exited with ${code}: ${sim.stderr()}`)));
    });
    const tags = (await (await fetch(`${url}/api/tags`)).json()) as { models: { name: string }[] };
    expect(tags.models.map((m) => m.name)).toContain('llama3.3:latest');
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
  });
});
