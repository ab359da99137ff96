// Command-line options of `kt-openai-sim`, parsed without side effects so they can be tested.
import { parseArgs } from 'node:util';
import { defaultOpenAIModels, OPENAI_FLAVOURS, type OpenAIFlavour } from './models.js';
import type { OpenAICompatibleSimulatorOptions } from './simulator.js';

/** What the command line asks for: start a simulator, print help, or fail with a message. */
export type OpenAICliCommand =
  | { readonly kind: 'start'; readonly options: OpenAICompatibleSimulatorOptions }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** Each server's usual port. */
export const DEFAULT_PORTS: Readonly<Record<OpenAIFlavour, number>> = {
  vllm: 8000,
  llamacpp: 8080,
  lmstudio: 1234,
};

/** The usage text. */
export const OPENAI_CLI_USAGE = `Usage: kt-openai-sim [--flavour vllm|llamacpp|lmstudio] [--host 127.0.0.1] [--port PORT]
                     [--api-key KEY] [--model ID] [--context-length N] [--embeddings] [--token-delay-ms 0]

Starts a simulated OpenAI-compatible server (vLLM by default; port 8000, llama.cpp 8080, LM Studio 1234)
and prints its URL. --model renames the generation model, --context-length sets its window (vLLM's
max_model_len, llama.cpp's n_ctx), --embeddings is llama-server's flag. Stop it with Ctrl-C or SIGTERM.`;

function integer(flag: string, text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0
    ? value
    : `--${flag} must be a non-negative integer, got "${text}"`;
}

/** Parses `kt-openai-sim` arguments (without the node and script paths). */
export function parseOpenAICliArgs(argv: readonly string[]): OpenAICliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        flavour: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'api-key': { type: 'string' },
        model: { type: 'string' },
        'context-length': { type: 'string' },
        embeddings: { type: 'boolean' },
        'token-delay-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return { kind: 'error', message: `${(error as Error).message}\n\n${OPENAI_CLI_USAGE}` };
  }
  if (values.help === true) return { kind: 'help', text: OPENAI_CLI_USAGE };
  const str = (key: string): string | undefined =>
    typeof values[key] === 'string' ? values[key] : undefined;
  const flavourText = str('flavour') ?? 'vllm';
  if (!(OPENAI_FLAVOURS as readonly string[]).includes(flavourText)) {
    return {
      kind: 'error',
      message: `--flavour must be one of ${OPENAI_FLAVOURS.join(', ')}, got "${flavourText}"`,
    };
  }
  const flavour = flavourText as OpenAIFlavour;
  const numbers: Record<string, number | undefined> = {};
  for (const flag of ['port', 'token-delay-ms', 'context-length']) {
    const parsed = integer(flag, str(flag));
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    numbers[flag] = parsed;
  }
  const model = str('model');
  const contextLength = numbers['context-length'];
  const defaults = defaultOpenAIModels[flavour];
  const models =
    model === undefined && contextLength === undefined
      ? undefined
      : defaults.map((m, i) =>
          i === 0 ? { ...m, id: model ?? m.id, contextLength: contextLength ?? m.contextLength } : m,
        );
  return {
    kind: 'start',
    options: {
      flavour,
      host: str('host') ?? '127.0.0.1',
      port: numbers.port ?? DEFAULT_PORTS[flavour],
      apiKey: str('api-key'),
      tokenDelayMs: numbers['token-delay-ms'] ?? 0,
      embeddings: values.embeddings === true,
      ...(models === undefined ? {} : { models }),
    },
  };
}
