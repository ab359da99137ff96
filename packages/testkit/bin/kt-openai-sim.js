#!/usr/bin/env node
// The `kt-openai-sim` command. This file is committed (dist/ is not), so pnpm can link the bin at
// install time, before anything is built; it loads the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/openai/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write(
    'kt-openai-sim is not built yet: run `npx --yes pnpm@10.34.9 build` in the repository first\n',
  );
  process.exitCode = 1;
}
