// The mutable state of an OpenAI-compatible simulator: what it serves, the request log and the test knobs,
// shaped like the Ollama simulator's so one test can drive either.
import { createHash } from 'node:crypto';
import { SimulatorKnobs } from '../simulator-knobs.js';
import type {
  FailureOptions,
  KnobOptions,
  RecordedRequest,
  StreamErrorOptions,
  ToolCallReply,
} from '../simulator-state.js';
import { defaultOpenAIModels, type OpenAICompatibleModel, type OpenAIFlavour } from './models.js';

/** Options of the simulator state (and of the HTTP server). */
export interface OpenAISimulatorStateOptions {
  /** Which server to behave as; default `vllm`. */
  readonly flavour?: OpenAIFlavour;
  /** Served models; default the flavour's entry in {@link defaultOpenAIModels}. */
  readonly models?: readonly OpenAICompatibleModel[];
  /** The server's API key (`vllm serve --api-key`, `llama-server --api-key`); default none. */
  readonly apiKey?: string;
  /** Delay before each streamed token (and per token before a whole answer); default 0. */
  readonly tokenDelayMs?: number;
  /** llama.cpp only: whether the server was started with `--embeddings`; default false, as llama-server's. */
  readonly embeddings?: boolean;
  /** vLLM only: `--enable-auto-tool-choice`, which `tool_choice: "auto"` needs; default true. */
  readonly enableAutoToolChoice?: boolean;
}

/** The knobs and request log tests use to steer an OpenAI-compatible simulator. */
export interface OpenAISimulatorControl {
  /** Every request received since start or the last clear, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Requests whose client went away before the answer was complete. */
  readonly abortedRequests: readonly RecordedRequest[];
  /** Requests whose answer body was written to its end, in the order they finished. */
  readonly completedRequests: readonly RecordedRequest[];
  /** Empties the request logs. */
  clearRequests(): void;
  /** Drops every knob and the request logs, and restores the start options. */
  reset(): void;
  /** Answers chat and text completions with this text; `times` defaults to every following request. */
  replyWith(text: string, options?: KnobOptions): void;
  /** Answers chat requests that carry `tools` with these calls; `times` defaults to every following one. */
  replyWithToolCall(call: ToolCallReply | readonly ToolCallReply[], options?: KnobOptions): void;
  /** Fails the next inference request(s) (`times` default 1) with a status and message, in the flavour's error shape. */
  failNext(options?: FailureOptions): void;
  /** Never answers the next inference request(s) until the client goes away or the simulator closes. */
  hangNext(options?: KnobOptions): void;
  /** Destroys the socket of the next streamed answer(s) after `tokens` content chunks, without `[DONE]`. */
  dropNextStreamAfter(tokens: number, options?: KnobOptions): void;
  /** Ends the next streamed answer(s) after `tokens` content chunks with an in-stream error frame. */
  errorNextStreamAfter(tokens: number, options?: StreamErrorOptions): void;
  /** Sets the delay before each generated token. */
  setTokenDelay(ms: number): void;
  /** Requires `Authorization: Bearer <token>` (the server's API key); `undefined` turns it off. */
  requireToken(token: string | undefined): void;
}

/** Generation endpoints, with llama.cpp's unprefixed aliases. */
export const OPENAI_GENERATION_PATHS: readonly string[] = [
  '/v1/chat/completions',
  '/v1/completions',
  '/chat/completions',
  '/completions',
];
/** Paths inference knobs (failures, hangs) apply to by default. */
export const OPENAI_INFERENCE_PATHS: readonly string[] = [
  ...OPENAI_GENERATION_PATHS,
  '/v1/embeddings',
  '/embeddings',
];
const CHAT_PATHS: readonly string[] = ['/v1/chat/completions', '/chat/completions'];

/** The state behind one OpenAI-compatible simulator. */
export class OpenAISimulatorState extends SimulatorKnobs implements OpenAISimulatorControl {
  readonly flavour: OpenAIFlavour;
  readonly models: readonly OpenAICompatibleModel[];
  readonly embeddings: boolean;
  readonly enableAutoToolChoice: boolean;
  /** Unix seconds of the start, the default `created` of models. */
  readonly startedAt: number = Math.floor(Date.now() / 1000);
  #counter = 0;

  constructor(options: OpenAISimulatorStateOptions = {}) {
    super(
      { generation: OPENAI_GENERATION_PATHS, inference: OPENAI_INFERENCE_PATHS, chat: CHAT_PATHS },
      {
        tokenDelayMs: options.tokenDelayMs ?? 0,
        token: options.apiKey,
        streamError: 'Internal server error',
      },
    );
    this.flavour = options.flavour ?? 'vllm';
    this.models = options.models ?? defaultOpenAIModels[this.flavour];
    if (this.models.length === 0) throw new Error('an OpenAI-compatible simulator needs at least one model');
    this.embeddings = options.embeddings ?? false;
    this.enableAutoToolChoice = options.enableAutoToolChoice ?? true;
  }

  /** The API key requests must carry, if any. */
  get apiKey(): string | undefined {
    return this.requiredToken;
  }

  override reset(): void {
    super.reset();
    this.#counter = 0;
  }

  /** Whether an `Authorization` header carries the API key (`Bearer <key>`, scheme case as each server reads it). */
  isAuthorized(authorization: string | null): boolean {
    if (this.requiredToken === undefined) return true;
    const value = authorization ?? '';
    // vLLM lower-cases the scheme; llama.cpp compares the prefix `Bearer ` exactly.
    const at = value.indexOf(' ');
    if (at < 0) return false;
    const scheme = value.slice(0, at);
    const ok = this.flavour === 'llamacpp' ? scheme === 'Bearer' : scheme.toLowerCase() === 'bearer';
    return ok && value.slice(at + 1) === this.requiredToken;
  }

  /** The served model a request names, as the flavour resolves names. */
  findModel(name: string | undefined): OpenAICompatibleModel | undefined {
    // llama-server has one model and answers whatever name the client sends.
    if (this.flavour === 'llamacpp') return this.models[0];
    return this.models.find((model) => model.id === name);
  }

  /** A deterministic hex id for responses and tool calls: the n-th of this state since the last reset. */
  nextId(kind: string, length = 32): string {
    this.#counter++;
    return createHash('sha256')
      .update(`${this.flavour}:${kind}:${this.#counter}`)
      .digest('hex')
      .slice(0, length);
  }
}
