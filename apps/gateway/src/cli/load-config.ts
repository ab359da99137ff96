import { formatConfigIssue, type GatewayConfig, loadConfig, type Registry } from '@keeptrusts/core/config';
import { createBuiltinRegistry } from '../builtin-plugins.js';
import type { CliIo } from './io.js';

/**
 * Loads config files for a command, with the built-in plugins plus those the files name under
 * `plugins:`. On failure it prints every problem and the command's closing line, and returns
 * undefined. The registry comes back with the config: it is the one that knows those plugins.
 */
export async function loadForCommand(
  files: readonly string[],
  io: CliIo,
  closing: (problems: number) => string,
): Promise<{ config: GatewayConfig; registry: Registry } | undefined> {
  const registry = createBuiltinRegistry();
  const result = await loadConfig(files, { registry, env: io.env, cwd: io.cwd });
  if (result.ok) return { config: result.config, registry };
  for (const issue of result.issues) io.err(formatConfigIssue(issue));
  io.err(closing(result.issues.length));
  return undefined;
}
