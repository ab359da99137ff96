import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createGateway } from '../gateway.js';
import { isLoopback, parseListen, startServer } from '../server.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-config.js';
import { UsageError } from './usage-error.js';

/** `kt gateway run`: loads the config, refuses unsafe or unsupported set-ups, serves until a signal. */
export async function gatewayRun(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  let values: { listen?: string; 'policy-config'?: string[]; 'allow-unauthenticated'?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        listen: { type: 'string' },
        'policy-config': { type: 'string', multiple: true },
        'allow-unauthenticated': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const files = values['policy-config'] ?? [];
  if (files.length === 0) throw new UsageError('gateway run needs --policy-config FILE');
  const loaded = await loadForCommand(
    files,
    io,
    () => 'the gateway did not start: fix the configuration above (kt config validate checks it)',
  );
  if (loaded === undefined) return 1;
  // The registry that loaded the config also holds the plugins it names; the gateway needs those.
  const { config, registry } = loaded;
  let listen: { host: string; port: number };
  try {
    listen = parseListen(values.listen ?? config.server.listen ?? '127.0.0.1:41002');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const unauthenticated = config.auth.keys.length === 0;
  const allowed = values['allow-unauthenticated'] === true || config.auth.allowUnauthenticated;
  if (unauthenticated && !isLoopback(listen.host) && !allowed) {
    io.err(
      `refusing to listen on ${listen.host}:${listen.port} without API keys: anyone who can reach it could use your models.\n` +
        'Add keys under auth.keys (kt keys create makes one), listen on 127.0.0.1, or pass --allow-unauthenticated.',
    );
    return 1;
  }
  const logger = pino({ level: io.env('KT_LOG_LEVEL') ?? 'info' }, pino.destination(2));
  let gateway: Awaited<ReturnType<typeof createGateway>>;
  try {
    gateway = await createGateway({ config, registry, env: io.env, logger });
  } catch (error) {
    io.err(`the gateway did not start: ${(error as Error).message}`);
    return 1;
  }
  if (config.server.policyMode === 'incremental') {
    for (const target of config.targets) {
      const scope = { endpoint: target.kind, targetId: target.id, model: target.model };
      const buffered = gateway.deps.chain.bufferedOnly(scope);
      if (buffered.length > 0) {
        logger.warn(
          { target: target.id, rules: buffered },
          'these rules need whole answers: streams to this target are buffered',
        );
      }
    }
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(gateway, listen);
  } catch (error) {
    await gateway.close();
    io.err(`cannot listen on ${listen.host}:${listen.port}: ${(error as Error).message}`);
    return 1;
  }
  io.out(`Keeptrusts gateway listening on ${server.url} (OpenAI API at ${server.url}/v1)`);
  if (unauthenticated) io.out('no API keys configured: requests are not authenticated');
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    signal?.addEventListener('abort', stop, { once: true });
  });
  await server.close();
  io.out('gateway stopped; audit records flushed');
  return 0;
}
