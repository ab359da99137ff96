// The simulator's mutable state: installed models, loaded models (for /api/ps), the request log and the
// test knobs. One state can back a real HTTP server and msw handlers alike.
import { createHash } from 'node:crypto';
import { KnobQueue } from './knob-queue.js';
import { defaultModels, type InstalledModel, ModelCatalogue, type SimulatedModel } from './models.js';
import { SimulatorKnobs } from './simulator-knobs.js';

/** A request as the simulator received it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/api/chat`. */
  readonly path: string;
  readonly url: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed with JSON.parse, or `undefined` when empty or not JSON. */
  readonly body: unknown;
  readonly rawBody: string;
}

/** How often and where a knob applies. */
export interface KnobOptions {
  /** How many matching requests it affects; see each knob for its default. */
  readonly times?: number;
  /** Only requests to this exact path (e.g. `/api/generate`); see each knob for the default set. */
  readonly path?: string;
}

/** A failure to answer with instead of the real response. */
export interface FailureOptions extends KnobOptions {
  /** HTTP status; default 500. */
  readonly status?: number;
  /** The `error` message; default `simulated failure`. */
  readonly error?: string;
}

/** A mid-stream error line's options. */
export interface StreamErrorOptions extends KnobOptions {
  /** Default `an error was encountered while running the model`, Ollama's own text. */
  readonly error?: string;
}

/** A tool call for the simulator to answer with. */
export interface ToolCallReply {
  readonly name: string;
  readonly arguments?: Readonly<Record<string, unknown>>;
}

/** Options shared by the simulator state and the HTTP server. */
export interface SimulatorStateOptions {
  /** Installed models; default {@link defaultModels}. */
  readonly models?: readonly SimulatedModel[];
  /** Delay before each streamed token (and per token before a non-streamed answer); default 0. */
  readonly tokenDelayMs?: number;
  /** Bearer token every request must carry; default none (Ollama itself has no auth). */
  readonly requireToken?: string;
  /** What /api/version reports; default `0.13.3`. */
  readonly version?: string;
}

/** The knobs and request log tests use to steer a simulator. */
export interface OllamaSimulatorControl {
  /** Every request received since start or the last clear, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Requests whose client went away before the answer was complete, in the order it happened. */
  readonly abortedRequests: readonly RecordedRequest[];
  /**
   * Requests whose answer body was written to its end, in the order they finished: a streamed
   * answer shows here only after its last line, so a test can tell what a client got before it.
   */
  readonly completedRequests: readonly RecordedRequest[];
  /** Empties the request log. */
  clearRequests(): void;
  /** Drops every knob, the request log and loaded models, and restores the start options. */
  reset(): void;
  /** Answers chat/generate with this text; `times` defaults to every following request. */
  replyWith(text: string, options?: KnobOptions): void;
  /**
   * Makes thinking models think this text instead of the default (chat and generate, when thinking is
   * on); `times` defaults to every following request.
   */
  thinkWith(text: string, options?: KnobOptions): void;
  /** Answers chat requests that carry `tools` with these calls; `times` defaults to every following one. */
  replyWithToolCall(call: ToolCallReply | readonly ToolCallReply[], options?: KnobOptions): void;
  /** Fails the next inference request(s) (`times` default 1) with a status and `{"error"}` body. */
  failNext(options?: FailureOptions): void;
  /** Never answers the next inference request(s) until the client aborts or the simulator closes. */
  hangNext(options?: KnobOptions): void;
  /** Destroys the socket of the next streamed answer(s) after `tokens` token lines, without a done line. */
  dropNextStreamAfter(tokens: number, options?: KnobOptions): void;
  /** Ends the next streamed answer(s) after `tokens` token lines with an in-stream `{"error"}` line. */
  errorNextStreamAfter(tokens: number, options?: StreamErrorOptions): void;
  /** Sets the delay before each generated token. */
  setTokenDelay(ms: number): void;
  /** Requires `Authorization: Bearer <token>` on every request (401 otherwise); `undefined` turns it off. */
  requireToken(token: string | undefined): void;
}

