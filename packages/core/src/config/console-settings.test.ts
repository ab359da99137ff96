import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConfigIssue } from '../errors.js';
import { createRegistry } from '../plugin/registry.js';
import { loadConfig } from './load.js';

// The web console's settings (#22): server.console and auth.admin_keys.

async function load(text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'kt-console-'));
  const file = join(dir, 'c.yaml');
  await writeFile(file, text);
  return loadConfig([file], { registry: createRegistry(), env: () => undefined });
}

async function problems(text: string) {
  const result = await load(text);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.issues.map((i) => formatConfigIssue({ ...i, file: i.file?.replace(/^.*\//, '') }));
}

const admin = `sha256:${'a'.repeat(64)}`;

describe('console settings', () => {
  it('is off unless server.console is written', async () => {
    const result = await load('server:\n  listen: 127.0.0.1:41002\n');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.server.console).toEqual({
      enabled: false,
      listen: undefined,
      showContent: false,
      sessionMinutes: 480,
    });
    expect(result.config.auth.adminKeys).toEqual([]);
  });

  it('reads the console and the admin keys', async () => {
    const result = await load(
      `auth:\n  admin_keys:\n    - id: ops\n      hash: ${admin}\nserver:\n  console:\n    listen: 127.0.0.1:41003\n    show_content: true\n`,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.server.console).toMatchObject({
      enabled: true,
      listen: '127.0.0.1:41003',
      showContent: true,
    });
    expect(result.config.auth.adminKeys).toEqual([
      { id: 'ops', sha256: 'a'.repeat(64), description: undefined },
    ]);
  });

  it.each([
    {
      name: 'a console without admin keys',
      text: 'server:\n  console:\n    enabled: true\n',
      message: 'c.yaml:3:14 server.console.enabled: the console needs at least one key under auth.admin_keys',
    },
    {
      name: 'an unknown console key',
      text: `auth:\n  admin_keys:\n    - id: ops\n      hash: ${admin}\nserver:\n  console:\n    show_contents: true\n`,
      message: 'server.console',
    },
    {
      name: 'a malformed admin key hash',
      text: 'auth:\n  admin_keys:\n    - id: ops\n      hash: abc\n',
      message: 'auth.admin_keys[0].hash: expected "sha256:" and 64 hex digits',
    },
    {
      name: 'an admin key that is also an API key',
      text: `auth:\n  keys:\n    - id: app\n      hash: ${admin}\n  admin_keys:\n    - id: ops\n      hash: ${admin}\n`,
      message: 'admin key "ops" is also an API key under auth.keys',
    },
    {
      name: 'a bad console listen address',
      text: `auth:\n  admin_keys:\n    - id: ops\n      hash: ${admin}\nserver:\n  console:\n    listen: nowhere\n`,
      message: 'server.console.listen',
    },
  ])('refuses $name', async ({ text, message }) => {
    expect((await problems(text)).join('\n')).toContain(message);
  });
});
