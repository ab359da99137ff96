import { GatewayError, type OpenAIErrorBody } from '../errors.js';
import type { FinishReason, StreamEvent, Usage } from './openai.js';
import type {
  ChatCompletionChunk,
  ChatDelta,
  ResponseMeta,
  TextCompletionBody,
  ToolCallOut,
} from './openai-responses.js';

// OpenAI's streaming format: `data: <json>\n\n` frames, ended by `data: [DONE]\n\n`.
//
// Usage is always sent, because the gateway promises eval_count/prompt_eval_count in the final
// chunk. With `stream_options.include_usage` the stream is exactly OpenAI's: every chunk has
// `usage: null` and one extra chunk with `choices: []` carries the counts. Without it, the finish
// chunk carries `usage` itself (OpenAI's SDKs type `usage` as optional on every chunk, and the
// stream keeps OpenAI's shape for clients that ignore it).
//
// An error after the first frame cannot change the HTTP status any more, so it is sent as a last
// `data: {"error": {...}}` frame without `[DONE]`: the openai SDKs throw an APIError for a data
// frame with an `error` key (openai-node core/streaming: `if (data && data.error) throw new
// APIError(...)`), and a client reading frames by hand sees the stream end without `[DONE]`.

/** The frame that ends a successful stream. */
export const SSE_DONE_FRAME = 'data: [DONE]\n\n';

/** Encodes one value as an SSE data frame. */
export function sseFrame(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

/** Which OpenAI stream to produce and the identity its chunks repeat. */
export interface SseEncoderOptions {
  /** `chat` → `chat.completion.chunk` objects; `completion` → `text_completion` objects. */
  kind: 'chat' | 'completion';
  /** Same `id`, `created`, `model` (and `system_fingerprint`) on every chunk. */
  meta: ResponseMeta;
  /** The request's `stream_options.include_usage`. */
  includeUsage: boolean;
}

/**
 * Turns a provider's {@link StreamEvent}s into OpenAI SSE text, one event at a time: feed each
 * event to {@link OpenAISseEncoder.encode} and write what it returns; on a failure write
 * {@link OpenAISseEncoder.error} instead. Pure: no I/O, no timers.
 */
export class OpenAISseEncoder {
  readonly #kind: 'chat' | 'completion';
  readonly #meta: ResponseMeta;
  readonly #includeUsage: boolean;
  #started = false;
  #ended = false;
  #toolIndex = 0;

  constructor(options: SseEncoderOptions) {
    this.#kind = options.kind;
    this.#meta = options.meta;
    this.#includeUsage = options.includeUsage;
  }

  /** Whether the stream is over (after `done` or an error); nothing more may be encoded. */
  get ended(): boolean {
    return this.#ended;
  }

  /** The frames for one event; empty when the event carries nothing this kind of stream sends. */
  encode(event: StreamEvent): string {
    if (this.#ended) throw new Error('OpenAISseEncoder.encode() called after the stream ended');
    let out = '';
    if (!this.#started) {
      this.#started = true;
      // OpenAI opens a chat stream with the role, so clients can start the message.
      if (this.#kind === 'chat') out += this.#chat({ role: 'assistant', content: '' });
    }
    if (event.type === 'done') {
      this.#ended = true;
      return out + this.#finish(event.finishReason, event.usage) + SSE_DONE_FRAME;
    }
    if (this.#kind === 'completion') {
      return event.content ? out + this.#text(event.content) : out;
    }
    if (event.reasoning) out += this.#chat({ reasoning: event.reasoning });
    if (event.content) out += this.#chat({ content: event.content });
    if (event.toolCalls !== undefined && event.toolCalls.length > 0) {
      const calls: ToolCallOut[] = event.toolCalls.map((call) => ({
        index: this.#toolIndex++,
        id: call.id,
        type: 'function',
        function: { name: call.function.name, arguments: call.function.arguments },
      }));
      out += this.#chat({ tool_calls: calls });
    }
    return out;
  }

  /** The last frame of a stream that failed: `data: {"error": …}`, and no `[DONE]`. */
  error(body: OpenAIErrorBody): string {
    this.#ended = true;
    return sseFrame(body);
  }

  #finish(reason: FinishReason, usage: Usage): string {
    const onChunk = this.#includeUsage ? null : { ...usage };
    const finish =
      this.#kind === 'chat'
        ? sseFrame(this.#chatChunk([{ index: 0, delta: {}, finish_reason: reason, logprobs: null }], onChunk))
        : sseFrame(this.#textChunk([{ index: 0, text: '', finish_reason: reason, logprobs: null }], onChunk));
    if (!this.#includeUsage) return finish;
    const usageChunk =
      this.#kind === 'chat' ? this.#chatChunk([], { ...usage }) : this.#textChunk([], { ...usage });
    return finish + sseFrame(usageChunk);
  }

  #chat(delta: ChatDelta): string {
    return sseFrame(
      this.#chatChunk(
        [{ index: 0, delta, finish_reason: null, logprobs: null }],
        this.#includeUsage ? null : undefined,
      ),
    );
  }

  #text(text: string): string {
    return sseFrame(
      this.#textChunk(
        [{ index: 0, text, finish_reason: null, logprobs: null }],
        this.#includeUsage ? null : undefined,
      ),
    );
  }

  #chatChunk(choices: ChatCompletionChunk['choices'], usage: Usage | null | undefined): ChatCompletionChunk {
    return {
      ...this.#head(),
      object: 'chat.completion.chunk',
      choices,
      ...(usage === undefined ? {} : { usage }),
    };
  }

  #textChunk(choices: TextCompletionBody['choices'], usage: Usage | null | undefined): TextCompletionBody {
    return { ...this.#head(), object: 'text_completion', choices, ...(usage === undefined ? {} : { usage }) };
  }

  #head(): { id: string; created: number; model: string; system_fingerprint?: string } {
    const { id, created, model, systemFingerprint } = this.#meta;
    return {
      id,
      created,
      model,
      ...(systemFingerprint === undefined ? {} : { system_fingerprint: systemFingerprint }),
    };
  }
}

/**
 * The OpenAI error body for a failure mid-stream: a {@link GatewayError} renders its own; anything
 * else is a bug and is reported as `internal_error` without its message (which may hold internals).
 */
export function streamErrorBody(error: unknown): OpenAIErrorBody {
  if (error instanceof GatewayError) return error.toOpenAI();
  return new GatewayError('internal_error', 'the gateway failed while streaming the answer').toOpenAI();
}

/**
 * Encodes a whole event stream as SSE text, for a route to pipe to the client: the events'
 * frames, then `[DONE]`; if the iterator throws, one error frame (see {@link streamErrorBody},
 * or `options.errorBody`) and no `[DONE]`. Stopping early stops the events' iterator too.
 */
export async function* encodeSseStream(
  events: AsyncIterable<StreamEvent>,
  options: SseEncoderOptions & { errorBody?: (error: unknown) => OpenAIErrorBody },
): AsyncGenerator<string, void, undefined> {
  const encoder = new OpenAISseEncoder(options);
  try {
    for await (const event of events) {
      const frames = encoder.encode(event);
      if (frames !== '') yield frames;
      if (encoder.ended) return;
    }
  } catch (error) {
    yield encoder.error((options.errorBody ?? streamErrorBody)(error));
    return;
  }
  yield encoder.error(
    new GatewayError('upstream_error', 'the upstream stream ended without a final event').toOpenAI(),
  );
}
