import type { IssueLog } from './issue-log.js';
import type { Salvaged } from './salvage.js';
import type { GatewayConfig, Origin, RouteRule } from './types.js';
import type { WrittenConfig, WrittenRoute } from './written.js';

/** The `routing.rules` of every file, in order, and the one default rule among them. */
export class RouteList {
  readonly routing: GatewayConfig['routing'] = { rules: [], defaultTargets: undefined };
  private defaultOrigin: Origin | undefined;
  private readonly log: IssueLog;

  constructor(log: IssueLog) {
    this.log = log;
  }

  /** Takes a file's routing rules; a second default rule, in any file, is reported. */
  add(written: Salvaged<WrittenConfig>, file: string): void {
    for (const [i, route] of (written.routing?.rules ?? []).entries()) {
      if (route === undefined) continue;
      const origin = { file, path: ['routing', 'rules', i] };
      const rule = normaliseRoute(route, origin);
      if ('defaultTargets' in rule) {
        if (this.defaultOrigin !== undefined) {
          this.log.report(
            origin,
            [],
            `a second default rule; the first is at ${this.log.describe(this.defaultOrigin)}`,
          );
        }
        this.defaultOrigin = origin;
        this.routing.defaultTargets = rule.defaultTargets;
      } else {
        this.routing.rules.push(rule);
      }
    }
  }
}

/** One routing rule, in either of the seed's forms: `{ match, target }` or a default. */
export function normaliseRoute(
  route: WrittenRoute,
  origin: Origin,
): RouteRule | { defaultTargets: readonly string[] } {
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
