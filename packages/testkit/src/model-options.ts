// `options` checked the way api.Options.FromMap does: known keys must have the right JSON type (a wrong one
// is an HTTP 500 in Ollama), unknown keys and nulls are ignored.
import { goQuote, type JsonNode } from './go-json.js';

/** The runtime options the simulator acts on. */
export interface ModelOptions {
  /** Stop after this many generated tokens (`done_reason: "length"`); 0 or negative = no limit. */
  readonly numPredict?: number;
  /** Stop strings; output ends before the first one found, which is not included. */
  readonly stop?: readonly string[];
  /** Context length used by /api/ps and embedding truncation. */
  readonly numCtx?: number;
}

type OptionKind = 'integer' | 'float32' | 'boolean' | 'array';

const OPTION_KINDS: Readonly<Record<string, OptionKind>> = {
  num_ctx: 'integer',
  num_batch: 'integer',
  num_gpu: 'integer',
  main_gpu: 'integer',
  num_thread: 'integer',
  num_keep: 'integer',
  seed: 'integer',
  num_predict: 'integer',
  top_k: 'integer',
  repeat_last_n: 'integer',
  draft_num_predict: 'integer',
  top_p: 'float32',
  min_p: 'float32',
  typical_p: 'float32',
  temperature: 'float32',
  repeat_penalty: 'float32',
  presence_penalty: 'float32',
  frequency_penalty: 'float32',
  use_mmap: 'boolean',
  stop: 'array',
};

/** Validates `options`; returns the parsed options or the 500 message Ollama would send. */
export function parseModelOptions(
  options: Readonly<Record<string, JsonNode>> | undefined,
): ModelOptions | string {
  const parsed: { numPredict?: number; stop?: string[]; numCtx?: number } = {};
  for (const [key, node] of Object.entries(options ?? {})) {
    const kind = Object.hasOwn(OPTION_KINDS, key) ? OPTION_KINDS[key] : undefined;
    if (kind === undefined || node.kind === 'null') continue;
    switch (kind) {
      case 'integer':
      case 'float32':
        if (node.kind !== 'number') return `option ${goQuote(key)} must be of type ${kind}`;
        if (key === 'num_predict') parsed.numPredict = Math.trunc(node.value);
        if (key === 'num_ctx') parsed.numCtx = Math.trunc(node.value);
        break;
      case 'boolean':
        if (node.kind !== 'bool') return `option ${goQuote(key)} must be of type boolean`;
        break;
      case 'array': {
        if (node.kind !== 'array') return `option ${goQuote(key)} must be of type array`;
        const stop: string[] = [];
        for (const item of node.items) {
          if (item.kind !== 'string') return `option ${goQuote(key)} must be of an array of strings`;
          stop.push(item.value);
        }
        parsed.stop = stop;
        break;
      }
    }
  }
  return parsed;
}
