import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth.js';
import { runKtProcess, type Stack, seedTargets, startStack } from './harness.js';

const { key, hash } = createApiKey();
let stack: Stack;
let stopped = false;

const auditConfig = `policies:
  chain: [audit-logger]
policy:
  audit-logger:
    immutable: true
    retention_days: 365
    log_all_access: true
    log_content: true
    path: ./audit
`;

beforeAll(async () => {
  stack = await startStack(
    `${seedTargets}auth:\n  keys:\n    - id: e2e-client\n      hash: ${hash}\npolicies:\n  - id: length\n    rules:\n      - type: response_length\n        action: truncate\n        max_tokens: 4\n  - id: privacy\n    rules:\n      - type: pii_detection\n        action: redact\n        patterns: [ssn, email]\n      - type: pii_detection\n        action: block\n        patterns: [passport_number]\n`,
    { apiKey: key, configs: { 'audit.yaml': auditConfig } },
  );
});
afterAll(async () => {
  if (!stopped) await stack?.stop();
});

async function records() {
  const out: Record<string, unknown>[] = [];
  for await (const r of readAuditRecords(join(stack.dir, 'audit'))) out.push(r as Record<string, unknown>);
  return out;
}

describe('the audit log through the gateway', () => {
  it('writes one record per request of every kind, in order, and the chain verifies', async () => {
    const chat = (extra: Partial<OpenAI.ChatCompletionCreateParamsNonStreaming> = {}) =>
      stack.client.chat.completions.create({
        model: 'llama3.3',
        messages: [{ role: 'user', content: 'hi' }],
        ...extra,
      });
    stack.sim.replyWith('ok');
    await chat();
    stack.sim.replyWith('one two three four five six seven');
    expect((await chat()).choices[0]?.finish_reason).toBe('length');
    const badKey = new OpenAI({ baseURL: `${stack.url}/v1`, apiKey: 'kt-wrong-key', maxRetries: 0 });
    await expect(badKey.models.list()).rejects.toThrow();
    const malformed = await fetch(`${stack.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(malformed.status).toBe(400);
    stack.sim.failNext({ status: 500, error: 'boom' });
    await expect(chat()).rejects.toThrow();
    stack.sim.replyWith('streamed answer');
    const stream = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    for await (const _ of stream) {
      // drain
    }
    await expect(chat({ model: 'nope' })).rejects.toThrow();
    await stack.client.embeddings.create({ model: 'ollama-embed', input: 'x' });
    stack.sim.replyWith('noted');
    await chat({ messages: [{ role: 'user', content: 'My SSN is 234-56-7890, mail jane.doe@example.com' }] });
    await expect(
      chat({ messages: [{ role: 'user', content: 'My passport number is 533180911.' }] }),
    ).rejects.toThrow();
    stack.sim.replyWithToolCall({ name: 'send', arguments: { to: 'jane.doe@example.com' } }, { times: 1 });
    await chat({
      messages: [{ role: 'user', content: 'write to me' }],
      tools: [
        { type: 'function', function: { name: 'send', parameters: { type: 'object', properties: {} } } },
      ],
    });

    await stack.stop();
    stopped = true;
    const all = await records();
    expect(all.map((r) => r.status)).toEqual([200, 200, 401, 400, 502, 200, 404, 200, 200, 400, 200]);
    expect(all.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(all[8]).toMatchObject({
      prompt: 'My SSN is [REDACTED:SSN], mail [REDACTED:EMAIL]',
      decisions: expect.arrayContaining([
        {
          policy: 'privacy',
          rule: 'pii_detection',
          stage: 'request',
          action: 'modify',
          findings: [
            { type: 'ssn', count: 1 },
            { type: 'email', count: 1 },
          ],
        },
      ]),
    });
    expect(all[9]).toMatchObject({ status: 400, error_code: 'content_filter' });
    expect(all[9]?.decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          policy: 'privacy',
          action: 'block',
          findings: [{ type: 'passport_number', count: 1 }],
        }),
      ]),
    );
    // A tool call is part of the answer: its arguments are redacted, then recorded.
    expect(all[10]).toMatchObject({
      answer: '',
      finish_reason: 'tool_calls',
      tool_calls: [{ name: 'send', arguments: '{"to":"[REDACTED:EMAIL]"}' }],
    });
    expect(all[10]?.decisions).toEqual(
      expect.arrayContaining([
        {
          policy: 'privacy',
          rule: 'pii_detection',
          stage: 'response',
          action: 'modify',
          findings: [{ type: 'email', count: 1 }],
        },
      ]),
    );
    expect(all[0]).toMatchObject({
      key_id: 'e2e-client',
      endpoint: '/v1/chat/completions',
      target: 'ollama-llama3',
      stream: false,
    });
    // The upstream was asked for at most 4 tokens and stopped there, so the answer needed no cut.
    expect(all[1]).toMatchObject({ finish_reason: 'length' });
    expect(all[1]?.decisions).toEqual(
      expect.arrayContaining([
        {
          policy: 'length',
          rule: 'response_length',
          stage: 'request',
          action: 'modify',
          findings: [{ type: 'max_tokens_capped', count: 1 }],
        },
        expect.objectContaining({ policy: 'length', stage: 'response', action: 'allow' }),
      ]),
    );
    expect(all[2]).toMatchObject({ key_id: null, error_code: 'invalid_api_key' });
    expect(all[4]).toMatchObject({ error_code: 'upstream_error' });
    expect(all[5]).toMatchObject({ stream: true, status: 200 });
    expect(all[5]).toHaveProperty(['usage', 'completion_tokens'], expect.any(Number));

    const verified = await runKtProcess(['audit', 'verify', '--path', 'audit'], stack.dir);
    expect(verified.stdout).toContain('ok: 11 records');
    expect(verified.code).toBe(0);

    // Nothing secret in the log: neither the key nor the bearer header.
    for (const file of await readdir(join(stack.dir, 'audit'))) {
      const text = await readFile(join(stack.dir, 'audit', file), 'utf8');
      expect(text).not.toContain(key);
      expect(text).not.toContain('kt-wrong-key');
      expect(text.toLowerCase()).not.toContain('bearer');
      for (const pii of ['234-56-7890', 'jane.doe@example.com', '533180911']) expect(text).not.toContain(pii);
    }
  });

  it('finds an edited record with kt audit verify', async () => {
    const dir = join(stack.dir, 'audit');
    const segment = (await readdir(dir)).find((f) => f.endsWith('.jsonl'))!;
    const text = await readFile(join(dir, segment), 'utf8');
    await writeFile(join(dir, segment), text.replace('"status":502', '"status":200'));
    expect(await readFile(join(dir, segment), 'utf8')).not.toBe(text);
    const verified = await runKtProcess(['audit', 'verify', '--path', 'audit'], stack.dir);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(/broken at seq 5 .*hash_mismatch/);
  });
});
