import { type ConfigIssue, definePlugin, formatConfigIssue, type PluginManifest } from '@keeptrusts/core';
import { createRegistry, type GatewayConfig, loadConfigTexts } from '@keeptrusts/core/config';

/** A registry holding one plugin's definitions, as the gateway would after `plugins:` named it. */
export function manifestOf(
  parts: Omit<Parameters<typeof definePlugin>[0], 'name' | 'version'>,
): PluginManifest {
  return definePlugin({ name: 'keeptrusts-conformance-subject', version: '0.0.0', ...parts });
}

/**
 * Loads a config written as a value through the real loader. JSON is YAML, and indented JSON keeps one
 * key per line, so issues carry real lines and columns.
 */
export async function loadValue(
  manifest: PluginManifest,
  value: unknown,
  options: { file?: string; env?: Record<string, string> } = {},
): Promise<{ ok: true; config: GatewayConfig } | { ok: false; issues: ConfigIssue[]; text: string }> {
  const registry = createRegistry();
  registry.register(manifest);
  const env = options.env ?? {};
  const result = await loadConfigTexts(
    [{ file: options.file ?? 'conformance.yaml', text: JSON.stringify(value, null, 2) }],
    {
      registry,
      env: (name) => env[name],
      importPlugin: () => Promise.reject(new Error('the conformance suites load no plugins')),
    },
  );
  return result.ok ? result : { ...result, text: result.issues.map(formatConfigIssue).join('\n') };
}

/** The loaded config, or an error listing every problem the loader found. */
export async function loadOrThrow(
  manifest: PluginManifest,
  value: unknown,
  options: { file?: string; env?: Record<string, string> } = {},
): Promise<GatewayConfig> {
  const result = await loadValue(manifest, value, options);
  if (!result.ok) throw new Error(`the config was refused:\n${result.text}`);
  return result.config;
}
