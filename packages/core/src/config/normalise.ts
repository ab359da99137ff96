import type { z } from 'zod';
import type { ConfigIssue } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import type { EndpointKind } from '../plugin/types.js';
import { didYouMean } from './did-you-mean.js';
import { parseProviderString } from './provider-string.js';
import type { Salvaged } from './salvage.js';
import type {
  ApiKeyConfig,
  GatewayConfig,
  KeyLimits,
  Origin,
  PolicyConfig,
  RouteRule,
  SinkConfig,
  TargetConfig,
} from './types.js';
import {
  type WrittenConfig,
  type WrittenLimits,
  type WrittenPolicy,
  type WrittenRoute,
  type WrittenTarget,
  writtenConfigSchema,
  writtenTargetSchema,
} from './written.js';
import type { YamlSource } from './yaml-source.js';
import { checkWithSchema, formatPath } from './zod-issues.js';

/**
 * One file after its schema check: what of it was valid (all of it, when there was no problem),
 * with the parsed YAML that can still locate its values.
 */
export interface CheckedFile {
  source: YamlSource;
  written: Salvaged<WrittenConfig>;
}

/** What the loader knows about the files beyond their contents. */
export interface NormaliseOptions {
  /** False when a file could not be read or parsed: references to unknown targets are then not reported. */
  everyFileRead: boolean;
  /** A module under `plugins:` failed to load, so an unknown rule type may be one of its. */
  pluginFailed: boolean;
}

// The gateway's own defaults; base_url and secret_key_ref default per provider (its `defaults`).
const defaults = {
  timeoutSeconds: 30,
  streamTimeoutSeconds: 120,
  weight: 1,
  bodyLimitBytes: 1024 * 1024,
  shutdownGraceSeconds: 30,
  requestTimeoutSeconds: 30,
  headersTimeoutSeconds: 10,
  limitKeyPrefix: 'kt:limits:',
  limitStoreTimeoutMs: 250,
} as const;

/**
 * Merges checked files in order and maps the written form onto the model: lists concatenate,
 * `policy.<name>` settings and `server`/`auth` scalars are overridden by later files. Every
 * problem is collected; nothing stops at the first. Parts of a file that failed their schema are
 * missing here (their problems were reported); the rest is still checked, cross-references too.
 */
