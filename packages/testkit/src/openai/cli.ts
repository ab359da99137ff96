#!/usr/bin/env node
// kt-openai-sim: runs an OpenAI-compatible simulator (vLLM, llama.cpp or LM Studio) until SIGINT or SIGTERM.
import { parseOpenAICliArgs } from './cli-args.js';
import { startOpenAICompatibleSimulator } from './simulator.js';

const NAMES = { vllm: 'vLLM', llamacpp: 'llama.cpp server', lmstudio: 'LM Studio' } as const;

async function main(): Promise<void> {
  const command = parseOpenAICliArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(`${command.message}\n`);
    process.exitCode = 2;
    return;
  }
  const simulator = await startOpenAICompatibleSimulator(command.options);
  process.stdout.write(
    `${NAMES[simulator.flavour]} simulator listening on ${simulator.url} (base URL ${simulator.url}/v1)\n`,
  );
  const stop = (): void => {
    void simulator.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kt-openai-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
