import type { Registry } from 'prom-client';
import type { AuditTrail, TrailObserver } from '../audit-trail.js';
import type { TargetPool } from '../targets.js';
import { FigureSampler, type LiveFigures } from './live-figures.js';
import { RequestFeed } from './request-feed.js';
import { SessionStore } from './sessions.js';

/** A target as the console shows it. */
export interface TargetView {
  id: string;
  kind: string;
  provider: string;
  model: string;
  healthy: boolean;
  probed: boolean;
  lastProbe: { at: string; ok: boolean; ms: number; error: string | null } | null;
  inFlight: number;
  weight: number;
}

/** One tick of the overview stream: the figures and the targets. */
export interface OverviewTick {
  figures: LiveFigures;
  targets: TargetView[];
}

/** Gets a tick; returns false when the viewer is behind and this one was dropped. */
export type TickListener = (tick: OverviewTick) => boolean;

/**
 * What the console keeps across reloads (#22): sessions, the live log's ring and the overview's
 * sampler. One instance per process, handed from gateway to gateway like the metrics are.
 */
export class ConsoleState {
  readonly sessions = new SessionStore();
  readonly feed = new RequestFeed();
  private readonly sampler: FigureSampler;
  private readonly listeners = new Set<TickListener>();
  private timer: NodeJS.Timeout | undefined;
  private pool: TargetPool | undefined;
  private readonly inFlight = new Map<string, number>();
  private last: OverviewTick | undefined;

  constructor(registry: Registry) {
    this.sampler = new FigureSampler(registry);
  }

  /** Points the state at the gateway now serving. */
  bind(pool: TargetPool): void {
    this.pool = pool;
  }

  /** Wraps the gateway's trail observer so finished requests also reach the live log. */
  observe(inner: TrailObserver): TrailObserver {
    return {
      upstream: (target, delta) => {
        inner.upstream(target, delta);
        this.upstream(target, delta);
      },
      finished: (trail: AuditTrail) => {
        inner.finished(trail);
        this.feed.publish(trail);
      },
    };
  }

  /** An upstream call to `target` began (`+1`) or ended (`-1`). */
  upstream(target: string, delta: 1 | -1): void {
    this.inFlight.set(target, (this.inFlight.get(target) ?? 0) + delta);
  }

  targets(): TargetView[] {
    return (this.pool?.targets ?? []).map((t) => ({
      id: t.config.id,
      kind: t.config.kind,
      provider: t.config.providerName,
      model: t.config.model,
      healthy: t.healthy,
      probed: t.config.healthProbe,
      lastProbe: t.lastProbe ?? null,
      inFlight: this.inFlight.get(t.config.id) ?? 0,
      weight: t.config.weight,
    }));
  }

  /** The latest tick (taking one when none was), for a page's first paint. */
  async current(): Promise<OverviewTick> {
    this.last ??= { figures: await this.sampler.sample(), targets: this.targets() };
    return this.last;
  }

  /** Receives a tick every second while subscribed; the sampler runs only while someone listens. */
  subscribe(listener: TickListener): () => void {
    this.listeners.add(listener);
    if (this.timer === undefined) {
      this.timer = setInterval(() => void this.tick(), 1000);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private async tick(): Promise<void> {
    const tick = { figures: await this.sampler.sample(), targets: this.targets() };
    this.last = tick;
    for (const listener of this.listeners) listener(tick);
  }
}
