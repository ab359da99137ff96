import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigTexts } from '@keeptrusts/core/config';
import OpenAI from 'openai';
import { createBuiltinRegistry } from '../builtin-plugins.js';
import { createGateway, type Gateway, type Logger } from '../gateway.js';
import { type RunningServer, startServer } from '../server.js';

/** A log line a {@link LiveGateway} captured: its level, message and fields. */
export interface CapturedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string | undefined;
  fields: Record<string, unknown>;
}

/** A gateway built from YAML and listening on a real port, with the SDK pointed at it. */
export interface LiveGateway {
  url: string;
  gateway: Gateway;
  server: RunningServer;
  client: OpenAI;
  /** Every line the gateway logged, oldest first. */
  lines: CapturedLine[];
  close(): Promise<void>;
}

/**
 * Loads `yaml` (relative paths resolve in a fresh temp dir), builds the gateway and serves it on
 * 127.0.0.1 with an OS-chosen port, as `kt gateway run` does.
 */
export async function startLiveGateway(
  yaml: string,
  options: { apiKey?: string; env?: Record<string, string> } = {},
): Promise<LiveGateway> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-live-'));
  const registry = createBuiltinRegistry();
  const loaded = await loadConfigTexts([{ file: join(dir, 'policy-config.yaml'), text: yaml }], { registry });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const lines: CapturedLine[] = [];
  const at =
    (level: CapturedLine['level']) =>
    (fields: object, msg?: string): void => {
      lines.push({ level, msg, fields: structuredClone(fields) as Record<string, unknown> });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    isLevelEnabled: () => true,
  };
  const env = options.env ?? {};
  const gateway = await createGateway({ config: loaded.config, registry, logger, env: (name) => env[name] });
  const server = await startServer(gateway, { host: '127.0.0.1', port: 0 });
  const client = new OpenAI({
    baseURL: `${server.url}/v1`,
    apiKey: options.apiKey ?? 'kt-none',
    maxRetries: 0,
    timeout: 15_000,
  });
  return { url: server.url, gateway, server, client, lines, close: () => server.close() };
}
