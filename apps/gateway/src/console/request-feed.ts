import type { AuditRecord } from '@keeptrusts/core';
import type { AuditTrail } from '../audit-trail.js';

/** What the live log shows of one finished request: its audit record and its failover path. */
export interface RequestSummary {
  record: AuditRecord;
  /** The targets its upstream calls went to, in order; more than one means failover. */
  attempts: readonly string[];
}

/** A viewer of the live log: it gets batches of summaries, never one call per request. */
export interface FeedSubscriber {
  /** Takes a batch; returns false when the viewer is behind and the batch was dropped for it. */
  deliver(batch: readonly RequestSummary[]): boolean;
}

/** Per-key use since the gateway started, as the keys page shows it. */
export interface KeyUse {
  requests: number;
  blocked: number;
  lastSeen: string | null;
}

/**
 * The live log's source (#22). Publishing costs the request path one array write and a few map
 * updates: the summary is the record object itself, kept in a bounded ring, and viewers are fed
 * from a timer in batches, so a slow viewer (its SSE stream backed up) loses batches instead of
 * slowing requests or growing memory.
 */
export class RequestFeed {
  private readonly ring: (RequestSummary | undefined)[];
  private next = 0;
  private pending: RequestSummary[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly subscribers = new Set<FeedSubscriber>();
  private readonly byKey = new Map<string, KeyUse>();
  /** Batches dropped for viewers that were behind. */
  dropped = 0;

  readonly capacity: number;
  private readonly batchMs: number;

  constructor(capacity = 1000, batchMs = 100) {
    this.capacity = capacity;
    this.batchMs = batchMs;
    this.ring = new Array(capacity);
  }

  /** Records a finished request; called by the gateway's trail observer. */
  publish(trail: AuditTrail): void {
    const summary: RequestSummary = { record: trail.record, attempts: trail.attempts };
    this.ring[this.next] = summary;
    this.next = (this.next + 1) % this.capacity;
    const key = trail.record.key_id ?? '';
    let use = this.byKey.get(key);
    if (use === undefined) {
      use = { requests: 0, blocked: 0, lastSeen: null };
      this.byKey.set(key, use);
    }
    use.requests++;
    use.lastSeen = trail.record.time;
    if (trail.record.decisions.some((d) => d.action === 'block')) use.blocked++;
    if (this.subscribers.size === 0) return;
    this.pending.push(summary);
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
  }

  /** Adds a viewer; returns the function that removes it. */
  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.pending = [];
      }
    };
  }

  get viewers(): number {
    return this.subscribers.size;
  }

  /** The requests still in the ring, newest first. */
  recent(limit = this.capacity): RequestSummary[] {
    const out: RequestSummary[] = [];
    for (let i = 1; i <= this.capacity && out.length < limit; i++) {
      const summary = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (summary === undefined) break;
      out.push(summary);
    }
    return out;
  }

  /** A request still in the ring, by its id. */
  find(requestId: string): RequestSummary | undefined {
    return this.recent().find((s) => s.record.request_id === requestId);
  }

  /** Use per key id (`''` for requests without a key). */
  keyUse(keyId: string): KeyUse {
    return this.byKey.get(keyId) ?? { requests: 0, blocked: 0, lastSeen: null };
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    for (const subscriber of this.subscribers) {
      if (!subscriber.deliver(batch)) this.dropped++;
    }
  }
}
