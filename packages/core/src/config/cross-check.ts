import type { EndpointKind } from '../plugin/types.js';
import type { IssueLog } from './issue-log.js';
import { checkKeyIds } from './normalise-auth.js';
import type { GatewayConfig, Origin, TargetConfig } from './types.js';

/**
 * The checks across sections, once every file is merged: duplicate target, policy and key ids,
 * and every target a policy or routing rule names exists and serves the rule's endpoint kind.
 * `unread(id)` says a target may have been written but not read; a reference to it is not reported.
 */
export function crossCheck(
  config: GatewayConfig,
  log: IssueLog,
  unread: (targetId: string) => boolean,
): void {
  const targets = new Map<string, TargetConfig>();
  for (const target of config.targets) {
    const first = targets.get(target.id);
    if (first !== undefined) {
      log.report(
        target.origin,
        ['id'],
        `duplicate target id "${target.id}"; first defined at ${log.describe(first.origin)}`,
      );
    } else targets.set(target.id, target);
  }
  const ids = [...targets.keys()];
  const policyIds = new Map<string, Origin>();
  for (const policy of config.policies) {
    const first = policyIds.get(policy.id);
    if (first !== undefined) {
      log.report(
        policy.origin,
        ['id'],
        `duplicate policy id "${policy.id}"; first defined at ${log.describe(first)}`,
      );
    } else policyIds.set(policy.id, policy.origin);
    for (const [i, id] of (policy.targets ?? []).entries()) {
      if (!targets.has(id) && !unread(id))
        log.report(policy.origin, ['targets', i], `unknown target "${id}"`, log.hintFor(id, ids));
    }
  }
  checkKeyIds(config, log);
  checkRuleTargets(config, targets, log, unread);

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
        log.report(
          origin,
          at,
          `unknown target "${id}"; defined targets: ${ids.join(', ') || 'none'}`,
          log.hintFor(id, ids),
        );
        continue;
      }
      kinds.add(target.kind);
      if (
        endpoint !== undefined &&
        target.kind !== endpoint &&
        !(endpoint === 'chat' && target.kind === 'completion')
      ) {
        log.report(origin, at, `a ${endpoint} route cannot point at ${target.kind} target "${id}"`);
      }
    }
    if (kinds.size > 1) {
      log.report(
        origin,
        sub,
        `targets of one rule must serve one endpoint kind; found ${[...kinds].join(' and ')}`,
      );
    }
  };
  for (const rule of config.routing.rules) checkTargets(rule.targets, rule.origin, ['target'], rule.endpoint);
  if (config.routing.defaultTargets !== undefined) {
    const origin = findDefaultOrigin(config, log);
    checkTargets(config.routing.defaultTargets, origin.origin, origin.sub);
    for (const id of config.routing.defaultTargets) {
      if (targets.get(id)?.kind === 'embedding') {
        log.report(
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
  log: IssueLog,
): { origin: Origin; sub: (string | number)[] } {
  for (const file of config.files) {
    const value = log.source(file)?.value as { routing?: { rules?: unknown[] } } | undefined;
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

// Targets a rule's settings name (a guard model's `target`): each must exist and serve the kinds
// the rule needs; the message points at the rule's own key.
function checkRuleTargets(
  config: GatewayConfig,
  targets: ReadonlyMap<string, TargetConfig>,
  log: IssueLog,
  unread: (targetId: string) => boolean,
): void {
  const ids = [...targets.keys()];
  for (const policy of config.policies) {
    for (const rule of policy.rules) {
      for (const ref of rule.definition.targetRefs?.(rule.config) ?? []) {
        const target = targets.get(ref.id);
        const kinds = ref.kinds ?? [];
        const wanted = kinds.join(' or ');
        const candidates = ids.filter((id) => kinds.length === 0 || kinds.includes(targets.get(id)!.kind));
        if (target === undefined) {
          if (unread(ref.id)) continue;
          const hint = log.hintFor(ref.id, candidates);
          log.report(
            rule.origin,
            [...ref.path],
            `unknown target "${ref.id}"; ${wanted === '' ? '' : `${wanted} `}targets: ${candidates.join(', ') || 'none'}`,
            hint ??
              `add a target with id "${ref.id}" under providers.targets, or name one of the configured ones`,
          );
        } else if (kinds.length > 0 && !kinds.includes(target.kind)) {
          log.report(
            rule.origin,
            [...ref.path],
            `target "${ref.id}" serves ${target.kind}; this rule needs a ${wanted} target`,
            candidates.length > 0 ? `name one of: ${candidates.join(', ')}` : undefined,
          );
        }
      }
    }
  }
}
