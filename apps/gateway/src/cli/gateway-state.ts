import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What a running `kt gateway run` tells `kt gateway reload`: who it is, and how its last reload went. */
export interface GatewayState {
  pid: number;
  url: string;
  files: string[];
  startedAt: string;
  reload: { generation: number; ok: boolean; at: string; problems: string[] } | undefined;
}

/**
 * Where a gateway listening on `port` keeps its state file unless told otherwise:
 * `$XDG_RUNTIME_DIR/keeptrusts/gateway-<port>.json`, else the same under the system's temp directory.
 */
export function defaultStateFile(port: number, env: (name: string) => string | undefined): string {
  const base = env('XDG_RUNTIME_DIR') || tmpdir();
  return join(base, 'keeptrusts', `gateway-${port}.json`);
}

/** Writes the state file whole (a temp file renamed over it), so a reader never sees half of it. */
export function writeState(file: string, state: GatewayState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** The state in `file`, or undefined when there is none (no gateway, or one that has stopped). */
export function readState(file: string): GatewayState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as GatewayState;
  } catch {
    return undefined;
  }
}

/** Removes the state file if it is still this process's. */
export function removeState(file: string): void {
  if (readState(file)?.pid === process.pid) rmSync(file, { force: true });
}
