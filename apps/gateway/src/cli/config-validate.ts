import type { GatewayConfig } from '@keeptrusts/core/config';
import { checkBuildable } from '../gateway.js';
import { defineCommand } from './command.js';
import { loadForCommand } from './load-config.js';

/** `kt config validate FILE...`: exit 0 with a summary, or 1 with every problem. */
export const configValidate = defineCommand({
  words: 'config validate',
  summary: 'check configuration files; print a summary, or every problem',
  usage: 'FILE [FILE...]',
  description:
    'Loads the files as kt gateway run would, merged in order, and builds their providers and policies\n' +
    'without starting anything (no audit sink, store or socket is opened). Prints what they set up and\n' +
    'exits 0, or prints every problem (file:line:column path: message) and exits 1.',
  options: {},
  operands: { name: 'FILE', min: 1 },
  async run({ operands: files }, io) {
    const loaded = await loadForCommand(
      files,
      io,
      (n) => `${n} problem${n === 1 ? '' : 's'} found; nothing was loaded.`,
    );
    if (loaded === undefined) return 1;
    try {
      // What only building them shows: a guard rule naming an embedding target, a plugin refusing its settings.
      await checkBuildable({ config: loaded.config, registry: loaded.registry, env: io.env });
    } catch (error) {
      io.err(`${files.join(', ')}: the gateway would not start: ${(error as Error).message}`);
      return 1;
    }
    io.out(summarise(loaded.config, files));
    return 0;
  },
});

/** A short human summary of what a config sets up. */
export function summarise(config: GatewayConfig, files: readonly string[]): string {
  const lines = [`valid: ${files.join(', ')}`];
  for (const pack of config.packs) {
    lines.push(
      `pack ${pack.name} ${pack.version}${pack.enabled ? '' : ' (disabled: its contents are not loaded)'}`,
    );
  }
  lines.push(`targets (${config.targets.length}):`);
  for (const t of config.targets) {
    lines.push(
      `  ${t.id}: ${t.kind} ${t.model}${t.baseUrl === undefined ? '' : ` at ${t.baseUrl}`}${t.weight === 1 ? '' : ` weight ${t.weight}`}`,
    );
  }
  lines.push(`policies (${config.policies.length}):`);
  for (const p of config.policies) {
    const scope = p.appliesTo === undefined ? '' : ` on ${p.appliesTo.join(', ')}`;
    lines.push(`  ${p.id}: ${p.rules.map((r) => r.type).join(', ')}${scope}`);
  }
  lines.push(
    `audit: ${config.sinks.length === 0 ? 'none (requests leave no record)' : config.sinks.map((s) => s.type).join(', ')}`,
  );
  const routes = config.routing.rules.length + (config.routing.defaultTargets === undefined ? 0 : 1);
  lines.push(`routes (${routes}):`);
  for (const r of config.routing.rules) {
    const match = Object.entries(r.metadata).map(([k, v]) => `${k}=${v.join('|')}`);
    if (r.endpoint !== undefined) match.push(`endpoint=${r.endpoint}`);
    lines.push(`  ${match.join(' ') || 'any'} -> ${r.targets.join(', ')}`);
  }
  if (config.routing.defaultTargets !== undefined)
    lines.push(`  default -> ${config.routing.defaultTargets.join(', ')}`);
  lines.push(...operatorLines(config));
  return lines.join('\n');
}

/** The limits, metrics listener and traces, when the config sets them (#13). */
function operatorLines(config: GatewayConfig): string[] {
  const lines: string[] = [];
  const limits = limitsSummary(config);
  if (limits !== undefined) lines.push(limits);
  if (config.server.metricsListen !== undefined) {
    lines.push(`metrics: /metrics, and keyless at ${config.server.metricsListen}`);
  }
  const traces = tracesSummary(config);
  if (traces !== undefined) lines.push(traces);
  return lines;
}

/** Who has limits and where they are counted, or undefined without limits; never a URL's password. */
export function limitsSummary(config: GatewayConfig): string | undefined {
  const limited = config.auth.keys.filter((k) => k.limits !== undefined).map((k) => k.id);
  if (limited.length === 0 && config.auth.defaultLimits === undefined) return undefined;
  const { store, redisUrl, onStoreError } = config.server.limits;
  const where = store === 'redis' && redisUrl !== undefined ? `redis at ${new URL(redisUrl).host}` : 'memory';
  const who = [
    ...(limited.length > 0 ? [`keys ${limited.join(', ')}`] : []),
    ...(config.auth.defaultLimits !== undefined ? ['default_limits for the rest'] : []),
  ];
  return `limits: ${who.join('; ')} (store: ${where}, ${onStoreError.replace('_', ' ')})`;
}

/** Where traces go, or undefined when they are off. */
export function tracesSummary(config: GatewayConfig): string | undefined {
  const { otlpEndpoint, sampleRatio } = config.telemetry;
  if (otlpEndpoint === undefined) return undefined;
  return `traces: OTLP/HTTP to ${new URL(otlpEndpoint).origin} (sampling ${sampleRatio})`;
}
