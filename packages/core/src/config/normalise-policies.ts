import type { Registry } from '../plugin/registry.js';
import type { IssueLog } from './issue-log.js';
import type { Salvaged } from './salvage.js';
import type { Origin, PolicyConfig, SinkConfig } from './types.js';
import type { WrittenConfig, WrittenPolicy } from './written.js';

/**
 * The `policies` entries of every file, in the order written: policies, and names of audit sinks
 * or rule types whose settings sit under `policy.<name>`. Names resolve once every file's
 * settings are known (a later file's `policy.<name>` overrides an earlier one's).
 */
export class PolicyEntries {
  private readonly entries: ({ name: string; origin: Origin } | { policy: PolicyConfig })[] = [];
  private readonly settings = new Map<string, { value: unknown; origin: Origin }>();
  private readonly registry: Registry;
  private readonly log: IssueLog;

  constructor(registry: Registry, log: IssueLog) {
    this.registry = registry;
    this.log = log;
  }

  /** Takes a file's `policies` (a list, or the same list under `chain:`) and `policy.<name>` settings. */
  add(written: Salvaged<WrittenConfig>, file: string): void {
    const policies = written.policies;
    const [entries, at] = Array.isArray(policies)
      ? [policies, ['policies']]
      : [policies?.chain ?? [], ['policies', 'chain']];
    for (const [i, entry] of entries.entries()) {
      const origin = { file, path: [...at, i] };
      if (entry === undefined) continue;
      if (typeof entry === 'string') {
        this.entries.push({ name: entry, origin });
        continue;
      }
      const policy = normalisePolicy(entry, origin, this.registry, this.log);
      if (policy !== undefined) this.entries.push({ policy });
    }
    for (const [name, value] of Object.entries(written.policy ?? {})) {
      this.settings.set(name, { value, origin: { file, path: ['policy', name] } });
    }
  }

  /**
   * The policies and audit sinks in order: each name becomes a sink or a one-rule policy with its
   * `policy.<name>` settings. Unknown names and settings no entry uses are reported.
   */
  resolve(): { policies: PolicyConfig[]; sinks: SinkConfig[] } {
    const policies: PolicyConfig[] = [];
    const sinks: SinkConfig[] = [];
    const used = new Set<string>();
    for (const entry of this.entries) {
      if ('policy' in entry) {
        policies.push(entry.policy);
        continue;
      }
      const { name, origin } = entry;
      const setting = this.settings.get(name);
      used.add(name);
      const sink = this.registry.sink(name);
      const policy = this.registry.policy(name);
      const settingOrigin = setting?.origin ?? origin;
      if (sink !== undefined) {
        const checked = this.log.check(sink.configSchema, setting?.value ?? {}, settingOrigin);
        if (checked !== undefined) {
          sinks.push({ type: name, definition: sink, config: checked.data, origin: settingOrigin });
        }
      } else if (policy !== undefined) {
        const checked = this.log.check(policy.configSchema, setting?.value ?? {}, settingOrigin);
        if (checked !== undefined) {
          policies.push({
            id: name,
            description: undefined,
            appliesTo: undefined,
            targets: undefined,
            rules: [{ type: name, definition: policy, config: checked.data, origin: settingOrigin }],
            origin,
          });
        }
      } else {
        const known = [...this.registry.sinkTypes(), ...this.registry.policyTypes()];
        this.log.report(
          origin,
          [],
          `unknown chain entry "${name}"; known: ${known.join(', ')}`,
          this.log.unknownTypeHint(name, known),
        );
      }
    }
    for (const [name, { origin }] of this.settings) {
      if (!used.has(name)) {
        this.log.report(
          origin,
          [],
          `settings for "${name}" are not used: add "${name}" to policies.chain, or as an entry of the policies list`,
          undefined,
          true,
        );
      }
    }
    return { policies, sinks };
  }
}

/** One policy of the list form: each rule's settings checked by its plugin's schema. */
function normalisePolicy(
  policy: Salvaged<WrittenPolicy>,
  origin: Origin,
  registry: Registry,
  log: IssueLog,
): PolicyConfig | undefined {
  if (policy.enabled === false) return undefined;
  const rules: PolicyConfig['rules'] = [];
  for (const [j, rule] of policy.rules.entries()) {
    if (rule === undefined) continue;
    const ruleOrigin = { file: origin.file, path: [...origin.path, 'rules', j] };
    const definition = registry.policy(rule.type);
    if (definition === undefined) {
      const known = registry.policyTypes();
      log.report(
        ruleOrigin,
        ['type'],
        `unknown rule type "${rule.type}"; known: ${known.join(', ')}`,
        log.unknownTypeHint(rule.type, known),
      );
      continue;
    }
    const { type: _type, ...settings } = rule;
    const checked = log.check(definition.configSchema, settings, ruleOrigin);
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
