import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AuditLogError } from './errors.js';
import { loadPg, missingPgError } from './postgres-driver.js';

const run = promisify(execFile);

/**
 * The error Node gives when code outside any node_modules imports `specifier`. A child process
 * imports it, because vitest resolves this file's own imports its own way.
 */
async function importErrorOutsideInstall(specifier: string): Promise<Error> {
  const cwd = await mkdtemp(join(tmpdir(), 'kt-no-pg-'));
  const probe = `import(${JSON.stringify(specifier)}).then(() => console.log('null'), (e) => console.log(JSON.stringify({ code: e.code, message: e.message })))`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd });
  const { code, message } = JSON.parse(stdout) as { code: string; message: string };
  return Object.assign(new Error(message), { code });
}

describe('loadPg', () => {
  it('loads the installed pg', async () => {
    expect(typeof (await loadPg()).Pool).toBe('function');
  });
});

describe('missingPgError', () => {
  it('names the package and how to install it when pg is not installed', async () => {
    const cause = await importErrorOutsideInstall('pg');
    const error = missingPgError(cause);
    expect(error).toBeInstanceOf(AuditLogError);
    expect(error).toMatchObject({ code: 'config', cause });
    expect(error?.message).toBe(
      'sink: postgres needs the pg package, which is not installed: add it next to @keeptrusts/audit-logger ' +
        '(npm install pg, or pnpm add pg)',
    );
  });

  it.each([
    { name: 'a missing package of pg’s own', error: () => importErrorOutsideInstall('pg-pool') },
    { name: 'any other error', error: async () => new Error("cannot load 'pg'") },
  ])('leaves $name alone', async ({ error }) => {
    expect(missingPgError(await error())).toBeUndefined();
  });
});
