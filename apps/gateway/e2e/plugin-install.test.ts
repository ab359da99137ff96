// A plugin as its users get it: packed, installed with npm in a project outside the workspace,
// and loaded by the installed `kt`. Our @keeptrusts/* packages are not on the registry yet, so
// local tarballs stand in for them; everything else comes from the npm registry (npm's cache).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, readStream, spawnGateway, stopChild } from './harness.js';

const root = join(import.meta.dirname, '../../..');
const example = join(root, 'examples/policy-plugin-example');
const pluginName = 'keeptrusts-policy-keyword-deny';
const installTimeout = 120_000;

/** Runs a command to completion; throws with its whole output when it fails. */
async function run(command: string, args: string[], cwd: string): Promise<string> {
  // Scripts run by pnpm and vitest pass npm_config_*, VITEST* and colour variables on; npm and a
  // nested vitest would read them as their own settings, so the child gets the user's environment.
  const env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(npm_|VITEST|TINYPOOL)|^(NODE_ENV|TEST|FORCE_COLOR)$/.test(key),
      ),
    ),
    NO_COLOR: '1',
  };
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0)
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited with ${code}:\n${output}`);
  return output;
}

const npmInstall = (cwd: string) =>
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], cwd);

/** The directories under `dir/node_modules` that hold a copy of package `name`. */
async function copiesOf(dir: string, name: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'node_modules'), { recursive: true });
  return entries
    .map((entry) => `node_modules/${entry.replaceAll('\\', '/')}`)
    .filter((entry) => entry.endsWith(`node_modules/${name}`))
    .sort();
}

let scratch: string;
/** Tarball file per package name, as `pnpm publish` would upload them (`workspace:` ranges rewritten). */
const tarballs = new Map<string, string>();

beforeAll(async () => {
  for (const built of ['apps/gateway/dist/cli.js', 'examples/policy-plugin-example/dist/index.js']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`pnpm build\` first`);
  }
  scratch = await mkdtemp(join(tmpdir(), 'kt-plugin-install-'));
  const pnpm = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { packageManager: string })
    .packageManager;
  const filters = ['@keeptrusts/gateway...', '@keeptrusts/testkit', pluginName].flatMap((f) => [
    '--filter',
    f,
  ]);
  const packed = await run(
    'npx',
    ['--yes', pnpm, ...filters, 'pack', '--pack-destination', join(scratch, 'tarballs'), '--json'],
    root,
  );
  for (const { name, filename } of JSON.parse(packed) as { name: string; filename: string }[]) {
    tarballs.set(name, filename);
  }
}, installTimeout);

afterAll(async () => {
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

describe('the example plugin copied out of the repository', () => {
  it(
    'installs, type-checks, tests and builds with npm alone',
    async () => {
      const dir = join(scratch, 'author');
      await cp(example, dir, {
        recursive: true,
        filter: (path) => !/^(node_modules|dist)(\/|$)/.test(relative(example, path)),
      });
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      };
      for (const name of Object.keys(manifest.devDependencies).filter((n) => n.startsWith('@keeptrusts/'))) {
        manifest.devDependencies[name] = `file:${tarballs.get(name)}`;
      }
      await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
      await npmInstall(dir);
      await run('npm', ['run', 'typecheck'], dir);
      expect(await run('npm', ['test'], dir)).toMatch(/Tests\s+\d+ passed/);
      await run('npm', ['run', 'build'], dir);
      expect(existsSync(join(dir, 'dist/index.js'))).toBe(true);
    },
    installTimeout,
  );
});

describe('a plugin installed beside @keeptrusts/gateway and named under plugins:', () => {
  let app: string;
  let sim: OllamaSimulator;
  let gateway: Child;
  let client: OpenAI;

  beforeAll(async () => {
    app = join(scratch, 'app');
    await mkdir(app);
    // The operator's project names the gateway and the plugin, nothing else: core (the plugin's
    // peer) and zod come in through them. `overrides` points npm at the tarballs for the rest.
    const direct = ['@keeptrusts/gateway', pluginName];
    const file = (name: string) => `file:${tarballs.get(name)}`;
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'operator-project',
        private: true,
        dependencies: Object.fromEntries(direct.map((name) => [name, file(name)])),
        overrides: Object.fromEntries(
          [...tarballs.keys()].filter((name) => !direct.includes(name)).map((name) => [name, file(name)]),
        ),
      }),
    );
    await npmInstall(app);
    sim = await startOllamaSimulator({ port: 0 });
    await writeFile(
      join(app, 'policy-config.yaml'),
      `providers:
  targets:
    - id: ollama-llama3
      provider: ollama:chat:llama3.3
      base_url: ${sim.url}
plugins: [${pluginName}]
policies:
  - id: no-codenames
    rules:
      - type: keyword_deny
        action: block
        words: [project-x]
`,
    );
    const started = await spawnGateway(['--listen', '127.0.0.1:0', '--policy-config', 'policy-config.yaml'], {
      cwd: app,
      env: {},
      cli: join(app, 'node_modules/@keeptrusts/gateway/bin/kt.js'),
    });
    gateway = started.child;
    client = new OpenAI({ baseURL: `${started.url}/v1`, apiKey: 'kt-test', maxRetries: 0, timeout: 15_000 });
  }, installTimeout);

  afterAll(async () => {
    if (gateway !== undefined) await stopChild(gateway.process);
    await sim?.close();
  });

  it('installs one core and one zod, which the gateway and the plugin share', async () => {
    expect(await copiesOf(app, '@keeptrusts/core')).toEqual(['node_modules/@keeptrusts/core']);
    expect(await copiesOf(app, 'zod')).toEqual(['node_modules/zod']);
  });

  it("blocks a prompt that uses a denied word with the plugin's rule, and passes others", async () => {
    const error = await client.chat.completions
      .create({ model: 'llama3.3', messages: [{ role: 'user', content: 'Status of Project-X?' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).code).toBe('content_filter');
    expect((error as APIError).message).toContain(
      'blocked by policy "no-codenames" (keyword_deny): the prompt uses a denied word',
    );
    expect(sim.requests).toHaveLength(0);
    const ok = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(ok.choices[0]?.message.content).toContain('hello');
  });

  it("streams answers incrementally through the plugin's scanner, ending one before a denied word", async () => {
    expect(gateway.stdoutText).toMatch(/stream plan for ollama-llama3: incremental/);
    sim.replyWith('The launch of Project-X moves to Friday.');
    const stream = await client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'any launch news?' }],
      stream: true,
    });
    const { text, finish } = await readStream(stream);
    expect([text, finish]).toEqual(['The launch of ', 'content_filter']);
  });
});
