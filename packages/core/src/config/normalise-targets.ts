import type { Registry } from '../plugin/registry.js';
import type { IssueLog } from './issue-log.js';
import { parseProviderString } from './provider-string.js';
import type { Salvaged } from './salvage.js';
import type { Origin, TargetConfig } from './types.js';
import {
  type WrittenConfig,
  type WrittenTarget,
  writtenConfigSchema,
  writtenTargetSchema,
} from './written.js';

// The gateway's own target defaults; base_url and secret_key_ref default per provider (its `defaults`).
const targetDefaults = { timeoutSeconds: 30, streamTimeoutSeconds: 120, weight: 1 } as const;

const sections = Object.keys(writtenConfigSchema.shape);
const coreTargetFields = Object.keys(writtenTargetSchema.shape);

/**
 * The targets of every file, in order, and the ids of those written but not read (a problem was
 * reported for each), so that a reference to one of them is not reported as unknown as well.
 */
export class TargetList {
  readonly targets: TargetConfig[] = [];
  private readonly unread = new Set<string>();
  private everyRead: boolean;
  private readonly registry: Registry;
  private readonly log: IssueLog;

  /** `everyFileRead`: false when a file could not be read or parsed, so any target may be missing. */
  constructor(registry: Registry, log: IssueLog, everyFileRead: boolean) {
    this.registry = registry;
    this.log = log;
    this.everyRead = everyFileRead;
  }

  /** Looks at a file's sections: a misspelt section or a broken providers block may hold targets. */
  noteFile(raw: Record<string, unknown>, written: Salvaged<WrittenConfig>): void {
    if (Object.keys(raw).some((key) => !sections.includes(key))) this.everyRead = false;
    if (raw.providers !== undefined && written.providers === undefined) this.everyRead = false;
  }

  /** Normalises a file's `providers.targets`; `raw` is the file as parsed, to find unread ids. */
  add(written: Salvaged<WrittenConfig>, raw: Record<string, unknown>, file: string): void {
    for (const [i, target] of (written.providers?.targets ?? []).entries()) {
      if (target === undefined) {
        const id = valueAt(raw, ['providers', 'targets', i, 'id']);
        if (typeof id === 'string') this.unread.add(id);
        else this.everyRead = false;
        continue;
      }
      const normalised = normaliseTarget(
        target,
        { file, path: ['providers', 'targets', i] },
        this.registry,
        this.log,
      );
      if (normalised !== undefined) this.targets.push(normalised);
      else this.unread.add(target.id);
    }
  }

  /** Whether `id` may name a target that was written but could not be read. */
  mayBeUnread(id: string): boolean {
    return !this.everyRead || this.unread.has(id);
  }
}

/**
 * One target: its provider string resolved to a provider, the provider's own fields checked by its
 * `configSchema`, and defaults (core's, then the provider's and its alias's) filled in.
 */
function normaliseTarget(
  target: Salvaged<WrittenTarget>,
  origin: Origin,
  registry: Registry,
  log: IssueLog,
): TargetConfig | undefined {
  const ref = parseProviderString(target.provider, registry);
  if ('error' in ref) {
    log.report(origin, ['provider'], ref.error);
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
    log.report(
      origin,
      [key],
      `unknown key "${key}"; expected one of: ${known.join(', ')}`,
      log.hintFor(key, known),
      true,
    );
  }
  const options = log.check(definition.configSchema, own, origin);
  const model = target.model ?? ref.model;
  if (model === undefined) {
    log.report(
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
    timeoutSeconds: target.timeout_seconds ?? targetDefaults.timeoutSeconds,
    streamTimeoutSeconds: target.stream_timeout_seconds ?? targetDefaults.streamTimeoutSeconds,
    maxContextTokens: target.max_context_tokens,
    description: target.description,
    weight: target.weight ?? targetDefaults.weight,
    healthProbe: target.health_probe ?? false,
    options: options.data,
    origin,
  };
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
