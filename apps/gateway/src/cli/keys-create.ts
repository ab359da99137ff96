import { parseArgs } from 'node:util';
import { createApiKey } from '../auth.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** `kt keys create [--id ID]`: prints a new key once, and the config lines that accept it. */
export async function keysCreate(args: string[], io: CliIo): Promise<number> {
  let id: string;
  try {
    id =
      parseArgs({ args, options: { id: { type: 'string' } } }).values.id ?? `key-${Date.now().toString(36)}`;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { key, hash } = createApiKey();
  io.out(`API key (shown once; give it to the client): ${key}`);
  io.out(`Add to your policy config:\nauth:\n  keys:\n    - id: ${id}\n      hash: ${hash}`);
  return 0;
}
