import { parseArgs } from 'node:util';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** One option of a command: how `parseArgs` reads it and how `--help` shows it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** What the value stands for in help: `FILE`, `HOST:PORT`. */
  value?: string;
  /** The default, as help shows it; the command applies it. */
  default?: string;
  description: string;
}

type OptionValue<O extends OptionSpec> = O extends { multiple: true }
  ? O['type'] extends 'string'
    ? string[]
    : boolean[]
  : O['type'] extends 'string'
    ? string
    : boolean;

/** The parsed options of a command, typed by its specs. */
export type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: OptionValue<O[K]> };

/** What a command is written as: its words, its help, and what it does with parsed arguments. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The words after `kt`: `gateway run`. */
  words: string;
  /** One line for the command lists. */
  summary: string;
  /** What follows the words on the usage line: `--policy-config FILE [options]`. */
  usage: string;
  /** A paragraph for `--help`, after the usage line. */
  description: string;
  options: O;
  /** Positional arguments: their name in help and how many are needed; none are taken without it. */
  operands?: { name: string; min: number };
  run(
    input: { values: OptionValues<O>; operands: string[] },
    io: CliIo,
    signal?: AbortSignal,
  ): Promise<number>;
}

/** A command ready to dispatch: it renders its own help and parses its own arguments. */
export interface Command {
  words: string;
  summary: string;
  help: string;
  /** Parses `args` (throwing a UsageError for a mistake) and runs the command. */
  run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number>;
}

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/**
 * Checks a command's spec and turns it into a {@link Command}: the help text is rendered from the
 * same option specs `parseArgs` reads, so the two cannot drift apart.
 */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): Command {
  const shorts = new Set<string>();
  for (const [name, option] of Object.entries(spec.options)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name))
      throw new Error(`kt ${spec.words}: option "${name}" is not kebab-case`);
    if (option.type === 'string' && option.value === undefined)
      throw new Error(`kt ${spec.words}: option --${name} takes a value and needs a name for it in help`);
    if (option.short !== undefined) {
      if (shorts.has(option.short) || option.short === 'h')
        throw new Error(`kt ${spec.words}: short option -${option.short} is used twice`);
      shorts.add(option.short);
    }
  }
  const help = renderHelp(spec);
  const parseOptions = Object.fromEntries(
    Object.entries({ ...spec.options, help: helpOption }).map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.short === undefined ? {} : { short: option.short }),
        ...(option.multiple === true ? { multiple: true } : {}),
      },
    ]),
  );
  return {
    words: spec.words,
    summary: spec.summary,
    help,
    async run(args, io, signal) {
      let parsed: { values: Record<string, unknown>; positionals: string[] };
      try {
        parsed = parseArgs({ args, options: parseOptions, allowPositionals: spec.operands !== undefined });
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const { help: _help, ...values } = parsed.values;
      const min = spec.operands?.min ?? 0;
      if (parsed.positionals.length < min) {
        throw new UsageError(`${spec.words} needs at least ${min} ${spec.operands?.name ?? 'argument'}`);
      }
      return spec.run({ values: values as OptionValues<O>, operands: parsed.positionals }, io, signal);
    },
  };
}

/** Whether the arguments ask for help (`-h` or `--help` before any `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

function renderHelp<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): string {
  const rows = Object.entries({ ...spec.options, help: helpOption }).map(([name, option]) => {
    const flag = `${option.short === undefined ? '    ' : `-${option.short}, `}--${name}`;
    const text =
      option.default === undefined
        ? option.description
        : `${option.description} (default: ${option.default})`;
    return [option.value === undefined ? flag : `${flag} ${option.value}`, text] as const;
  });
  return [`Usage: kt ${spec.words} ${spec.usage}`, '', spec.description, '', 'Options:', ...table(rows)].join(
    '\n',
  );
}

/** Two columns, the second aligned; for option and command lists. */
export function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
