// What every simulator keeps besides what it serves: the request logs and the test knobs (fixed
// replies, tool calls, failures, hangs, dropped and failing streams, token delay, required token),
// each knob limited to a path or to its default set of paths.
import { KnobQueue } from './knob-queue.js';
import type {
  FailureOptions,
  KnobOptions,
  RecordedRequest,
  StreamErrorOptions,
  ToolCallReply,
} from './simulator-state.js';

/** The paths each kind of knob applies to when a test names none. */
export interface KnobPaths {
  /** Where answers are generated: replies, dropped and failing streams. */
  readonly generation: readonly string[];
  /** Where inference runs, embeddings included: failures and hangs. */
  readonly inference: readonly string[];
  /** Where tool calls can be answered. */
  readonly chat: readonly string[];
}

/** What a reset restores, and the server's wording of an in-stream error. */
export interface KnobDefaults {
  readonly tokenDelayMs: number;
  readonly token: string | undefined;
  readonly streamError: string;
}

/** The request logs and knobs of a simulator; each simulator's state extends it with what it serves. */
export class SimulatorKnobs {
  readonly #defaults: KnobDefaults;
  #requests: RecordedRequest[] = [];
  #aborted: RecordedRequest[] = [];
  #completed: RecordedRequest[] = [];
  #tokenDelayMs: number;
  #token: string | undefined;
  readonly #replies: KnobQueue<string>;
  readonly #toolCalls: KnobQueue<readonly ToolCallReply[]>;
  readonly #failures: KnobQueue<{ status: number; error: string }>;
  readonly #hangs: KnobQueue<true>;
  readonly #drops: KnobQueue<number>;
  readonly #streamErrors: KnobQueue<{ after: number; error: string }>;

  constructor(paths: KnobPaths, defaults: KnobDefaults) {
    this.#defaults = defaults;
    this.#tokenDelayMs = defaults.tokenDelayMs;
    this.#token = defaults.token;
    this.#replies = new KnobQueue(paths.generation);
    this.#toolCalls = new KnobQueue(paths.chat);
    this.#failures = new KnobQueue(paths.inference);
    this.#hangs = new KnobQueue(paths.inference);
    this.#drops = new KnobQueue(paths.generation);
    this.#streamErrors = new KnobQueue(paths.generation);
  }

  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  get abortedRequests(): readonly RecordedRequest[] {
    return this.#aborted;
  }

  get completedRequests(): readonly RecordedRequest[] {
    return this.#completed;
  }

  get tokenDelayMs(): number {
    return this.#tokenDelayMs;
  }

  /** The token requests must carry as `Authorization: Bearer <token>`, if any. */
  protected get requiredToken(): string | undefined {
    return this.#token;
  }

  clearRequests(): void {
    this.#requests = [];
    this.#aborted = [];
    this.#completed = [];
  }

  /** Drops every knob and the request logs, and restores the start options. */
  reset(): void {
    this.clearRequests();
    this.#tokenDelayMs = this.#defaults.tokenDelayMs;
    this.#token = this.#defaults.token;
    for (const queue of [
      this.#replies,
      this.#toolCalls,
      this.#failures,
      this.#hangs,
      this.#drops,
      this.#streamErrors,
    ]) {
      queue.clear();
    }
  }

  replyWith(text: string, options?: KnobOptions): void {
    this.#replies.add(text, options, Number.POSITIVE_INFINITY);
  }

  replyWithToolCall(call: ToolCallReply | readonly ToolCallReply[], options?: KnobOptions): void {
    const calls: readonly ToolCallReply[] = Array.isArray(call) ? call : [call as ToolCallReply];
    this.#toolCalls.add(calls, options, Number.POSITIVE_INFINITY);
  }

  failNext(options?: FailureOptions): void {
    const failure = { status: options?.status ?? 500, error: options?.error ?? 'simulated failure' };
    this.#failures.add(failure, options, 1);
  }

  hangNext(options?: KnobOptions): void {
    this.#hangs.add(true, options, 1);
  }

  dropNextStreamAfter(tokens: number, options?: KnobOptions): void {
    this.#drops.add(tokens, options, 1);
  }

  errorNextStreamAfter(tokens: number, options?: StreamErrorOptions): void {
    const error = options?.error ?? this.#defaults.streamError;
    this.#streamErrors.add({ after: tokens, error }, options, 1);
  }

  setTokenDelay(ms: number): void {
    this.#tokenDelayMs = ms;
  }

  requireToken(token: string | undefined): void {
    this.#token = token;
  }

  /** Appends a request to the log. */
  record(request: RecordedRequest): void {
    this.#requests.push(request);
  }

  /** Notes that the client of a logged request went away before its answer was complete. */
  recordAbort(request: RecordedRequest): void {
    this.#aborted.push(request);
  }

  /** Notes that a logged request's answer body was written to its end. */
  recordCompletion(request: RecordedRequest): void {
    this.#completed.push(request);
  }

  /** Consumes a pending failure for this path. */
  takeFailure(path: string): { status: number; error: string } | undefined {
    return this.#failures.take(path);
  }

  /** Consumes a pending hang for this path. */
  takeHang(path: string): boolean {
    return this.#hangs.take(path) === true;
  }

  /** Consumes a pending fixed reply for this path. */
  takeReply(path: string): string | undefined {
    return this.#replies.take(path);
  }

  /** Consumes a pending tool-call reply (only chat requests carrying tools ask). */
  takeToolCalls(path: string): readonly ToolCallReply[] | undefined {
    return this.#toolCalls.take(path);
  }

  /** Consumes a pending connection drop for a streamed answer on this path. */
  takeDrop(path: string): number | undefined {
    return this.#drops.take(path);
  }

  /** Consumes a pending in-stream error for a streamed answer on this path. */
  takeStreamError(path: string): { after: number; error: string } | undefined {
    return this.#streamErrors.take(path);
  }
}

/** What a started simulator forwards to its state: the logs (read live) and the knobs. */
export type KnobControl = Pick<
  SimulatorKnobs,
  | 'requests'
  | 'abortedRequests'
  | 'completedRequests'
  | 'clearRequests'
  | 'reset'
  | 'replyWith'
  | 'replyWithToolCall'
  | 'failNext'
  | 'hangNext'
  | 'dropNextStreamAfter'
  | 'errorNextStreamAfter'
  | 'setTokenDelay'
  | 'requireToken'
>;

/** The logs and knobs of `state` as a started simulator's own members; add to it with `Object.assign`. */
export function knobControl(state: SimulatorKnobs): KnobControl {
  return {
    get requests() {
      return state.requests;
    },
    get abortedRequests() {
      return state.abortedRequests;
    },
    get completedRequests() {
      return state.completedRequests;
    },
    clearRequests: () => state.clearRequests(),
    reset: () => state.reset(),
    replyWith: (text, knob) => state.replyWith(text, knob),
    replyWithToolCall: (call, knob) => state.replyWithToolCall(call, knob),
    failNext: (failure) => state.failNext(failure),
    hangNext: (knob) => state.hangNext(knob),
    dropNextStreamAfter: (tokens, knob) => state.dropNextStreamAfter(tokens, knob),
    errorNextStreamAfter: (tokens, knob) => state.errorNextStreamAfter(tokens, knob),
    setTokenDelay: (ms) => state.setTokenDelay(ms),
    requireToken: (token) => state.requireToken(token),
  };
}