export function normaliseConfig(
  files: readonly CheckedFile[],
  registry: Registry,
  baseDir: string,
  options: NormaliseOptions = { everyFileRead: true, pluginFailed: false },
): { config: GatewayConfig } | { issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const sources = new Map(files.map((f) => [f.source.file, f.source]));
  const report = (
    origin: Origin,
    sub: readonly (string | number)[],
    message: string,
    hint?: string,
    key = false,
  ) => {
    const path = [...origin.path, ...sub];
    const pos = sources.get(origin.file)?.locate(path, { key });
    issues.push({
      file: origin.file,
      ...(pos === undefined ? {} : { line: pos.line, column: pos.column }),
      path: formatPath(path),
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  };
  const checkAt: CheckAt = (schema, value, origin) => {
    const source = sources.get(origin.file)!;
    const result = checkWithSchema(schema, value, {
      file: origin.file,
      prefix: origin.path,
      locate: source.locate,
    });
    if (result.ok) return { data: result.data };
    issues.push(...result.issues);
    return undefined;
  };
  const hintFor = (name: string, known: readonly string[]) => {
    const near = didYouMean(name, known);
    return near === undefined ? undefined : `did you mean "${near}"?`;
  };
  const unknownTypeHint = (name: string, known: readonly string[]) =>
    hintFor(name, known) ??
    (options.pluginFailed ? 'it may come from the plugin that failed to load' : undefined);
  // Targets written but not read (a problem was reported for each): references to them are fine.
  const unreadTargets = new Set<string>();
  let everyTargetRead = options.everyFileRead;
  const sections = Object.keys(writtenConfigSchema.shape);

  const config: GatewayConfig = {
    files: files.map((f) => f.source.file),
    baseDir,
    packs: [],
    targets: [],
    policies: [],
    sinks: [],
    routing: { rules: [], defaultTargets: undefined },
    plugins: [],
    telemetry: { otlpEndpoint: undefined, serviceName: 'keeptrusts-gateway', sampleRatio: 1 },
    auth: { keys: [], allowUnauthenticated: false, configured: false, defaultLimits: undefined },
    server: {
      listen: undefined,
      metricsListen: undefined,
      limits: {
        store: 'memory',
        redisUrl: undefined,
        keyPrefix: defaults.limitKeyPrefix,
        onStoreError: 'fail_closed',
        storeTimeoutMs: defaults.limitStoreTimeoutMs,
      },
      bodyLimitBytes: defaults.bodyLimitBytes,
      policyMode: 'auto',
      shutdownGraceSeconds: defaults.shutdownGraceSeconds,
      allowedHosts: [],
      requestTimeoutSeconds: defaults.requestTimeoutSeconds,
      headersTimeoutSeconds: defaults.headersTimeoutSeconds,
    },
  };
  // Policies and names, in the order written across files; names resolve once every file's
  // policy.<name> settings are known.
  const chain: ({ name: string; origin: Origin } | { policy: PolicyConfig })[] = [];
  const settings = new Map<string, { value: unknown; origin: Origin }>();
  let defaultOrigin: Origin | undefined;
  let headersTimeoutOrigin: Origin | undefined;
  let limitStoreOrigin: Origin | undefined;
  // A redis_url written but refused by its schema was reported already; it is not missing.
  let redisUrlWritten = false;
  const plugins = new Set<string>();

  for (const { source, written } of files) {
    const file = source.file;
    const raw = source.value as Record<string, unknown>;
    // A misspelt section or a broken providers block may hold targets that others refer to.
    if (Object.keys(raw).some((key) => !sections.includes(key))) everyTargetRead = false;
    if (raw.providers !== undefined && written.providers === undefined) everyTargetRead = false;
    if (written.pack !== undefined) {
      const enabled = written.pack.enabled ?? true;
      config.packs = [
        ...config.packs,
        { name: written.pack.name, version: written.pack.version, enabled, file },
      ];
      if (!enabled) continue;
    }
    for (const [i, target] of (written.providers?.targets ?? []).entries()) {
      if (target === undefined) {
        const id = valueAt(raw, ['providers', 'targets', i, 'id']);
        if (typeof id === 'string') unreadTargets.add(id);
        else everyTargetRead = false;
        continue;
      }
      const normalised = normaliseTarget(target, { file, path: ['providers', 'targets', i] }, registry, {
        report,
        hintFor,
        checkAt,
      });
      if (normalised !== undefined) config.targets.push(normalised);
      else unreadTargets.add(target.id);
    }
    const policies = written.policies;
    const [entries, at] = Array.isArray(policies)
      ? [policies, ['policies']]
      : [policies?.chain ?? [], ['policies', 'chain']];
    for (const [i, entry] of entries.entries()) {
      const origin = { file, path: [...at, i] };
      if (entry === undefined) continue;
      if (typeof entry === 'string') {
        chain.push({ name: entry, origin });
        continue;
      }
      const policy = normalisePolicy(entry, origin, registry, { report, hintFor: unknownTypeHint, checkAt });
      if (policy !== undefined) chain.push({ policy });
    }
    for (const [name, value] of Object.entries(written.policy ?? {})) {
      settings.set(name, { value, origin: { file, path: ['policy', name] } });
    }
    for (const [i, route] of (written.routing?.rules ?? []).entries()) {
      if (route === undefined) continue;
      const origin = { file, path: ['routing', 'rules', i] };
      const rule = normaliseRoute(route, origin);
      if (rule === 'default') continue;
      if ('defaultTargets' in rule) {
        if (defaultOrigin !== undefined) {
          report(
            origin,
            [],
            `a second default rule; the first is at ${describeOrigin(defaultOrigin, sources)}`,
          );
        }
        defaultOrigin = origin;
        config.routing.defaultTargets = rule.defaultTargets;
      } else {
        config.routing.rules.push(rule);
      }
    }
    for (const plugin of written.plugins ?? []) plugins.add(plugin);
    if (written.auth !== undefined) {
      config.auth.configured = true;
      for (const key of written.auth.keys ?? []) {
        if (key === undefined) continue;
        config.auth.keys.push({
          id: key.id,
          sha256: key.hash.slice('sha256:'.length),
          description: key.description,
          limits: normaliseLimits(key.limits),
        });
      }
      if (written.auth.allow_unauthenticated !== undefined) {
        config.auth.allowUnauthenticated = written.auth.allow_unauthenticated;
      }
      if (written.auth.default_limits !== undefined) {
        config.auth.defaultLimits = normaliseLimits(written.auth.default_limits);
      }
    }
    const telemetry = written.telemetry;
    if (telemetry?.otlp_endpoint !== undefined) config.telemetry.otlpEndpoint = telemetry.otlp_endpoint;
    if (telemetry?.service_name !== undefined) config.telemetry.serviceName = telemetry.service_name;
    if (telemetry?.sample_ratio !== undefined) config.telemetry.sampleRatio = telemetry.sample_ratio;
    const server = written.server;
    if (server?.listen !== undefined) config.server.listen = server.listen;
    if (server?.metrics_listen !== undefined) config.server.metricsListen = server.metrics_listen;
    if (server?.limits !== undefined) {
      const limits = config.server.limits;
      limitStoreOrigin = { file, path: ['server', 'limits'] };
      redisUrlWritten ||= valueAt(raw, ['server', 'limits', 'redis_url']) !== undefined;
      limits.store = server.limits.store ?? limits.store;
      limits.redisUrl = server.limits.redis_url ?? limits.redisUrl;
      limits.keyPrefix = server.limits.key_prefix ?? limits.keyPrefix;
      limits.onStoreError = server.limits.on_store_error ?? limits.onStoreError;
      limits.storeTimeoutMs = server.limits.store_timeout_ms ?? limits.storeTimeoutMs;
    }
    if (server?.body_limit !== undefined) config.server.bodyLimitBytes = parseSize(server.body_limit);
    if (server?.request_timeout_seconds !== undefined) {
      config.server.requestTimeoutSeconds = server.request_timeout_seconds;
    }
    if (server?.headers_timeout_seconds !== undefined) {
      config.server.headersTimeoutSeconds = server.headers_timeout_seconds;
      headersTimeoutOrigin = { file, path: ['server', 'headers_timeout_seconds'] };
    }
    if (server?.streaming?.policy_mode !== undefined) config.server.policyMode = server.streaming.policy_mode;
    if (server?.shutdown_grace_seconds !== undefined) {
      config.server.shutdownGraceSeconds = server.shutdown_grace_seconds;
    }
    if (server?.allowed_hosts !== undefined) config.server.allowedHosts = server.allowed_hosts;
  }
  // The headers are part of the request (Node refuses a longer headers timeout): an unset one
  // follows a short request timeout, a written one must fit in it.
  const timeouts = config.server;
  if (headersTimeoutOrigin === undefined) {
    timeouts.headersTimeoutSeconds = Math.min(timeouts.headersTimeoutSeconds, timeouts.requestTimeoutSeconds);
  } else if (timeouts.headersTimeoutSeconds > timeouts.requestTimeoutSeconds) {
    report(
      headersTimeoutOrigin,
      [],
      `expected at most server.request_timeout_seconds (${timeouts.requestTimeoutSeconds}), got ${timeouts.headersTimeoutSeconds}: the headers are part of the request`,
    );
  }
  config.plugins = [...plugins];
  const limitStore = config.server.limits;
  if (limitStoreOrigin !== undefined && limitStore.store === 'redis' && !redisUrlWritten) {
    report(
      limitStoreOrigin,
      ['store'],
      'store: redis needs server.limits.redis_url, such as redis://127.0.0.1:6379 (${REDIS_URL} reads it from the environment)',
    );
  } else if (
    limitStoreOrigin !== undefined &&
    limitStore.store === 'memory' &&
    limitStore.redisUrl !== undefined
  ) {
    report(
      limitStoreOrigin,
      ['redis_url'],
      'redis_url is set but the limits live in memory: add store: redis to share them through Redis, or remove redis_url',
    );
  }

  // Each name is an audit sink or a policy type, configured under policy.<name>.
  const used = new Set<string>();
  for (const entry of chain) {
    if ('policy' in entry) {
      config.policies.push(entry.policy);
      continue;
    }
    const { name, origin } = entry;
    const setting = settings.get(name);
    used.add(name);
    const sink = registry.sink(name);
    const policy = registry.policy(name);
    const settingOrigin = setting?.origin ?? origin;
    if (sink !== undefined) {
      const checked = checkAt(sink.configSchema, setting?.value ?? {}, settingOrigin);
      if (checked !== undefined) {
        config.sinks.push({
          type: name,
          definition: sink,
          config: checked.data,
          origin: settingOrigin,
        } satisfies SinkConfig);
      }
    } else if (policy !== undefined) {
      const checked = checkAt(policy.configSchema, setting?.value ?? {}, settingOrigin);
      if (checked !== undefined) {
        config.policies.push({
          id: name,
          description: undefined,
          appliesTo: undefined,
          targets: undefined,
          rules: [{ type: name, definition: policy, config: checked.data, origin: settingOrigin }],
          origin,
        });
      }
    } else {
      const known = [...registry.sinkTypes(), ...registry.policyTypes()];
      report(
        origin,
        [],
        `unknown chain entry "${name}"; known: ${known.join(', ')}`,
        unknownTypeHint(name, known),
      );
    }
  }
  for (const [name, { origin }] of settings) {
    if (!used.has(name)) {
      report(
        origin,
        [],
        `settings for "${name}" are not used: add "${name}" to policies.chain, or as an entry of the policies list`,
        undefined,
        true,
      );
    }
  }

  crossCheck(config, report, hintFor, sources, (id) => !everyTargetRead || unreadTargets.has(id));
  return issues.length > 0 ? { issues } : { config };
}

type Report = (
  origin: Origin,
  sub: readonly (string | number)[],
  message: string,
  hint?: string,
  key?: boolean,
) => void;
type HintFor = (name: string, known: readonly string[]) => string | undefined;
type CheckAt = (schema: z.ZodType, value: unknown, origin: Origin) => { data: unknown } | undefined;

const coreTargetFields = Object.keys(writtenTargetSchema.shape);

function normaliseTarget(
  target: Salvaged<WrittenTarget>,
  origin: Origin,
  registry: Registry,
  { report, hintFor, checkAt }: { report: Report; hintFor: HintFor; checkAt: CheckAt },
): TargetConfig | undefined {
  const ref = parseProviderString(target.provider, registry);
  if ('error' in ref) {
    report(origin, ['provider'], ref.error);
    return undefined;
  }
  const { definition } = ref;
  // Keys beside core's belong to the provider's configSchema, or are misspelt: reported and
  // dropped, as salvage drops an unknown key, so the target still counts for cross-references.
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (coreTargetFields.includes(key)) continue;
    if (definition.fields.includes(key)) {
      own[key] = value;
      continue;
    }
    const known = [...coreTargetFields, ...definition.fields];
    report(
      origin,
      [key],
      `unknown key "${key}"; expected one of: ${known.join(', ')}`,
      hintFor(key, known),
      true,
    );
  }
  const options = checkAt(definition.configSchema, own, origin);
  const model = target.model ?? ref.model;
  if (model === undefined) {
    report(
      origin,
      ['provider'],
      `bare "${ref.provider}" needs a model: add \`model: <name>\` or write ${ref.provider}:${definition.kinds[0]}:<model>`,
    );
    return undefined;
  }
  const providerDefaults = { ...definition.defaults, ...definition.aliases[ref.provider] };
  const baseUrl = target.base_url ?? providerDefaults.baseUrl;
  if (options === undefined) return undefined;
  return {
    id: target.id,
    providerName: ref.provider,
    definition,
    provider: target.provider,
    kind: ref.kind ?? definition.kinds[0]!,
    model,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    secretKeyEnv: target.secret_key_ref?.env ?? providerDefaults.secretKeyEnv,
    timeoutSeconds: target.timeout_seconds ?? defaults.timeoutSeconds,
    streamTimeoutSeconds: target.stream_timeout_seconds ?? defaults.streamTimeoutSeconds,
    maxContextTokens: target.max_context_tokens,
    description: target.description,
    weight: target.weight ?? defaults.weight,
    healthProbe: target.health_probe ?? false,
    options: options.data,
    origin,
  };
}

function normalisePolicy(
  policy: Salvaged<WrittenPolicy>,
  origin: Origin,
  registry: Registry,
  { report, hintFor, checkAt }: { report: Report; hintFor: HintFor; checkAt: CheckAt },
): PolicyConfig | undefined {
  if (policy.enabled === false) return undefined;
  const rules: PolicyConfig['rules'] = [];
  for (const [j, rule] of policy.rules.entries()) {
    if (rule === undefined) continue;
    const ruleOrigin = { file: origin.file, path: [...origin.path, 'rules', j] };
    const definition = registry.policy(rule.type);
    if (definition === undefined) {
      const known = registry.policyTypes();
      report(
        ruleOrigin,
        ['type'],
        `unknown rule type "${rule.type}"; known: ${known.join(', ')}`,
        hintFor(rule.type, known),
      );
      continue;
    }
    const { type: _type, ...settings } = rule;
    const checked = checkAt(definition.configSchema, settings, ruleOrigin);
    if (checked !== undefined)
      rules.push({ type: rule.type, definition, config: checked.data, origin: ruleOrigin });
  }
  // Kept with only its valid rules when others failed, for the cross-checks: the config is refused anyway.
  return {
    id: policy.id,
    description: policy.description,
    appliesTo: policy.applies_to,
    targets: policy.targets,
    rules,
    origin,
  };
}

function normaliseRoute(
  route: WrittenRoute,
  origin: Origin,
): RouteRule | { defaultTargets: readonly string[] } | 'default' {
  const list = (target: string | string[]) => (Array.isArray(target) ? target : [target]);
  if ('match' in route) {
    const metadata: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(route.match.metadata ?? {})) {
      metadata[key] = Array.isArray(value) ? value : [String(value)];
    }
    return {
      metadata,
      endpoint: route.match.endpoint,
      model: route.match.model,
      targets: list(route.target),
      origin,
    };
  }
  if (route.default === true) return { defaultTargets: list(route.target) };
  return { defaultTargets: list(route.default.target) };
}

