import type { AuditDecision, AuditRecord, AuditSink } from '@keeptrusts/core';
import type { ToolCall } from '@keeptrusts/core/wire';
import type { RequestTrace } from './observability/tracing.js';

/** Who hears of upstream calls and finished requests: the gateway's metrics, log and limits (#13). */
export interface TrailObserver {
  /** A call to `target` started (`+1`), or the one started before it ended (`-1`). */
  upstream(target: string, delta: 1 | -1): void;
  /** The trail finished; its record is complete. */
  finished(trail: AuditTrail): void;
}

/** Collects what happens to one request and hands one record to the sinks at the end. */
export class AuditTrail {
  readonly record: AuditRecord;
  /** `performance.now()` when the trail began; durations in the request log count from it. */
  readonly started: number;
  /** When the last upstream call began and when its answer was complete (0 until then). */
  upstreamStart = 0;
  upstreamEnd = 0;
  /** Every target an upstream call went to, in order: the failover path (#22). */
  readonly attempts: string[] = [];
  /** The target of the upstream call in progress, for in-flight counts. */
  private upstreamTarget: string | undefined;
  /** What the limiter needs back when the request ends (a concurrency lease), or undefined. */
  lease: unknown;
  /** The request's spans when tracing is on (`telemetry.otlp_endpoint`). */
  trace: RequestTrace | undefined;
  /** Whether any sink keeps prompt and answer text; when none does, the routes copy none. */
  readonly wantsContent: boolean;
  private finished = false;
  private durable: Promise<void> = RESOLVED;
  private failedDurably = false;
  private readonly sinks: readonly AuditSink[];
  private readonly onSinkError: (error: unknown, sink: AuditSink) => void;
  private readonly onFinish: (() => void) | undefined;
  private readonly observer: TrailObserver | undefined;

  constructor(
    init: { requestId: string; method: string; endpoint: string; client: string | null },
    sinks: readonly AuditSink[],
    onSinkError: (error: unknown, sink: AuditSink) => void,
    /** Called once the record went to the sinks; the gateway counts trails still open. */
    onFinish?: () => void,
    observer?: TrailObserver,
  ) {
    this.observer = observer;
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

  /** An upstream call to `target` begins (a failover's next attempt ends the one before). */
  upstreamBegan(target: string): void {
    this.upstreamStart = performance.now();
    this.upstreamEnd = 0;
    this.attempts.push(target);
    this.trace?.upstreamBegan(target, this.record.endpoint);
    if (this.observer === undefined) return;
    if (this.upstreamTarget !== undefined) this.observer.upstream(this.upstreamTarget, -1);
    this.upstreamTarget = target;
    this.observer.upstream(target, 1);
  }

  /** The upstream's answer is complete (a stream's last event); the latest call wins. */
  upstreamDone(): void {
    this.upstreamEnd = performance.now();
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
    const now = performance.now();
    this.record.latency_ms = round(now - this.started);
    // An upstream call that failed or was cut ended by now at the latest.
    if (this.upstreamStart > 0 && this.upstreamEnd === 0) this.upstreamEnd = now;
    let waits: Promise<void>[] | undefined;
    for (const sink of this.sinks) {
      try {
        const stored = sink.append(this.record);
        if (stored !== undefined) {
          waits ??= [];
          waits.push(
            stored.catch((error: unknown) => {
              this.failedDurably = true;
              this.onSinkError(error, sink);
            }),
          );
        }
      } catch (error) {
        // A sink that refuses (its queue is full) turns unhealthy; fail-closed sinks then stop traffic.
        this.onSinkError(error, sink);
        if (sink.failClosed === true) this.failedDurably = true;
      }
    }
    this.onFinish?.();
    this.trace?.finish(this.record, this.upstreamEnd);
    if (this.observer !== undefined) {
      if (this.upstreamTarget !== undefined) this.observer.upstream(this.upstreamTarget, -1);
      this.upstreamTarget = undefined;
      this.observer.finished(this);
    }
    if (waits !== undefined) this.durable = Promise.all(waits).then(() => undefined);
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
