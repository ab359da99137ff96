// POST /v1/completions on the Ollama simulator, as CompletionsMiddleware does it: the OpenAI body becomes an
// /api/generate body (openai.FromCompleteRequest) and each native line becomes a `text_completion` chunk;
// with include_usage every chunk carries a zero `usage` and a last `choices: []` chunk the real one.
import type { GoType } from '../go-decode.js';
import type { JsonNode } from '../go-json.js';
import type { EndpointContext } from './endpoint.js';
import { handleGenerate } from './generate.js';
import {
  decodeOpenAIBody,
  fromNativeError,
  goDataFrame,
  goEncoded,
  goTypeOf,
  ndjsonLines,
  ollamaId,
  openAIError,
  sseFromFrames,
  unixSeconds,
} from './openai-layer.js';

const str: GoType = { go: 'string' };
const int: GoType = { go: 'int' };
const any: GoType = { go: 'any' };

/** openai.CompletionRequest (`prompt` is a string: arrays fail to decode, ollama/ollama#5259). */
const completionType = {
  go: 'struct',
  name: 'openai.CompletionRequest',
  fields: {
    model: str,
    prompt: str,
    frequency_penalty: any,
    max_tokens: int,
    presence_penalty: any,
    seed: int,
    stop: any,
    stream: { go: 'bool' },
    stream_options: { go: 'struct', name: 'openai.StreamOptions', fields: { include_usage: { go: 'bool' } } },
    temperature: any,
    top_p: any,
    suffix: str,
    logprobs: int,
  },
} as const satisfies GoType;

interface CompletionIn {
  readonly model?: string;
  readonly prompt?: string;
  readonly frequency_penalty?: JsonNode;
  readonly max_tokens?: number;
  readonly presence_penalty?: JsonNode;
  readonly seed?: number;
  readonly stop?: JsonNode;
  readonly stream?: boolean;
  readonly stream_options?: { readonly include_usage?: boolean };
  readonly temperature?: JsonNode;
  readonly top_p?: JsonNode;
  readonly suffix?: string;
  readonly logprobs?: number;
}

interface NativeGenerateLine {
  readonly model?: string;
  readonly created_at?: string;
  readonly response?: string;
  readonly done?: boolean;
  readonly done_reason?: string;
  readonly prompt_eval_count?: number;
  readonly eval_count?: number;
}

function numberOf(node: JsonNode | undefined): number | undefined {
  return node?.kind === 'number' ? node.value : undefined;
}

/** openai.FromCompleteRequest, or the 400 message it returns. */
function toNativeGenerate(request: CompletionIn): Record<string, unknown> | string {
  const options: Record<string, unknown> = {};
  const stop = request.stop;
  if (stop?.kind === 'string') options.stop = [stop.value];
  else if (stop?.kind === 'array') {
    const stops: string[] = [];
    for (const item of stop.items) {
      if (item.kind !== 'string') return `invalid type for 'stop' field: ${goTypeOf(item)}`;
      stops.push(item.value);
    }
    options.stop = stops;
  }
  if (request.max_tokens !== undefined) options.num_predict = request.max_tokens;
  options.temperature = numberOf(request.temperature) ?? 1.0;
  if (request.seed !== undefined) options.seed = request.seed;
  options.frequency_penalty = numberOf(request.frequency_penalty) ?? 0;
  options.presence_penalty = numberOf(request.presence_penalty) ?? 0;
  const topP = numberOf(request.top_p) ?? 0;
  options.top_p = topP !== 0 ? topP : 1.0;
  const native: Record<string, unknown> = {
    model: request.model ?? '',
    prompt: request.prompt ?? '',
    options,
    stream: request.stream ?? false,
  };
  if ((request.suffix ?? '') !== '') native.suffix = request.suffix;
  if ((request.logprobs ?? 0) > 0) {
    native.logprobs = true;
    native.top_logprobs = request.logprobs;
  }
  return native;
}

function usageOf(line: NativeGenerateLine): Record<string, number> {
  const prompt = line.prompt_eval_count ?? 0;
  const completion = line.eval_count ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function choiceOf(line: NativeGenerateLine): Record<string, unknown> {
  return { text: line.response ?? '', index: 0, finish_reason: line.done_reason ? line.done_reason : null };
}

async function* completionFrames(
  id: string,
  lines: AsyncGenerator<Record<string, unknown>>,
  includeUsage: boolean,
): AsyncGenerator<string> {
  for await (const raw of lines) {
    const line = raw as NativeGenerateLine;
    const chunk: Record<string, unknown> = {
      id,
      object: 'text_completion',
      // Each chunk is stamped when it is written (time.Now), unlike chat's pinned timestamp.
      created: Math.floor(Date.now() / 1000),
      choices: [choiceOf(line)],
      model: line.model ?? '',
      system_fingerprint: 'fp_ollama',
    };
    if (includeUsage) chunk.usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
    yield goDataFrame(chunk);
    if (line.done === true) {
      if (includeUsage) yield goDataFrame({ ...chunk, choices: [], usage: usageOf(line) });
      yield 'data: [DONE]\n\n';
    }
  }
}

/** Handles POST /v1/completions on the Ollama simulator. */
export async function handleV1Completions(context: EndpointContext): Promise<Response> {
  const decoded = decodeOpenAIBody<CompletionIn>(context.body, completionType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  const native = toNativeGenerate(request);
  if (typeof native === 'string') return openAIError(400, native);
  const response = await handleGenerate({ ...context, body: JSON.stringify(native) });
  if (response.status !== 200) return fromNativeError(response);
  const id = ollamaId('cmpl');
  if (request.stream !== true || response.body === null) {
    const line = (await response.json()) as NativeGenerateLine;
    return goEncoded(200, {
      id,
      object: 'text_completion',
      created: unixSeconds(line.created_at),
      model: line.model ?? '',
      system_fingerprint: 'fp_ollama',
      choices: [choiceOf(line)],
      usage: usageOf(line),
    });
  }
  return sseFromFrames(
    completionFrames(id, ndjsonLines(response.body), request.stream_options?.include_usage === true),
  );
}
