#!/usr/bin/env node
import { runDemo } from './run-demo.js';

// `pnpm demo`: runs the client script, then keeps the gateway up until Ctrl-C.
// `--once` runs the script and exits (used by the demo's own test).
const once = process.argv.includes('--once');
const port = Number(process.env.KT_DEMO_PORT ?? (once ? 0 : 41002));

runDemo({ port, ollamaUrl: process.env.OLLAMA_URL, out: (line) => process.stdout.write(`${line}\n`) }).then(
  async (demo) => {
    if (once) {
      await demo.stop();
      return;
    }
    process.stdout.write(
      `\nThe gateway keeps running at ${demo.gatewayUrl}/v1. Try:\n` +
        `  curl ${demo.gatewayUrl}/v1/chat/completions -H 'Content-Type: application/json' \\\n` +
        `    -d '{"model":"llama3.3","messages":[{"role":"user","content":"hello"}]}'\n` +
        'Press Ctrl-C to stop.\n',
    );
    const stop = async () => {
      await demo.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
