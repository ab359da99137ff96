import type { IssueLog } from './issue-log.js';
import type { Salvaged } from './salvage.js';
import type { GatewayConfig } from './types.js';
import type { WrittenConfig } from './written.js';

/** Merges a file's `auth` into `auth`: keys concatenate, `allow_unauthenticated` is overridden. */
export function addAuth(auth: GatewayConfig['auth'], written: Salvaged<WrittenConfig>): void {
  if (written.auth === undefined) return;
  auth.configured = true;
  for (const key of written.auth.keys ?? []) {
    if (key === undefined) continue;
    auth.keys.push({ id: key.id, sha256: key.hash.slice('sha256:'.length), description: key.description });
  }
  if (written.auth.allow_unauthenticated !== undefined) {
    auth.allowUnauthenticated = written.auth.allow_unauthenticated;
  }
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
}
