import type { GatewayConfig, ListenAddress } from '@keeptrusts/core/config';
import { pino } from 'pino';
import { type ConsoleServer, startConsoleServer } from '../console/console-server.js';
import { createGateway, type Gateway, type Logger } from '../gateway.js';
import { logDestination } from '../observability/log-destination.js';
import { type MetricsServer, startMetricsServer } from '../observability/metrics-server.js';
import { isLoopback, parseListen, type RunningServer, startServer } from '../server.js';
import { defineCommand } from './command.js';
import { limitsSummary, tracesSummary } from './config-validate.js';
import { defaultStateFile, type GatewayState, removeState, writeState } from './gateway-state.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-config.js';
import { UsageError } from './usage-error.js';

const defaultListen = '127.0.0.1:41002';

/**
 * `kt gateway run`: loads the config, refuses unsafe or unsupported set-ups, and serves. SIGHUP
 * reloads the config; SIGTERM and SIGINT drain (a second one exits at once).
 */
export const gatewayRun = defineCommand({
  words: 'gateway run',
  summary: 'serve the OpenAI API in front of the configured targets',
  usage: '--policy-config FILE [--policy-config FILE...] [options]',
  description:
    'Loads the configuration files, merged in order, and serves the OpenAI API. Refuses a non-loopback\n' +
    'address without auth.keys unless told otherwise. SIGHUP (kt gateway reload) re-reads the files;\n' +
    'SIGTERM or SIGINT drain the requests in flight, then exit (a second one exits at once).',
  options: {
    'policy-config': {
      type: 'string',
      multiple: true,
      value: 'FILE',
      description: 'a configuration file, required; repeat it to merge several, in order',
    },
    listen: {
      type: 'string',
      value: 'HOST:PORT',
      default: `server.listen, else ${defaultListen}`,
      description: 'the address to serve; port 0 picks a free one',
    },
    'allow-unauthenticated': {
      type: 'boolean',
      default: 'off',
      description: 'serve a non-loopback address even without auth.keys',
    },
    'pid-file': {
      type: 'string',
      value: 'FILE',
      default: '$XDG_RUNTIME_DIR/keeptrusts/gateway-<port>.json, else the same in the temp folder',
      description: 'where to write the state file kt gateway reload reads',
    },
  },
  run: ({ values }, io, signal) => serve(values, io, signal),
});

