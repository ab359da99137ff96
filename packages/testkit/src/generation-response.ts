// Sends a planned answer as Ollama does: one NDJSON line per token (each its own chunk, so each is flushed),
// then a `done: true` line with metrics; or, with `stream: false`, one JSON object after the same wait.
// The stream knobs act here: a dropped connection errors the body stream, an in-stream error writes
// Ollama's `{"error"}` line and ends without a done line.
import { setTimeout as sleep } from 'node:timers/promises';
import type { GeneratedToolCall, GenerationPlan, Metrics } from './generation.js';
import { goJsonStringify } from './go-json.js';
import { jsonResponse } from './responses.js';

/** Raised inside a response body stream to make the server destroy the socket mid-stream. */
export class SimulatedConnectionDrop extends Error {
  constructor() {
    super('simulated connection drop');
    this.name = 'SimulatedConnectionDrop';
  }
}

/** How one endpoint shapes its lines (`message` for chat, `response` for generate). */
export interface LineShape {
  token(kind: 'content' | 'thinking', piece: string): unknown;
  toolCalls(calls: readonly GeneratedToolCall[]): unknown;
  final(doneReason: string, metrics: Metrics): unknown;
  whole(plan: GenerationPlan, metrics: Metrics): unknown;
}

/** Everything needed to send one answer. */
export interface RenderOptions {
  readonly plan: GenerationPlan;
  readonly shape: LineShape;
  readonly stream: boolean;
  readonly metrics: Metrics;
  readonly signal: AbortSignal;
  readonly tokenDelayMs: number;
  /** Destroy the connection after this many token lines. */
  readonly dropAfter?: number;
  /** Write an error line after this many token lines. */
  readonly errorAfter?: { readonly after: number; readonly error: string };
}

const encoder = new TextEncoder();

function line(value: unknown): Uint8Array {
  return encoder.encode(`${goJsonStringify(value)}\n`);
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms > 0) await sleep(ms, undefined, { signal });
  else signal.throwIfAborted();
}

function tokenLines(plan: GenerationPlan, shape: LineShape): unknown[] {
  const lines: unknown[] = plan.thinking.map((piece) => shape.token('thinking', piece));
  for (const piece of plan.content) lines.push(shape.token('content', piece));
  if (plan.toolCalls.length > 0) lines.push(shape.toolCalls(plan.toolCalls));
  return lines;
}

async function* streamLines(options: RenderOptions): AsyncGenerator<Uint8Array> {
  const { plan, shape, signal } = options;
  const lines = tokenLines(plan, shape);
  for (let sent = 0; ; sent++) {
    if (options.dropAfter === sent) throw new SimulatedConnectionDrop();
    if (options.errorAfter?.after === sent) {
      yield line({ error: options.errorAfter.error });
      return;
    }
    if (sent >= lines.length) break;
    await pause(options.tokenDelayMs, signal);
    yield line(lines[sent]);
  }
  yield line(shape.final(plan.doneReason, options.metrics));
}

/** Sends an answer as an NDJSON stream or a single JSON object. */
export async function renderGeneration(options: RenderOptions): Promise<Response> {
  if (!options.stream) {
    const tokens = tokenLines(options.plan, options.shape).length;
    for (let i = 0; i < tokens; i++) await pause(options.tokenDelayMs, options.signal);
    return jsonResponse(200, options.shape.whole(options.plan, options.metrics));
  }
  return new Response(ReadableStream.from(streamLines(options)), {
    status: 200,
    headers: { 'content-type': 'application/x-ndjson' },
  });
}