function crossCheck(
  config: GatewayConfig,
  report: Report,
  hintFor: HintFor,
  sources: ReadonlyMap<string, YamlSource>,
  unread: (targetId: string) => boolean,
): void {
  const targets = new Map<string, TargetConfig>();
  for (const target of config.targets) {
    const first = targets.get(target.id);
    if (first !== undefined) {
      report(
        target.origin,
        ['id'],
        `duplicate target id "${target.id}"; first defined at ${describeOrigin(first.origin, sources)}`,
      );
    } else targets.set(target.id, target);
  }
  const ids = [...targets.keys()];
  const policyIds = new Map<string, Origin>();
  for (const policy of config.policies) {
    const first = policyIds.get(policy.id);
    if (first !== undefined) {
      report(
        policy.origin,
        ['id'],
        `duplicate policy id "${policy.id}"; first defined at ${describeOrigin(first, sources)}`,
      );
    } else policyIds.set(policy.id, policy.origin);
    for (const [i, id] of (policy.targets ?? []).entries()) {
      if (!targets.has(id) && !unread(id))
        report(policy.origin, ['targets', i], `unknown target "${id}"`, hintFor(id, ids));
    }
  }
  const keyIds = new Set<string>();
  for (const key of config.auth.keys) {
    if (keyIds.has(key.id)) issuesForKey(key);
    keyIds.add(key.id);
  }
  function issuesForKey(key: ApiKeyConfig) {
    report({ file: config.files[0] ?? '', path: ['auth', 'keys'] }, [], `duplicate API key id "${key.id}"`);
  }

  const checkTargets = (
    list: readonly string[],
    origin: Origin,
    sub: (string | number)[],
    endpoint?: EndpointKind,
  ) => {
    const kinds = new Set<EndpointKind>();
    for (const [i, id] of list.entries()) {
      const target = targets.get(id);
      const at = list.length === 1 && typeof sub.at(-1) === 'string' ? sub : [...sub, i];
      if (target === undefined) {
        if (unread(id)) continue;
        report(
          origin,
          at,
          `unknown target "${id}"; defined targets: ${ids.join(', ') || 'none'}`,
          hintFor(id, ids),
        );
        continue;
      }
      kinds.add(target.kind);
      if (
        endpoint !== undefined &&
        target.kind !== endpoint &&
        !(endpoint === 'chat' && target.kind === 'completion')
      ) {
        report(origin, at, `a ${endpoint} route cannot point at ${target.kind} target "${id}"`);
      }
    }
    if (kinds.size > 1) {
      report(
        origin,
        sub,
        `targets of one rule must serve one endpoint kind; found ${[...kinds].join(' and ')}`,
      );
    }
  };
  for (const rule of config.routing.rules) checkTargets(rule.targets, rule.origin, ['target'], rule.endpoint);
  if (config.routing.defaultTargets !== undefined) {
    const origin = findDefaultOrigin(config, sources);
    checkTargets(config.routing.defaultTargets, origin.origin, origin.sub);
    for (const id of config.routing.defaultTargets) {
      if (targets.get(id)?.kind === 'embedding') {
        report(
          origin.origin,
          origin.sub,
          `the default route serves chat requests and cannot point at embedding target "${id}"`,
        );
      }
    }
  }
}

