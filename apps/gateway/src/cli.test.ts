import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The `kt` bin as installed: the committed shim, which loads the built dist/cli.js.
const packageDir = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
const bin = join(packageDir, pkg.bin.kt!);

async function kt(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

describe('the kt bin', () => {
  it('is a file that exists before the package is built, so pnpm can link it at install', () => {
    expect(pkg.bin.kt).toBe('./bin/kt.js');
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('runs the built CLI: help exits 0, a usage error exits 2', async () => {
    const help = await kt(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kt <command>');
    const mistake = await kt(['config', 'validate']);
    expect(mistake.code).toBe(2);
    expect(mistake.stderr).toContain('Usage: kt config validate FILE');
  });
});
