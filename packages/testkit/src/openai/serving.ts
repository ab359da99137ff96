// Checks and numbers the generation endpoints share: which model a request names, context-length
// errors in each server's words, usage and llama.cpp's `timings`.
import { errorAnswer } from './flavour.js';
import type { OpenAICompatibleModel } from './models.js';
import type { OpenAISimulatorState } from './state.js';

const API_NAMES = {
  chat: 'Chat Completions API',
  completion: 'Completions API',
  embedding: 'Embeddings API',
} as const;

/** Resolves the request's model for an API, or the error the flavour answers with. */
export function resolveModel(
  state: OpenAISimulatorState,
  name: string | null | undefined,
  api: keyof typeof API_NAMES,
): OpenAICompatibleModel | Response {
  const { flavour } = state;
  const wanted = api === 'embedding' ? 'embed' : 'generate';
  // A request that names no model gets the (first) model that serves the API.
  const model =
    name === null || name === undefined
      ? (state.models.find((m) => m.task === wanted) ?? state.models[0])
      : state.findModel(name);
  if (model === undefined) {
    if (flavour === 'vllm') {
      return errorAnswer(flavour, {
        status: 404,
        message: `The model \`${name}\` does not exist.`,
        param: 'model',
      });
    }
    // LM Studio lists what it has after the refusal.
    return errorAnswer(flavour, {
      status: 404,
      message: `Model "${name}" not found. Please specify a valid model.\n\nYour models:\n\n${state.models.map((m) => m.id).join('\n')}`,
      param: 'model',
      code: 'model_not_found',
    });
  }
  if (flavour === 'llamacpp') {
    if (api === 'embedding' && !state.embeddings) {
      return errorAnswer(flavour, {
        status: 501,
        message: 'This server does not support embeddings. Start it with `--embeddings`',
      });
    }
    return model;
  }
  if (model.task !== wanted) {
    if (flavour === 'vllm') {
      return errorAnswer(flavour, { status: 400, message: `The model does not support ${API_NAMES[api]}` });
    }
    return errorAnswer(flavour, {
      status: 400,
      message: `Model "${model.id}" is not ${wanted === 'embed' ? 'an embedding' : 'a text generation'} model.`,
      param: 'model',
    });
  }
  return model;
}

/**
 * The context-length error for a prompt (and requested output), or undefined when it fits. vLLM refuses a
 * prompt of max_model_len tokens or more and a max_tokens that does not fit beside the prompt; llama.cpp
 * refuses a prompt longer than n_ctx (and later stops at the window with `length`); LM Studio refuses a
 * prompt that does not fit.
 */
export function contextError(
  state: OpenAISimulatorState,
  model: OpenAICompatibleModel,
  promptTokens: number,
  maxTokens: number | undefined,
): Response | undefined {
  const { flavour } = state;
  const window = model.contextLength;
  if (flavour === 'vllm') {
    if (promptTokens >= window) {
      return errorAnswer(flavour, {
        status: 400,
        message: `This model's maximum context length is ${window} tokens. However, your request has ${promptTokens} input tokens. Please reduce the length of the input messages.`,
        param: 'input_tokens',
      });
    }
    if (maxTokens !== undefined && promptTokens + maxTokens > window) {
      return errorAnswer(flavour, {
        status: 400,
        message: `'max_tokens' or 'max_completion_tokens' is too large: ${maxTokens}. This model's maximum context length is ${window} tokens and your request has ${promptTokens} input tokens (${maxTokens} > ${window} - ${promptTokens}).`,
        param: 'max_tokens',
      });
    }
    return undefined;
  }
  if (promptTokens < window) return undefined;
  if (flavour === 'llamacpp') {
    return errorAnswer(flavour, {
      status: 400,
      message: `request (${promptTokens} tokens) exceeds the available context size (${window} tokens), try increasing it`,
      type: 'exceed_context_size_error',
      extra: { n_prompt_tokens: promptTokens, n_ctx: window },
    });
  }
  return errorAnswer(flavour, {
    status: 400,
    message:
      'The number of tokens to keep from the initial prompt is greater than the context length. Try to load the model with a larger context length, or provide a shorter input',
  });
}

/** OpenAI's `usage` (vLLM adds `prompt_tokens_details: null` on whole answers). */
export function usage(
  state: OpenAISimulatorState,
  promptTokens: number,
  completionTokens: number,
  whole: boolean,
): Record<string, unknown> {
  if (state.flavour === 'vllm') {
    return {
      prompt_tokens: promptTokens,
      total_tokens: promptTokens + completionTokens,
      completion_tokens: completionTokens,
      ...(whole ? { prompt_tokens_details: null } : {}),
    };
  }
  return {
    completion_tokens: completionTokens,
    prompt_tokens: promptTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

/**
 * llama.cpp's `timings`, deterministic: 0.5 ms per prompt token, and per generated token the token delay
 * or 20 ms, whichever is larger (the Ollama simulator's durations).
 */
export function timings(
  promptTokens: number,
  predicted: number,
  tokenDelayMs: number,
): Record<string, number> {
  const promptMs = promptTokens * 0.5;
  const predictedMs = predicted * Math.max(tokenDelayMs, 20);
  const perToken = (ms: number, n: number) => (n > 0 ? ms / n : 0);
  const perSecond = (ms: number, n: number) => (ms > 0 ? (1e3 / ms) * n : 0);
  return {
    cache_n: 0,
    prompt_n: promptTokens,
    prompt_ms: promptMs,
    prompt_per_token_ms: perToken(promptMs, promptTokens),
    prompt_per_second: perSecond(promptMs, promptTokens),
    predicted_n: predicted,
    predicted_ms: predictedMs,
    predicted_per_token_ms: perToken(predictedMs, predicted),
    predicted_per_second: perSecond(predictedMs, predicted),
  };
}

/** The `max_tokens` to plan with: the request's, capped by llama.cpp at what is left of the window. */
export function effectiveMaxTokens(
  state: OpenAISimulatorState,
  model: OpenAICompatibleModel,
  promptTokens: number,
  requested: number | null | undefined,
): number | undefined {
  const asked = requested === null || requested === undefined || requested < 0 ? undefined : requested;
  if (state.flavour !== 'llamacpp') return asked;
  const left = model.contextLength - promptTokens;
  return asked === undefined ? left : Math.min(asked, left);
}

/**
 * Whether a stream ends with a usage chunk: vLLM's StreamOptions defaults `include_usage` to true once
 * `stream_options` is present; the others need `include_usage: true`.
 */
export function wantsUsage(
  state: OpenAISimulatorState,
  options: { readonly include_usage?: boolean | null } | null | undefined,
): boolean {
  if (options === null || options === undefined) return false;
  if (state.flavour === 'vllm') return options.include_usage !== false;
  return options.include_usage === true;
}