/** The paths inference knobs apply to when no `path` is given. */
export const INFERENCE_PATHS: readonly string[] = [
  '/api/chat',
  '/api/generate',
  '/api/embed',
  '/api/embeddings',
  '/v1/chat/completions',
  '/v1/completions',
  '/v1/embeddings',
];
const GENERATION_PATHS: readonly string[] = [
  '/api/chat',
  '/api/generate',
  '/v1/chat/completions',
  '/v1/completions',
];
const CHAT_PATHS: readonly string[] = ['/api/chat', '/v1/chat/completions'];

/** A model loaded in (simulated) memory, as /api/ps lists it. */
export interface LoadedModel {
  readonly model: InstalledModel;
  readonly expiresAt: number;
  readonly contextLength: number;
}

/** The state behind one simulator; create it with {@link createSimulatorState}. */
export class SimulatorState extends SimulatorKnobs implements OllamaSimulatorControl {
  readonly catalogue: ModelCatalogue;
  readonly version: string;
  #loaded = new Map<string, LoadedModel>();
  #toolCallCount = 0;
  readonly #thoughts = new KnobQueue<string>(GENERATION_PATHS);

  constructor(options: SimulatorStateOptions = {}) {
    super(
      { generation: GENERATION_PATHS, inference: INFERENCE_PATHS, chat: CHAT_PATHS },
      {
        tokenDelayMs: options.tokenDelayMs ?? 0,
        token: options.requireToken,
        streamError: 'an error was encountered while running the model',
      },
    );
    this.catalogue = new ModelCatalogue(options.models ?? defaultModels);
    this.version = options.version ?? '0.13.3';
  }

  override reset(): void {
    super.reset();
    this.#loaded.clear();
    this.#toolCallCount = 0;
    this.#thoughts.clear();
  }

  thinkWith(text: string, options?: KnobOptions): void {
    this.#thoughts.add(text, options, Number.POSITIVE_INFINITY);
  }

  /** Whether an `Authorization` header value passes the required-token check. */
  isAuthorized(authorization: string | null): boolean {
    if (this.requiredToken === undefined) return true;
    const match = /^bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
    return match?.[1] === this.requiredToken;
  }

  /** Consumes a pending thinking text for this path (only requests that think ask). */
  takeThinking(path: string): string | undefined {
    return this.#thoughts.take(path);
  }

  /** A tool-call id, `call_` + 8 lowercase alphanumerics, stable for a given order of calls. */
  nextToolCallId(name: string): string {
    this.#toolCallCount++;
    const digest = createHash('sha256').update(`${this.#toolCallCount}:${name}`).digest();
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let id = 'call_';
    for (let i = 0; i < 8; i++) id += alphabet[(digest[i] ?? 0) % alphabet.length];
    return id;
  }

  /** Marks a model loaded until `keepAliveNs` from now (default 5 minutes); returns whether it was warm. */
  load(model: InstalledModel, keepAliveNs: number | undefined, contextLength: number | undefined): boolean {
    const key = model.shortName;
    const now = Date.now();
    const previous = this.#loaded.get(key);
    const warm = previous !== undefined && previous.expiresAt > now;
    const keepMs = (keepAliveNs ?? 5 * 60e9) / 1e6;
    this.#loaded.set(key, {
      model,
      expiresAt: now + keepMs,
      contextLength: contextLength ?? previous?.contextLength ?? 4096,
    });
    return warm;
  }

  /** Removes a model from memory (`keep_alive: 0`). */
  unload(model: InstalledModel): void {
    this.#loaded.delete(model.shortName);
  }

  /** Models loaded and not yet expired. */
  loadedModels(): LoadedModel[] {
    const now = Date.now();
    return [...this.#loaded.values()].filter((entry) => entry.expiresAt > now);
  }
}

/** Creates simulator state for {@link createOllamaHandler} or {@link ollamaHandlers} without a server. */
export function createSimulatorState(options?: SimulatorStateOptions): SimulatorState {
  return new SimulatorState(options);
}
