import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { auditQuery, auditTail, auditVerify } from './audit.js';
import { configValidate } from './config-validate.js';
import { gatewayRun } from './gateway-run.js';
import type { CliIo } from './io.js';
import { keysCreate } from './keys-create.js';
import { UsageError } from './usage-error.js';

const help = `kt: the Keeptrusts gateway

Usage:
  kt gateway run --policy-config FILE [--policy-config FILE...] [--listen HOST:PORT]
                 [--allow-unauthenticated]
      Start the gateway (default listen 127.0.0.1:41002). Several files merge in order.
  kt config validate FILE [FILE...]
      Check configuration files (merged in order); print a summary or every problem.
  kt keys create [--id ID]
      Make a new API key; prints the key once and the hash line for auth.keys.
  kt audit verify [--path DIR | --policy-config FILE...] [--hmac-key-env NAME]
      Check the audit log's hash chain and that none of its newest records are missing
      (default ./audit; --policy-config reads the path and HMAC key variable from the config).
  kt audit tail [--path DIR] [--follow]
  kt audit query [--path DIR] [--from TIME] [--to TIME] [--key-id ID] [--target ID] [--decision D]
  kt --help | --version`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** The subcommands, by their words. Each later feature adds its own entry. */
const commands: Record<string, Command> = {
  'config validate': (args, io) => configValidate(parseFiles(args), io),
  'gateway run': (args, io) => gatewayRun(args, io),
  'keys create': (args, io) => keysCreate(args, io),
  'audit verify': (args, io) => auditVerify(args, io),
  'audit tail': (args, io) => auditTail(args, io),
  'audit query': (args, io) => auditQuery(args, io),
};

/** Runs `kt` with the given arguments and returns the exit code; never throws for user mistakes. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(help);
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return 0;
  }
  const command = commands[`${first} ${second ?? ''}`.trim()];
  if (command === undefined) {
    io.err(`kt: unknown command "${[first, second].filter(Boolean).join(' ')}"\n\n${help}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kt: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

function parseFiles(args: string[]): string[] {
  try {
    return parseArgs({ args, allowPositionals: true, options: {} }).positionals;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The gateway package's version. */
export function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}
