import { createApiKey } from '../auth.js';
import { defineCommand } from './command.js';

/** `kt keys create [--id ID]`: prints a new key once, and the config lines that accept it. */
export const keysCreate = defineCommand({
  words: 'keys create',
  summary: 'make an API key, and the auth.keys entry that accepts it',
  usage: '[--id ID]',
  description:
    'Prints a new API key once (give it to the client) and the auth.keys entry holding its SHA-256;\n' +
    'the gateway never stores the key itself.',
  options: {
    id: {
      type: 'string',
      value: 'ID',
      default: 'key-<time in base 36>',
      description: 'the key id audit records name',
    },
  },
  async run({ values }, io) {
    const id = values.id ?? `key-${Date.now().toString(36)}`;
    const { key, hash } = createApiKey();
    io.out(`API key (shown once; give it to the client): ${key}`);
    io.out(`Add to your policy config:\nauth:\n  keys:\n    - id: ${id}\n      hash: ${hash}`);
    return 0;
  },
});
