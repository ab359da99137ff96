import type { z } from 'zod';
import type { ConfigIssue } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { Origin } from './types.js';
import type { YamlSource } from './yaml-source.js';
import { checkWithSchema, formatPath } from './zod-issues.js';

/**
 * The problems found while normalising a set of files, collected rather than thrown, each located
 * by file, line and column through the file's YAML source.
 */
export class IssueLog {
  readonly issues: ConfigIssue[] = [];
  private readonly sources: ReadonlyMap<string, YamlSource>;
  private readonly pluginFailed: boolean;

  /** `pluginFailed`: a module under `plugins:` failed to load, so an unknown type may be one of its. */
  constructor(sources: readonly YamlSource[], pluginFailed: boolean) {
    this.sources = new Map(sources.map((s) => [s.file, s]));
    this.pluginFailed = pluginFailed;
  }

  /** The parsed YAML of a file, to look up what was written where. */
  source(file: string): YamlSource | undefined {
    return this.sources.get(file);
  }

  /** Records a problem at `sub` below `origin`; `key` points at the key rather than its value. */
  report(
    origin: Origin,
    sub: readonly (string | number)[],
    message: string,
    hint?: string,
    key = false,
  ): void {
    const path = [...origin.path, ...sub];
    const pos = this.sources.get(origin.file)?.locate(path, { key });
    this.issues.push({
      file: origin.file,
      ...(pos === undefined ? {} : { line: pos.line, column: pos.column }),
      path: formatPath(path),
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  }

  /** Parses a value written at `origin` with a schema (a plugin's), recording its problems. */
  check(schema: z.ZodType, value: unknown, origin: Origin): { data: unknown } | undefined {
    const source = this.sources.get(origin.file)!;
    const result = checkWithSchema(schema, value, {
      file: origin.file,
      prefix: origin.path,
      locate: source.locate,
    });
    if (result.ok) return { data: result.data };
    this.issues.push(...result.issues);
    return undefined;
  }

  /** `did you mean "x"?` for the known name closest to `name`, if one is close. */
  hintFor(name: string, known: readonly string[]): string | undefined {
    const near = didYouMean(name, known);
    return near === undefined ? undefined : `did you mean "${near}"?`;
  }

  /** The hint for an unknown rule or chain type, which may belong to a plugin that failed to load. */
  unknownTypeHint(name: string, known: readonly string[]): string | undefined {
    return (
      this.hintFor(name, known) ??
      (this.pluginFailed ? 'it may come from the plugin that failed to load' : undefined)
    );
  }

  /** Where something was written, for messages: `file:line:column`, or the file alone. */
  describe(origin: Origin): string {
    const pos = this.sources.get(origin.file)?.locate(origin.path);
    return pos === undefined ? origin.file : `${origin.file}:${pos.line}:${pos.column}`;
  }
}
