#!/usr/bin/env node
// kt-ollama-sim: runs the Ollama simulator until SIGINT or SIGTERM.
import { parseCliArgs } from './cli-args.js';
import { startOllamaSimulator } from './simulator.js';

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${command.text}\n`);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(`${command.message}\n`);
    process.exitCode = 2;
    return;
  }
  const simulator = await startOllamaSimulator(command.options);
  process.stdout.write(`Ollama simulator listening on ${simulator.url}\n`);
  const stop = (): void => {
    void simulator.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kt-ollama-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
