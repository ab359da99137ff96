import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStream, runKtProcess, type Stack, seedTargets, startStack } from './harness.js';

// The example plugin of examples/policy-plugin-example, named by path as an operator would.
const plugin = join(import.meta.dirname, '../../../examples/policy-plugin-example/dist/index.js');
const config = `${seedTargets}plugins:\n  - ${plugin}\npolicies:\n  - id: no-codenames\n    rules:\n      - type: keyword_deny\n        action: block\n        words: [project-x]\n`;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack(config);
});
afterAll(async () => {
  await stack?.stop();
});

describe('a third-party policy plugin named under plugins:', () => {
  it('blocks through the gateway without touching the gateway', async () => {
    const error = await stack.client.chat.completions
      .create({ model: 'llama3.3', messages: [{ role: 'user', content: 'Status of Project-X?' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).code).toBe('content_filter');
    expect((error as APIError).message).toContain(
      'blocked by policy "no-codenames" (keyword_deny): the prompt uses a denied word',
    );
    expect(stack.sim.requests).toHaveLength(0);
    const ok = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(ok.choices[0]?.message.content).toContain('hello');
  });

  it("ends answers that use a denied word through the plugin's response scanner", async () => {
    stack.sim.replyWith('The launch of Project-X moves to Friday.');
    const whole = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'any launch news?' }],
    });
    expect(whole.choices[0]?.message.content).toBe('The launch of ');
    expect(whole.choices[0]?.finish_reason).toBe('content_filter');
    const stream = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'any launch news?' }],
      stream: true,
    });
    const { text, finish } = await readStream(stream);
    expect([text, finish]).toEqual(['The launch of ', 'content_filter']);
    stack.sim.reset();
  });

  it("validates the plugin's rules with its own schema", async () => {
    await writeFile(
      join(stack.dir, 'bad.yaml'),
      config.replaceAll('SIM_URL', stack.sim.url).replace('words: [project-x]', 'words: []'),
    );
    const { code, stderr } = await runKtProcess(['config', 'validate', 'bad.yaml'], stack.dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'policies[0].rules[0].words: expected a list with at least 1 item(s), got an empty list',
    );
  });

  it('names a plugin that cannot be loaded', async () => {
    await writeFile(join(stack.dir, 'missing.yaml'), 'plugins: [keeptrusts-policy-does-not-exist]\n');
    const { code, stderr } = await runKtProcess(['config', 'validate', 'missing.yaml'], stack.dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'missing.yaml:1:11 plugins[0]: cannot load plugin "keeptrusts-policy-does-not-exist"',
    );
  });
});

describe('a third-party provider plugin named under plugins:', () => {
  it('serves requests through kt gateway run', async () => {
    const echo = join(import.meta.dirname, 'fixtures/echo-provider.mjs');
    const stack = await startStack(
      `plugins:\n  - ${echo}\nproviders:\n  targets:\n    - id: echo\n      provider: echo:chat:any\n`,
    );
    try {
      const response = await stack.client.chat.completions.create({
        model: 'echo',
        messages: [{ role: 'user', content: 'hello' }],
      });
      expect(response.choices[0]?.message.content).toBe('echo: hello');
    } finally {
      await stack.stop();
    }
  });
});
