// Command-line options of `kt-ollama-sim`, parsed without side effects so they can be tested.
import { parseArgs } from 'node:util';
import type { OllamaSimulatorOptions } from './simulator.js';

/** What the command line asks for: start a simulator, print help, or fail with a message. */
export type CliCommand =
  | { readonly kind: 'start'; readonly options: OllamaSimulatorOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** The usage text. */
export const CLI_USAGE = `Usage: kt-ollama-sim [--host 127.0.0.1] [--port 11434] [--token-delay-ms 0] [--require-token TOKEN]

Starts a simulated Ollama server and prints its URL. Stop it with Ctrl-C (SIGINT) or SIGTERM.`;

function integer(flag: string, text: string | undefined, fallback: number): number | string {
  if (text === undefined) return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0
    ? value
    : `--${flag} must be a non-negative integer, got "${text}"`;
}

/** Parses `kt-ollama-sim` arguments (without the node and script paths). */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'token-delay-ms': { type: 'string' },
        'require-token': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message}\n\n${CLI_USAGE}` };
  }
  if (values.help === true) return { kind: 'help', text: CLI_USAGE };
  const str = (key: string): string | undefined =>
    typeof values[key] === 'string' ? values[key] : undefined;
  const port = integer('port', str('port'), 11434);
  if (typeof port === 'string') return { kind: 'error', message: port };
  const tokenDelayMs = integer('token-delay-ms', str('token-delay-ms'), 0);
  if (typeof tokenDelayMs === 'string') return { kind: 'error', message: tokenDelayMs };
  return {
    kind: 'start',
    options: { host: str('host') ?? '127.0.0.1', port, tokenDelayMs, requireToken: str('require-token') },
  };
}
