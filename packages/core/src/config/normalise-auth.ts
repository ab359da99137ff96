import type { IssueLog } from './issue-log.js';
import type { Salvaged } from './salvage.js';
import type { GatewayConfig, KeyLimits } from './types.js';
import type { WrittenConfig, WrittenLimits } from './written.js';

/**
 * Merges a file's `auth` into `auth`: keys concatenate, `allow_unauthenticated` and
 * `default_limits` are overridden.
 */
export function addAuth(auth: GatewayConfig['auth'], written: Salvaged<WrittenConfig>): void {
  if (written.auth === undefined) return;
  auth.configured = true;
  for (const key of written.auth.keys ?? []) {
    if (key === undefined) continue;
    auth.keys.push({
      id: key.id,
      sha256: key.hash.slice('sha256:'.length),
      description: key.description,
      limits: normaliseLimits(key.limits),
    });
  }
  for (const key of written.auth.admin_keys ?? []) {
    if (key === undefined) continue;
    auth.adminKeys.push({
      id: key.id,
      sha256: key.hash.slice('sha256:'.length),
      description: key.description,
    });
  }
  if (written.auth.allow_unauthenticated !== undefined) {
    auth.allowUnauthenticated = written.auth.allow_unauthenticated;
  }
  if (written.auth.default_limits !== undefined) {
    auth.defaultLimits = normaliseLimits(written.auth.default_limits);
  }
}

function normaliseLimits(limits: WrittenLimits | undefined): KeyLimits | undefined {
  if (limits === undefined) return undefined;
  return {
    requestsPerMinute: limits.requests_per_minute,
    tokensPerMinute: limits.tokens_per_minute,
    concurrentRequests: limits.concurrent_requests,
  };
}

/** Reports each API key id used twice, across all files (at the first file's `auth.keys`). */
export function checkKeyIds(config: GatewayConfig, log: IssueLog): void {
  const keyIds = new Set<string>();
  for (const key of config.auth.keys) {
    if (keyIds.has(key.id)) {
      log.report(
        { file: config.files[0] ?? '', path: ['auth', 'keys'] },
        [],
        `duplicate API key id "${key.id}"`,
      );
    }
    keyIds.add(key.id);
  }
  const adminIds = new Set<string>();
  for (const key of config.auth.adminKeys) {
    if (adminIds.has(key.id)) {
      log.report(
        { file: config.files[0] ?? '', path: ['auth', 'admin_keys'] },
        [],
        `duplicate admin key id "${key.id}"`,
      );
    }
    adminIds.add(key.id);
  }
  // The same key opening the API and the console would let every client administer the gateway.
  const apiHashes = new Set(config.auth.keys.map((k) => k.sha256));
  for (const key of config.auth.adminKeys) {
    if (apiHashes.has(key.sha256)) {
      log.report(
        { file: config.files[0] ?? '', path: ['auth', 'admin_keys'] },
        [],
        `admin key "${key.id}" is also an API key under auth.keys: make a separate one with kt keys create`,
      );
    }
  }
}