// The default rule's origin is not kept on the model; find it again for messages.
function findDefaultOrigin(
  config: GatewayConfig,
  sources: ReadonlyMap<string, YamlSource>,
): { origin: Origin; sub: (string | number)[] } {
  for (const file of config.files) {
    const value = sources.get(file)?.value as { routing?: { rules?: unknown[] } } | undefined;
    const rules = value?.routing?.rules ?? [];
    for (const [i, rule] of rules.entries()) {
      if (rule !== null && typeof rule === 'object' && 'default' in rule) {
        const nested = typeof (rule as { default: unknown }).default === 'object';
        return {
          origin: { file, path: ['routing', 'rules', i] },
          sub: nested ? ['default', 'target'] : ['target'],
        };
      }
    }
  }
  return { origin: { file: config.files[0] ?? '', path: ['routing'] }, sub: [] };
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function describeOrigin(origin: Origin, sources: ReadonlyMap<string, YamlSource>): string {
  const pos = sources.get(origin.file)?.locate(origin.path);
  return pos === undefined ? origin.file : `${origin.file}:${pos.line}:${pos.column}`;
}

function normaliseLimits(limits: WrittenLimits | undefined): KeyLimits | undefined {
  if (limits === undefined) return undefined;
  return {
    requestsPerMinute: limits.requests_per_minute,
    tokensPerMinute: limits.tokens_per_minute,
    concurrentRequests: limits.concurrent_requests,
  };
}

function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib)$/i.exec(value)!;
  const units: Record<string, number> = { b: 1, kb: 1000, kib: 1024, mb: 1000 ** 2, mib: 1024 ** 2 };
  return Math.round(Number(match[1]) * units[match[2]!.toLowerCase()]!);
}