async function serve(
  values: {
    listen?: string;
    'policy-config'?: string[];
    'allow-unauthenticated'?: boolean;
    'pid-file'?: string;
  },
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> {
  const files = values['policy-config'] ?? [];
  if (files.length === 0) throw new UsageError('gateway run needs --policy-config FILE');
  // A mistyped --listen is a usage error, reported before any file is read.
  let flag: ListenAddress | undefined;
  if (values.listen !== undefined) {
    try {
      flag = parseListen(values.listen);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const loaded = await loadForCommand(
    files,
    io,
    () => 'the gateway did not start: fix the configuration above (kt config validate checks it)',
  );
  if (loaded === undefined) return 1;
  // The registry that loaded the config also holds the plugins it names; the gateway needs those.
  const { config, registry } = loaded;
  // server.listen was checked when the config loaded.
  const listen = flag ?? parseListen(config.server.listen ?? defaultListen);
  const allowFlag = values['allow-unauthenticated'] === true;
  const refusal = unsafeListen(config, listen, allowFlag);
  if (refusal !== undefined) {
    io.err(refusal);
    return 1;
  }
  const log = logDestination();
  const logger = pino({ level: io.env('KT_LOG_LEVEL') ?? 'info' }, log.stream);
  let gateway: Gateway;
  try {
    gateway = await createGateway({ config, registry, env: io.env, logger, listenHost: listen.host });
  } catch (error) {
    io.err(`the gateway did not start: ${(error as Error).message}`);
    log.stop();
    return 1;
  }
  let server: RunningServer;
  try {
    server = await startServer(gateway, listen);
  } catch (error) {
    await gateway.close();
    io.err(`cannot listen on ${listen.host}:${listen.port}: ${(error as Error).message}`);
    log.stop();
    return 1;
  }
  let metricsServer: MetricsServer | undefined;
  if (config.server.metricsListen !== undefined) {
    const at = parseListen(config.server.metricsListen);
    try {
      metricsServer = await startMetricsServer(gateway.metrics, at);
    } catch (error) {
      await server.shutdown(0);
      io.err(`cannot listen on ${at.host}:${at.port} (server.metrics_listen): ${(error as Error).message}`);
      log.stop();
      return 1;
    }
  }
  let consoleServer: ConsoleServer | undefined;
  if (config.server.console.enabled && config.server.console.listen !== undefined) {
    const at = parseListen(config.server.console.listen);
    try {
      consoleServer = await startConsoleServer(() => server.current.consoleApp, at);
    } catch (error) {
      await metricsServer?.close();
      await server.shutdown(0);
      io.err(`cannot listen on ${at.host}:${at.port} (server.console.listen): ${(error as Error).message}`);
      log.stop();
      return 1;
    }
  }
  // Before the listening line, so whoever waits for that line has read it too.
  if (config.sinks.length === 0) io.out(noAuditTrail);
  io.out(`Keeptrusts gateway listening on ${server.url} (OpenAI API at ${server.url}/v1)`);
  io.out(`instance id ${gateway.instanceId}`);
  if (config.auth.keys.length === 0) io.out('no API keys configured: requests are not authenticated');
  if (metricsServer !== undefined) io.out(`metrics at ${metricsServer.url}/metrics (server.metrics_listen)`);
  if (config.server.console.enabled) {
    const where = consoleServer === undefined ? server.url : consoleServer.url;
    io.out(`console at ${where}/console/ (sign in with a key from auth.admin_keys)`);
  }
  for (const line of [limitsSummary(config), tracesSummary(config)]) if (line !== undefined) io.out(line);
  for (const line of streamPlanLines(gateway, config)) io.out(line);

  const port = Number(new URL(server.url).port);
  const stateFile = values['pid-file'] ?? defaultStateFile(port, io.env);
  const state: GatewayState = {
    pid: process.pid,
    url: server.url,
    files,
    startedAt: new Date().toISOString(),
    reload: undefined,
  };
  const saveState = () => {
    try {
      writeState(stateFile, state);
    } catch (error) {
      logger.warn(
        { file: stateFile, err: error },
        'cannot write the state file: kt gateway reload will not find this gateway',
      );
    }
  };
  saveState();

  // Reloads run one after another; a SIGHUP during a reload waits for it.
  let reloads = Promise.resolve();
  const onHangUp = () => {
    reloads = reloads.then(async () => {
      const generation = (state.reload?.generation ?? 0) + 1;
      const problems = await reload({
        files,
        io,
        logger,
        server,
        listen,
        allowFlag,
        listenFromFlag: values.listen !== undefined,
      });
      state.reload = { generation, ok: problems.length === 0, at: new Date().toISOString(), problems };
      saveState();
    });
  };
  process.on('SIGHUP', onHangUp);

  const stopSignal = await new Promise<string>((done) => {
    const stop = (name: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A second signal while draining means "now".
      const now = (second: NodeJS.Signals) => {
        io.err(`${second} again: exiting without waiting for requests in flight`);
        removeState(stateFile);
        process.exit(second === 'SIGINT' ? 130 : 143);
      };
      process.once('SIGINT', now);
      process.once('SIGTERM', now);
      done(name);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    signal?.addEventListener('abort', () => stop('abort'), { once: true });
  });
  process.off('SIGHUP', onHangUp);
  await reloads;
  const graceSeconds = server.current.deps.shutdownGraceSeconds;
  if (server.inFlight > 0) {
    io.out(`${stopSignal}: draining ${server.inFlight} request(s) in flight, for up to ${graceSeconds} s`);
  }
  const { cut } = await server.shutdown(graceSeconds * 1000);
  await metricsServer?.close();
  await consoleServer?.close();
  log.stop();
  removeState(stateFile);
  io.out(
    cut === 0
      ? `gateway stopped; every request answered${server.current.deps.sinks.length > 0 ? ' and its audit record written' : ''}`
      : `gateway stopped; ${cut} request(s) were still running after ${graceSeconds} s and were cut (their audit records say so)`,
  );
  return 0;
}

/** What `kt gateway run` says at start when no audit sink is configured: requests leave no record. */
export const noAuditTrail =
  'no audit trail: add audit-logger to policies.chain (or "- audit-logger" to a list of policies), ' +
  'with its settings under policy.audit-logger, such as immutable: true';

/** Why listening here would be unsafe, or undefined when it is not. */
function unsafeListen(
  config: GatewayConfig,
  listen: { host: string; port: number },
  allowFlag: boolean,
): string | undefined {
  const unauthenticated = config.auth.keys.length === 0;
  const allowed = allowFlag || config.auth.allowUnauthenticated;
  if (!unauthenticated || isLoopback(listen.host) || allowed) return undefined;
  return (
    `refusing to listen on ${listen.host}:${listen.port} without API keys: anyone who can reach it could use your models.\n` +
    'Add keys under auth.keys (kt keys create makes one), listen on 127.0.0.1, or pass --allow-unauthenticated.'
  );
}

/** One line per streaming target: how its answers meet the response rules, and why. */
function streamPlanLines(gateway: Gateway, config: GatewayConfig): string[] {
  const lines: string[] = [];
  for (const target of config.targets) {
    if (target.kind === 'embedding') continue;
    const scope = { endpoint: target.kind, targetId: target.id, model: target.model };
    const { plan, bufferedBy } = gateway.deps.chain.streamPlan(scope, config.server.policyMode);
    const why =
      plan === 'pass_through'
        ? 'no response rule applies: chunks are forwarded as they come'
        : plan === 'incremental'
          ? 'every response rule streams exactly: chunks flow, holding back only what the scanners need'
          : bufferedBy.length > 0
            ? `${[...new Set(bufferedBy)].join(', ')} need(s) the whole answer: it is checked before anything is sent`
            : 'server.streaming.policy_mode is buffered: the whole answer is checked before anything is sent';
    lines.push(`stream plan for ${target.id}: ${plan.replace('_', '-')} (${why})`);
  }
  return lines;
}

/**
 * Re-reads and validates the config files and, when they are good, swaps in a gateway built from
 * them: unchanged targets keep their health and connections, unchanged audit sinks stay open, and
 * requests in flight finish on the config they started with. Returns the problems that refused it.
 */
async function reload(options: {
  files: readonly string[];
  io: CliIo;
  logger: Logger;
  server: RunningServer;
  listen: { host: string; port: number };
  allowFlag: boolean;
  /** `--listen` was given, so the config's `server.listen` never applied. */
  listenFromFlag: boolean;
}): Promise<string[]> {
  const { io, server } = options;
  const problems: string[] = [];
  const capture: CliIo = {
    ...io,
    err: (text) => {
      problems.push(text);
      io.err(text);
    },
  };
  const loaded = await loadForCommand(
    options.files,
    capture,
    () => 'reload refused: the gateway keeps running on its previous configuration',
  );
  if (loaded === undefined) return problems;
  const refusal = unsafeListen(loaded.config, options.listen, options.allowFlag);
  if (refusal !== undefined) {
    capture.err(`reload refused: ${refusal}`);
    return problems;
  }
  let next: Gateway;
  try {
    next = await createGateway({
      config: loaded.config,
      registry: loaded.registry,
      env: io.env,
      logger: options.logger,
      previous: server.current,
      listenHost: options.listen.host,
    });
  } catch (error) {
    capture.err(`reload refused: ${(error as Error).message}; the previous configuration stays`);
    return problems;
  }
  server.swap(next);
  const listen = loaded.config.server.listen;
  const moved =
    listen !== undefined && !options.listenFromFlag && samePlace(listen, options.listen) === false;
  if (moved) {
    io.err(`server.listen changed to ${listen}: restart the gateway to listen there`);
  }
  io.out(`configuration reloaded from ${options.files.join(', ')}`);
  for (const line of streamPlanLines(next, loaded.config)) io.out(line);
  return problems;
}

function samePlace(written: string, listen: { host: string; port: number }): boolean | undefined {
  try {
    const parsed = parseListen(written);
    return parsed.host === listen.host && parsed.port === listen.port;
  } catch {
    return undefined;
  }
}
