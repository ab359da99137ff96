import { type EndpointKind, GatewayError, type ProviderInstance } from '@keeptrusts/core';
import {
  createProviderInstance,
  type GatewayConfig,
  type Registry,
  type RouteRule,
  type TargetConfig,
} from '@keeptrusts/core/config';

/** A configured target with its live provider and health. */
export interface LiveTarget {
  config: TargetConfig;
  provider: ProviderInstance;
  healthy: boolean;
  /** The last health probe's outcome, for the console (#22); undefined until one ran. */
  lastProbe?: ProbeResult;
}

/** What one health probe found. */
export interface ProbeResult {
  /** ISO time the probe ended. */
  at: string;
  ok: boolean;
  ms: number;
  /** Why it failed (the error's message), or null. */
  error: string | null;
}

/** Why a request went where it went, for logs and audit. */
export interface Resolution {
  candidates: LiveTarget[];
  via: 'route' | 'target' | 'model' | 'default';
}

/**
 * Resolves a request's `model` and metadata to candidate targets. Order: a routing rule whose
 * metadata matches; the model as a target id, a provider string or a bare model name; the
 * default route; else 404. Weighted choice among healthy candidates happens in {@link pick}.
 */
export class TargetPool {
  readonly targets: LiveTarget[];
  private readonly byId: Map<string, LiveTarget>;
  private readonly rules: readonly RouteRule[];
  private readonly defaultTargets: readonly string[] | undefined;

  /**
   * Builds the live targets, each by its provider or by the provider it delegates to (found in
   * `registry`: `format: openai` on an Ollama target). On a reload, `previous` hands over each target
   * whose settings did not change, with its provider (and its open connections) and its health as
   * the probes last saw it.
   */
  constructor(
    config: GatewayConfig,
    env: (name: string) => string | undefined,
    registry: Pick<Registry, 'provider' | 'providerNames'>,
    previous?: TargetPool,
  ) {
    this.targets = config.targets.map((target) => {
      const kept = previous?.get(target.id);
      if (kept !== undefined && sameSettings(kept.config, target)) return kept;
      return { config: target, provider: createProviderInstance(target, { env }, registry), healthy: true };
    });
    this.byId = new Map(this.targets.map((t) => [t.config.id, t]));
    this.rules = config.routing.rules;
    this.defaultTargets = config.routing.defaultTargets;
  }

  get(id: string): LiveTarget | undefined {
    return this.byId.get(id);
  }

  /**
   * The targets a `model` names: as a target id, else as a provider string, else as a model name,
   * compared the way each target's provider compares names (Ollama's `llama3.3` is `llama3.3:latest`).
   */
  named(model: string): LiveTarget[] {
    const byId = this.byId.get(model);
    if (byId !== undefined) return [byId];
    const byProvider = this.targets.filter((t) => t.config.provider === model);
    if (byProvider.length > 0) return byProvider;
    return this.targets.filter((t) => t.config.definition.sameModel(t.config.model, model));
  }

  resolve(endpoint: EndpointKind, model: string, metadata: Readonly<Record<string, string>>): Resolution {
    for (const rule of this.rules) {
      if (!matches(rule, endpoint, model, metadata)) continue;
      const candidates = rule.targets.map((id) => this.byId.get(id)!);
      const kind = candidates[0]?.config.kind;
      if (kind !== undefined && !serves(kind, endpoint)) {
        const described = Object.entries(rule.metadata)
          .map(([k, v]) => `${k}=${v.join('|')}`)
          .join(', ');
        throw new GatewayError(
          'invalid_request_error',
          `the route for ${described} leads to ${kind} target "${rule.targets.join('", "')}", which cannot serve ${endpoint} requests`,
          { param: 'metadata' },
        );
      }
      return { candidates, via: 'route' };
    }
    const named = this.named(model);
    if (this.byId.has(model) || named.some((t) => t.config.provider === model)) {
      return { candidates: named.map((t) => this.check(t, endpoint, model)), via: 'target' };
    }
    // A bare model name may be served by targets of several kinds; keep those of this endpoint.
    const serving = named.filter((t) => serves(t.config.kind, endpoint));
    if (serving.length > 0) return { candidates: serving, via: 'model' };
    if (named.length > 0) this.check(named[0]!, endpoint, model);
    if (this.defaultTargets !== undefined) {
      const candidates = this.defaultTargets.map((id) => this.byId.get(id)!);
      if (candidates.every((t) => serves(t.config.kind, endpoint))) return { candidates, via: 'default' };
    }
    throw new GatewayError(
      'model_not_found',
      `no target or model named "${model}"; GET /v1/models lists them`,
      {
        param: 'model',
      },
    );
  }

  private check(target: LiveTarget, endpoint: EndpointKind, model: string): LiveTarget {
    if (!serves(target.config.kind, endpoint)) {
      throw new GatewayError(
        'invalid_request_error',
        `"${model}" is a ${target.config.kind} target and cannot serve ${endpoint} requests`,
        { param: 'model' },
      );
    }
    return target;
  }
}

/** Orders healthy candidates by weighted random choice without replacement (for failover). */
export function pick(candidates: readonly LiveTarget[], random: () => number = Math.random): LiveTarget[] {
  const pool = candidates.filter((t) => t.healthy);
  if (pool.length === 0) {
    throw new GatewayError(
      'no_healthy_target',
      `no healthy target among ${candidates.map((t) => `"${t.config.id}"`).join(', ')}; their health probes fail`,
    );
  }
  const order: LiveTarget[] = [];
  while (pool.length > 0) {
    const total = pool.reduce((sum, t) => sum + t.config.weight, 0);
    let roll = random() * total;
    let index = 0;
    while (index < pool.length - 1 && roll >= pool[index]!.config.weight) {
      roll -= pool[index]!.config.weight;
      index++;
    }
    order.push(...pool.splice(index, 1));
  }
  return order;
}

// A completion target can also serve chat? No: each target serves the kind its provider string names.
function serves(kind: EndpointKind, endpoint: EndpointKind): boolean {
  return kind === endpoint;
}

function matches(
  rule: RouteRule,
  endpoint: EndpointKind,
  model: string,
  metadata: Readonly<Record<string, string>>,
) {
  if (rule.model !== undefined && rule.model !== model) return false;
  if (rule.endpoint !== undefined && rule.endpoint !== endpoint) return false;
  const entries = Object.entries(rule.metadata);
  if (entries.length === 0 && rule.model === undefined && rule.endpoint === undefined) return false;
  return entries.every(([key, values]) => {
    const value = metadata[key];
    return value !== undefined && values.includes(value);
  });
}

/**
 * Whether two configs of a target ask for the same thing: the same provider plugin and the same
 * settings; where they were written does not count.
 */
function sameSettings(a: TargetConfig, b: TargetConfig): boolean {
  const { origin: _a, definition: left, ...leftSettings } = a;
  const { origin: _b, definition: right, ...rightSettings } = b;
  return left === right && JSON.stringify(leftSettings) === JSON.stringify(rightSettings);
}
