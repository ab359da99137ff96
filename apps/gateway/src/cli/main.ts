import { createRequire } from 'node:module';
import { auditQuery, auditTail, auditVerify } from './audit.js';
import { type Command, table, wantsHelp } from './command.js';
import { configValidate } from './config-validate.js';
import { gatewayReload } from './gateway-reload.js';
import { gatewayRun } from './gateway-run.js';
import type { CliIo } from './io.js';
import { keysCreate } from './keys-create.js';
import { UsageError } from './usage-error.js';

/** The subcommands, in the order help lists them. */
const commands: readonly Command[] = [
  gatewayRun,
  gatewayReload,
  configValidate,
  keysCreate,
  auditVerify,
  auditTail,
  auditQuery,
];

const groups = [...new Set(commands.map((c) => c.words.split(' ')[0]!))];

const mainHelp = [
  'kt: the Keeptrusts gateway',
  '',
  'Usage: kt <command> [options]',
  '',
  'Commands:',
  ...table(commands.map((c) => [c.words, c.summary])),
  '',
  'Options:',
  ...table([
    ['-h, --help', 'show this help; kt <command> --help shows the options of one'],
    ['-v, --version', 'print the version'],
  ]),
].join('\n');

function groupHelp(group: string): string {
  const members = commands.filter((c) => c.words.startsWith(`${group} `));
  return [
    `Usage: kt ${group} <command> [options]`,
    '',
    'Commands:',
    ...table(members.map((c) => [c.words, c.summary])),
    '',
    `kt ${group} <command> --help shows the options of one.`,
  ].join('\n');
}

/** Runs `kt` with the given arguments and returns the exit code; never throws for user mistakes. */
export async function runCli(argv: readonly string[], io: CliIo, signal?: AbortSignal): Promise<number> {
  const [first, second, ...rest] = argv;
  if (first === undefined) {
    io.err(mainHelp);
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.out(mainHelp);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return 0;
  }
  if (first === 'help') return help(argv.slice(1), io);
  if (!groups.includes(first)) {
    io.err(`kt: unknown command "${first}"\n\n${mainHelp}`);
    return 2;
  }
  if (second === '--help' || second === '-h') {
    io.out(groupHelp(first));
    return 0;
  }
  const command = commands.find((c) => c.words === `${first} ${second}`);
  if (command === undefined) {
    io.err(
      `${second === undefined ? `kt ${first} needs a command` : `kt: unknown command "${first} ${second}"`}\n\n${groupHelp(first)}`,
    );
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io, signal);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kt: ${error.message}\n\n${command.help}`);
      return 2;
    }
    throw error;
  }
}

// `kt help`, `kt help audit`, `kt help audit verify`.
function help(words: readonly string[], io: CliIo): number {
  const [group, name] = words;
  const command = commands.find((c) => c.words === `${group} ${name}`);
  if (command !== undefined) io.out(command.help);
  else if (group !== undefined && name === undefined && groups.includes(group)) io.out(groupHelp(group));
  else if (group === undefined) io.out(mainHelp);
  else {
    io.err(`kt: unknown command "${words.join(' ')}"\n\n${mainHelp}`);
    return 2;
  }
  return 0;
}

/** The gateway package's version. */
export function version(): string {
  const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
  return pkg.version;
}
