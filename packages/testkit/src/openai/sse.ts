// Sends an answer as server-sent events, one `data: {...}\n\n` frame per write, ending with
// `data: [DONE]`. Token frames wait the token delay first; the stream knobs count token frames.
import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedConnectionDrop } from '../generation-response.js';

/** One frame of a stream; `token` frames carry generated tokens and are paced and counted. */
export interface SseStep {
  readonly data: unknown;
  readonly token: boolean;
}

/** How to send one stream. */
export interface SseOptions {
  readonly steps: readonly SseStep[];
  readonly contentType: string;
  readonly signal: AbortSignal;
  readonly tokenDelayMs: number;
  /** Destroy the connection after this many token frames. */
  readonly dropAfter?: number;
  /** After this many token frames, send `frame` (already encoded) and end, with `[DONE]` when `done`. */
  readonly errorAfter?: { readonly after: number; readonly frame: string; readonly done: boolean };
}

const encoder = new TextEncoder();
const DONE = 'data: [DONE]\n\n';

/** Encodes a value as one SSE data frame. */
export function dataFrame(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms > 0) await sleep(ms, undefined, { signal });
  else signal.throwIfAborted();
}

async function* frames(options: SseOptions): AsyncGenerator<Uint8Array> {
  let tokens = 0;
  for (const step of options.steps) {
    if (step.token) {
      if (options.dropAfter === tokens) throw new SimulatedConnectionDrop();
      if (options.errorAfter?.after === tokens) {
        yield encoder.encode(options.errorAfter.frame);
        if (options.errorAfter.done) yield encoder.encode(DONE);
        return;
      }
      await pause(options.tokenDelayMs, options.signal);
      tokens++;
    }
    yield encoder.encode(dataFrame(step.data));
  }
  if (options.dropAfter !== undefined && options.dropAfter >= tokens) throw new SimulatedConnectionDrop();
  yield encoder.encode(DONE);
}

/** A streaming SSE response. */
export function sseResponse(options: SseOptions): Response {
  return new Response(ReadableStream.from(frames(options)), {
    status: 200,
    headers: { 'content-type': options.contentType, 'cache-control': 'no-cache' },
  });
}

/** Waits as long as streaming `tokens` tokens would, for a whole (non-streamed) answer. */
export async function waitForTokens(tokens: number, delayMs: number, signal: AbortSignal): Promise<void> {
  for (let i = 0; i < tokens; i++) await pause(delayMs, signal);
}
