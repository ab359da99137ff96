// Starts a gateway on a free loopback port from YAML text, with the built-in plugins.
import { formatConfigIssue, loadConfigTexts } from '@keeptrusts/core/config';
import { createBuiltinRegistry, createGateway, type RunningServer, startServer } from '@keeptrusts/gateway';

/** A gateway serving the given configuration; close it when done. */
export async function serveYaml(name: string, text: string): Promise<RunningServer> {
  const registry = createBuiltinRegistry();
  const loaded = await loadConfigTexts([{ file: name, text }], { registry });
  if (!loaded.ok) throw new Error(loaded.issues.map(formatConfigIssue).join('\n'));
  return startServer(await createGateway({ config: loaded.config, registry }), {
    host: '127.0.0.1',
    port: 0,
  });
}
