import type { ConfigIssue } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import { crossCheck } from './cross-check.js';
import { IssueLog } from './issue-log.js';
import { addAuth } from './normalise-auth.js';
import { PolicyEntries } from './normalise-policies.js';
import { RouteList } from './normalise-routing.js';
import { ServerSettings } from './normalise-server.js';
import { TargetList } from './normalise-targets.js';
import { addTelemetry, defaultTelemetry } from './normalise-telemetry.js';
import type { Salvaged } from './salvage.js';
import type { GatewayConfig } from './types.js';
import type { WrittenConfig } from './written.js';
import type { YamlSource } from './yaml-source.js';

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

/**
 * Merges checked files in order and maps the written form onto the model: lists concatenate,
 * `policy.<name>` settings and `server`/`auth` scalars are overridden by later files. Every
 * problem is collected; nothing stops at the first. Parts of a file that failed their schema are
 * missing here (their problems were reported); the rest is still checked, cross-references too.
 * Each section has its module: normalise-targets, -policies, -routing, -auth, -server and -telemetry, then
 * cross-check.
 */
export function normaliseConfig(
  files: readonly CheckedFile[],
  registry: Registry,
  baseDir: string,
  options: NormaliseOptions = { everyFileRead: true, pluginFailed: false },
): { config: GatewayConfig } | { issues: ConfigIssue[] } {
  const log = new IssueLog(
    files.map((f) => f.source),
    options.pluginFailed,
  );
  const targets = new TargetList(registry, log, options.everyFileRead);
  const policies = new PolicyEntries(registry, log);
  const routes = new RouteList(log);
  const server = new ServerSettings();
  const auth: GatewayConfig['auth'] = {
    keys: [],
    allowUnauthenticated: false,
    configured: false,
    defaultLimits: undefined,
    adminKeys: [],
  };
  const telemetry = defaultTelemetry();
  const packs: GatewayConfig['packs'][number][] = [];
  const plugins = new Set<string>();

  for (const { source, written } of files) {
    const file = source.file;
    const raw = source.value as Record<string, unknown>;
    targets.noteFile(raw, written);
    if (written.pack !== undefined) {
      const enabled = written.pack.enabled ?? true;
      packs.push({ name: written.pack.name, version: written.pack.version, enabled, file });
      // A disabled pack's file counts for nothing else.
      if (!enabled) continue;
    }
    targets.add(written, raw, file);
    policies.add(written, file);
    routes.add(written, file);
    for (const plugin of written.plugins ?? []) plugins.add(plugin);
    addAuth(auth, written);
    server.add(written, file, raw);
    addTelemetry(telemetry, written);
  }

  const serverConfig = server.finish(log, auth);
  const { policies: policyList, sinks } = policies.resolve();
  const config: GatewayConfig = {
    files: files.map((f) => f.source.file),
    baseDir,
    packs,
    targets: targets.targets,
    policies: policyList,
    sinks,
    routing: routes.routing,
    plugins: [...plugins],
    telemetry,
    auth,
    server: serverConfig,
  };
  crossCheck(config, log, (id) => targets.mayBeUnread(id));
  return log.issues.length > 0 ? { issues: log.issues } : { config };
}
