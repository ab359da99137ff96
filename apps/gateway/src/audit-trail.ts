import type { AuditDecision, AuditRecord, AuditSink } from '@keeptrusts/core';
import type { ToolCall } from '@keeptrusts/core/wire';

/** Collects what happens to one request and hands one record to the sinks at the end. */
export class AuditTrail {
  readonly record: AuditRecord;
  /** Whether any sink keeps prompt and answer text; when none does, the routes copy none. */
  readonly wantsContent: boolean;
  private readonly started: number;
  private finished = false;
  private durable: Promise<void> = RESOLVED;
  private failedDurably = false;
  private readonly sinks: readonly AuditSink[];
  private readonly onSinkError: (error: unknown) => void;
  private readonly onFinish: (() => void) | undefined;

  constructor(
    init: { requestId: string; method: string; endpoint: string; client: string | null },
    sinks: readonly AuditSink[],
    onSinkError: (error: unknown) => void,
    /** Called once the record went to the sinks; the gateway counts trails still open. */
    onFinish?: () => void,
  ) {
    this.started = performance.now();
    this.sinks = sinks;
    this.onSinkError = onSinkError;
    this.onFinish = onFinish;
    this.wantsContent = sinks.some((s) => s.wantsContent === true);
    this.record = {
      time: new Date().toISOString(),
      request_id: init.requestId,
      key_id: null,
      client: init.client,
      method: init.method,
      endpoint: init.endpoint,
      target: null,
      model: null,
      stream: false,
      status: 0,
      error_code: null,
      decisions: [],
      latency_ms: 0,
      ttfb_ms: null,
      usage: null,
      finish_reason: null,
    };
  }

  decide(decisions: readonly AuditDecision[]): void {
    this.record.decisions.push(...decisions);
  }

  /** Keeps the answer as sent (after the response rules) when a sink wants content. */
  answer(sent: { text: string; reasoning?: string | undefined; toolCalls?: readonly ToolCall[] }): void {
    if (!this.wantsContent) return;
    this.record.answer = sent.text;
    if (sent.reasoning) this.record.reasoning = sent.reasoning;
    if (sent.toolCalls !== undefined && sent.toolCalls.length > 0) {
      this.record.tool_calls = sent.toolCalls.map((call) => ({
        name: call.function.name,
        arguments: call.function.arguments,
      }));
    }
  }

  firstByte(): void {
    if (this.record.ttfb_ms === null) this.record.ttfb_ms = round(performance.now() - this.started);
  }

  /**
   * Ends the trail once: later calls (a stream's cancel after its end) are ignored and get the
   * first call's promise. It settles (never rejects) once every sink that promises durability has
   * the record on storage; {@link durabilityFailed} then says whether one could not.
   */
  finish(status: number, errorCode: string | null = null): Promise<void> {
    if (this.finished) return this.durable;
    this.finished = true;
    this.record.status = status;
    this.record.error_code = errorCode;
    this.record.latency_ms = round(performance.now() - this.started);
    let waits: Promise<void>[] | undefined;
    for (const sink of this.sinks) {
      try {
        const stored = sink.append(this.record);
        if (stored !== undefined) {
          waits ??= [];
          waits.push(stored);
        }
      } catch (error) {
        // A sink that refuses (its queue is full) turns unhealthy; fail-closed sinks then stop traffic.
        this.onSinkError(error);
        if (sink.failClosed === true) this.failedDurably = true;
      }
    }
    this.onFinish?.();
    if (waits !== undefined) {
      this.durable = Promise.all(waits).then(
        () => undefined,
        (error: unknown) => {
          this.failedDurably = true;
          this.onSinkError(error);
        },
      );
    }
    return this.durable;
  }

  /** Whether a sink could not store the record (a fail-closed one refused it, or a durable write failed). */
  get durabilityFailed(): boolean {
    return this.failedDurably;
  }
}

const RESOLVED: Promise<void> = Promise.resolve();

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
