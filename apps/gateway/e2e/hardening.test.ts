import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './harness.js';

// One request must not take targets down: what the gateway cannot handle is the client's 400,
// never a failure of the upstream that health checks would count.
const config = `providers:
  targets:
    - id: probed
      provider: ollama:chat:llama3.3
      base_url: SIM_URL
      health_probe: true
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(config);
});
afterAll(async () => {
  await stack?.stop();
});

/** JSON text of a schema nested `depth` objects deep (built as text: JSON.stringify would overflow). */
function deepSchema(depth: number): string {
  return `${'{"type":"object","properties":{"x":'.repeat(depth)}{"type":"string"}${'}}'.repeat(depth)}`;
}

const bodyWith = (extra: string) =>
  `{"model":"llama3.3","messages":[{"role":"user","content":"hi"}],${extra}}`;

describe('a body nested 10,000 deep', () => {
  it.each([
    {
      name: 'in tools[].function.parameters',
      extra: `"tools":[{"type":"function","function":{"name":"f","parameters":${deepSchema(5_000)}}}]`,
    },
    {
      name: 'in response_format.json_schema.schema',
      extra: `"response_format":{"type":"json_schema","json_schema":{"name":"s","schema":${deepSchema(5_000)}}}`,
    },
  ])('is refused with 400 $name, and the target stays healthy and serving', async ({ extra }) => {
    const response = await fetch(`${stack.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodyWith(extra),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_request_error');
    expect(error.message).toMatch(/nests objects and arrays more than 128 deep/);
    expect(stack.sim.requests.filter((r) => r.path === '/api/chat')).toEqual([]);

    const ready = (await (await fetch(`${stack.url}/readyz`)).json()) as { targets: { healthy: boolean }[] };
    expect(ready.targets).toEqual([expect.objectContaining({ healthy: true })]);
    stack.sim.replyWith('still here');
    const answer = await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('still here');
    stack.sim.clearRequests();
  });
});
