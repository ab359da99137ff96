import type { Registry } from 'prom-client';

/** The overview's figures at one moment, read from the same registry as `/metrics`. */
export interface LiveFigures {
  /** Unix ms of the sample. */
  at: number;
  requestsPerSecond: number;
  /** Share of the window's answers with a 5xx status, 0..1. */
  errorRate: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  tokensInPerSecond: number;
  tokensOutPerSecond: number;
  /** Totals since start. */
  requests: number;
  tokensIn: number;
  tokensOut: number;
  /** Blocks since start, by rule type. */
  blocksByRule: Record<string, number>;
}

/** Cumulative counts read from the registry at one moment. */
interface Sample {
  at: number;
  requests: number;
  errors: number;
  tokensIn: number;
  tokensOut: number;
  latency: Map<number, number>;
  ttft: Map<number, number>;
  blocksByRule: Record<string, number>;
}

/** The window latency quantiles and rates are taken over. */
const WINDOW_MS = 10_000;

/**
 * Reads the gateway's Prometheus registry and turns its counters into rates and quantiles over the
 * last ten seconds. Only the five metrics the overview needs are read, never the whole exposition.
 */
export class FigureSampler {
  private samples: Sample[] = [];
  private readonly registry: Registry;

  constructor(registry: Registry) {
    this.registry = registry;
  }

  /** Takes a sample now and returns the figures over the window ending now. */
  async sample(now = Date.now()): Promise<LiveFigures> {
    const current = await this.read(now);
    this.samples.push(current);
    while (this.samples.length > 1 && this.samples[0]!.at < now - WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const last1s = this.samples.length > 1 ? this.samples.at(-2)! : first;
    const seconds = Math.max((current.at - last1s.at) / 1000, 0.001);
    const windowRequests = current.requests - first.requests;
    return {
      at: now,
      requestsPerSecond: round((current.requests - last1s.requests) / seconds),
      errorRate: windowRequests > 0 ? round((current.errors - first.errors) / windowRequests, 4) : 0,
      latencyP50Ms: quantileMs(first.latency, current.latency, 0.5),
      latencyP95Ms: quantileMs(first.latency, current.latency, 0.95),
      ttftP50Ms: quantileMs(first.ttft, current.ttft, 0.5),
      ttftP95Ms: quantileMs(first.ttft, current.ttft, 0.95),
      tokensInPerSecond: round((current.tokensIn - last1s.tokensIn) / seconds),
      tokensOutPerSecond: round((current.tokensOut - last1s.tokensOut) / seconds),
      requests: current.requests,
      tokensIn: current.tokensIn,
      tokensOut: current.tokensOut,
      blocksByRule: current.blocksByRule,
    };
  }

  private async read(at: number): Promise<Sample> {
    const sample: Sample = {
      at,
      requests: 0,
      errors: 0,
      tokensIn: 0,
      tokensOut: 0,
      latency: new Map(),
      ttft: new Map(),
      blocksByRule: {},
    };
    for (const v of await this.values('keeptrusts_requests_total')) {
      sample.requests += v.value;
      if (Number(v.labels.status) >= 500) sample.errors += v.value;
    }
    for (const v of await this.values('keeptrusts_tokens_total')) {
      if (v.labels.gen_ai_token_type === 'input') sample.tokensIn += v.value;
      else sample.tokensOut += v.value;
    }
    for (const v of await this.values('keeptrusts_policy_decisions_total')) {
      if (v.labels.action !== 'block') continue;
      const rule = String(v.labels.rule_type);
      sample.blocksByRule[rule] = (sample.blocksByRule[rule] ?? 0) + v.value;
    }
    addBuckets(sample.latency, await this.values('keeptrusts_request_duration_seconds'));
    addBuckets(sample.ttft, await this.values('gen_ai_server_time_to_first_token_seconds'));
    return sample;
  }

  private async values(
    name: string,
  ): Promise<{ value: number; labels: Record<string, string | number>; metricName?: string }[]> {
    const metric = this.registry.getSingleMetric(name);
    if (metric === undefined) return [];
    return (await metric.get()).values as {
      value: number;
      labels: Record<string, string | number>;
      metricName?: string;
    }[];
  }
}

/** Sums a histogram's cumulative bucket counts across its label sets, by upper bound. */
function addBuckets(
  into: Map<number, number>,
  values: { value: number; labels: Record<string, string | number>; metricName?: string }[],
): void {
  for (const v of values) {
    if (!v.metricName?.endsWith('_bucket')) continue;
    const le = v.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(v.labels.le);
    into.set(le, (into.get(le) ?? 0) + v.value);
  }
}

/**
 * The q-quantile, in ms, of the observations between two cumulative bucket snapshots, interpolated
 * within the bucket as Prometheus' histogram_quantile does; null when the window saw none.
 */
export function quantileMs(
  before: Map<number, number>,
  after: Map<number, number>,
  q: number,
): number | null {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const total = counts.at(-1) ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [i, le] of bounds.entries()) {
    const count = counts[i]!;
    if (count >= rank) {
      if (le === Number.POSITIVE_INFINITY) return round(lower * 1000);
      const inBucket = count - below;
      const share = inBucket > 0 ? (rank - below) / inBucket : 1;
      return round((lower + (le - lower) * share) * 1000);
    }
    lower = le;
    below = count;
  }
  return null;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
