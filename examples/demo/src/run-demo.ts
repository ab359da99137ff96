import { join } from 'node:path';
import { formatConfigIssue, loadConfig } from '@keeptrusts/core/config';
import { createBuiltinRegistry, createGateway, type RunningServer, startServer } from '@keeptrusts/gateway';
import { type OllamaSimulator, startOllamaSimulator } from '@keeptrusts/testkit';
import OpenAI from 'openai';

/** How the demo runs: where to listen, which Ollama to use, where to print. */
export interface DemoOptions {
  port: number;
  /** A real Ollama's URL; without it the demo starts the simulator. */
  ollamaUrl?: string | undefined;
  out: (line: string) => void;
}

/** A demo that ran its script and is still serving. */
export interface RunningDemo {
  gatewayUrl: string;
  sim: OllamaSimulator | undefined;
  stop(): Promise<void>;
}

const configFile = join(import.meta.dirname, '../demo-config.yaml');

/** Starts the simulator (or uses a real Ollama) and the gateway, then runs the client script. */
export async function runDemo(options: DemoOptions): Promise<RunningDemo> {
  const { out } = options;
  const sim =
    options.ollamaUrl === undefined ? await startOllamaSimulator({ port: 0, tokenDelayMs: 15 }) : undefined;
  const ollamaUrl = options.ollamaUrl ?? sim!.url;
  out(
    sim
      ? `Ollama simulator on ${ollamaUrl} (set OLLAMA_URL to use a real Ollama)`
      : `Using Ollama at ${ollamaUrl}`,
  );

  const registry = createBuiltinRegistry();
  const env = (name: string) => (name === 'OLLAMA_URL' ? ollamaUrl : process.env[name]);
  const loaded = await loadConfig([configFile], { registry, env });
  if (!loaded.ok) throw new Error(loaded.issues.map(formatConfigIssue).join('\n'));
  const gateway = await createGateway({ config: loaded.config, registry, env });
  let server: RunningServer;
  try {
    server = await startServer(gateway, { host: '127.0.0.1', port: options.port });
  } catch (error) {
    await gateway.close();
    await sim?.close();
    throw error;
  }
  out(`Keeptrusts gateway on ${server.url}/v1 with ${configFile}\n`);

  const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'kt-demo', maxRetries: 0 });
  try {
    await script(client, sim, out);
  } catch (error) {
    await server.close();
    await sim?.close();
    throw error;
  }
  return {
    gatewayUrl: server.url,
    sim,
    async stop() {
      await server.close();
      await sim?.close();
    },
  };
}

async function script(client: OpenAI, sim: OllamaSimulator | undefined, out: (line: string) => void) {
  const question = 'Explain gradient descent in plain English.';
  out(`→ chat  model=ollama:chat:llama3.3  "${question}"`);
  const chat = await client.chat.completions.create({
    model: 'ollama:chat:llama3.3',
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: question },
    ],
    temperature: 0.7,
  });
  out(`← ${chat.choices[0]?.message.content}`);
  out(`  finish_reason=${chat.choices[0]?.finish_reason} usage=${JSON.stringify(chat.usage)}\n`);

  const poem = 'Write a short poem about distributed systems.';
  out(`→ stream  model=ollama:chat:llama3.3  "${poem}"`);
  const stream = await client.chat.completions.create({
    model: 'ollama:chat:llama3.3',
    messages: [{ role: 'user', content: poem }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let streamed = '';
  let chunks = 0;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    chunks++;
    streamed += chunk.choices[0]?.delta.content ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  out(`← ${streamed}`);
  out(`  ${chunks} SSE chunks, final usage=${JSON.stringify(usage)}\n`);

  const sentence = 'Keeptrusts governs AI model interactions.';
  out(`→ embedding  model=ollama:embedding:nomic-embed-text  "${sentence}"`);
  const embedding = await client.embeddings.create({
    model: 'ollama:embedding:nomic-embed-text',
    input: sentence,
  });
  const vector = embedding.data[0]?.embedding ?? [];
  out(
    `← ${vector.length} dimensions, first five: ${vector
      .slice(0, 5)
      .map((v) => v.toFixed(4))
      .join(', ')}\n`,
  );

  if (sim === undefined) return;
  const private_ = 'My SSN is 234-56-7890 and my email is jane.doe@example.com. Update my file.';
  out(`→ chat with PII  "${private_}"`);
  await client.chat.completions.create({
    model: 'llama3.3',
    messages: [{ role: 'user', content: private_ }],
  });
  const arrived = sim.requests.at(-1)?.body as { messages: { content: string }[] };
  out(`  what reached Ollama: "${arrived.messages.at(-1)?.content}"\n`);

  sim.replyWith('On file: card 4111 1111 1111 1111, contact jane.doe@example.com, SSN 234-56-7890.', {
    times: 1,
  });
  out('→ stream, the model answers with PII');
  const leaky = await client.chat.completions.create({
    model: 'llama3.3',
    messages: [{ role: 'user', content: 'What is on file?' }],
    stream: true,
  });
  let redacted = '';
  for await (const chunk of leaky) redacted += chunk.choices[0]?.delta.content ?? '';
  out(`← ${redacted}\n`);
  out(`The simulator received ${sim.requests.length} requests from the gateway.`);
}
