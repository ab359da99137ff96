import { parseListen } from '../server.js';
import { defineCommand } from './command.js';
import { defaultStateFile, readState } from './gateway-state.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

// A reload re-reads the files and builds new policy instances; the learned detectors load in well
// under this on a small machine.
const RELOAD_WAIT_MS = 30_000;
const POLL_MS = 50;

/**
 * `kt gateway reload`: signals a running `kt gateway run` (found by its state file) to re-read its
 * config, waits for the outcome and prints it; exit 1 when the new config was refused.
 */
export const gatewayReload = defineCommand({
  words: 'gateway reload',
  summary: 'make the running gateway re-read its configuration files',
  usage: '[--listen HOST:PORT | --pid-file FILE]',
  description:
    'Finds the running kt gateway run by its state file and sends it SIGHUP. Prints the outcome: exits 0\n' +
    'when the new configuration is serving, or 1 with its problems (the gateway keeps the old one).',
  options: {
    listen: {
      type: 'string',
      value: 'HOST:PORT',
      default: '127.0.0.1:41002',
      description: 'the address the gateway was started with; its port names the state file',
    },
    'pid-file': {
      type: 'string',
      value: 'FILE',
      description: 'the state file the gateway was given with --pid-file',
    },
  },
  run: ({ values }, io) => reload(values, io),
});

async function reload(values: { listen?: string; 'pid-file'?: string }, io: CliIo): Promise<number> {
  let file = values['pid-file'];
  if (file === undefined) {
    let port: number;
    try {
      port = parseListen(values.listen ?? '127.0.0.1:41002').port;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    file = defaultStateFile(port, io.env);
  }
  const state = readState(file);
  if (state === undefined || !alive(state.pid)) {
    io.err(
      `no running gateway found: ${file} ${state === undefined ? 'does not exist' : `names process ${state.pid}, which is not running`}.\n` +
        'Pass the --listen HOST:PORT the gateway was started with, or the --pid-file it was given.',
    );
    return 1;
  }
  const before = state.reload?.generation ?? 0;
  process.kill(state.pid, 'SIGHUP');
  const deadline = Date.now() + RELOAD_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const now = readState(file);
    if (now?.reload === undefined || now.reload.generation === before) continue;
    if (now.reload.ok) {
      io.out(`gateway ${now.pid} at ${now.url} reloaded ${now.files.join(', ')}`);
      return 0;
    }
    for (const problem of now.reload.problems) io.err(problem);
    return 1;
  }
  io.err(`gateway ${state.pid} did not report a reload within ${RELOAD_WAIT_MS / 1000} s; see its log`);
  return 1;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
