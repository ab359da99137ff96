import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConfigIssue } from '../errors.js';
import type { Registry } from '../plugin/registry.js';
import type { PluginManifest } from '../plugin/types.js';
import { substituteEnv, type UnsetVariable } from './env-substitute.js';
import { type CheckedFile, normaliseConfig } from './normalise.js';
import type { Salvaged } from './salvage.js';
import type { GatewayConfig } from './types.js';
import { salvagedConfigSchema, type WrittenConfig, writtenConfigSchema } from './written.js';
import { parseYamlSource } from './yaml-source.js';
import { checkWithSchema, formatPath } from './zod-issues.js';

/** What `loadConfig` needs besides the file names. */
export interface LoadOptions {
  /** Holds the built-in plugins; modules named under `plugins:` are registered into it. */
  registry: Registry;
  env?: (name: string) => string | undefined;
  /** Imports a plugin module named in the config; the default resolves from the config file's folder. */
  importPlugin?: (specifier: string, fromDir: string) => Promise<unknown>;
  /** Relative file names resolve against this folder (default: the process's); messages keep them as given. */
  cwd?: string;
}

/** Every problem, or the merged config. */
export type LoadResult = { ok: true; config: GatewayConfig } | { ok: false; issues: ConfigIssue[] };

/**
 * Loads one or more YAML files, merged in order, into the gateway's config model. Returns every
 * problem found (syntax, schema, plugin rule schemas, cross-references), each located by file,
 * line, column and path.
 */
export async function loadConfig(files: readonly string[], options: LoadOptions): Promise<LoadResult> {
  if (files.length === 0) {
    return {
      ok: false,
      issues: [{ path: '', message: 'no configuration file given; pass --policy-config FILE' }],
    };
  }
  const texts: { file: string; text: string }[] = [];
  const issues: ConfigIssue[] = [];
  for (const file of files) {
    try {
      texts.push({ file, text: await readFile(resolve(options.cwd ?? '.', file), 'utf8') });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
      issues.push({ file, path: '', message: `cannot read the file: ${reason}` });
    }
  }
  // The files that could be read are still checked, so one run shows every problem.
  return loadTexts(texts, files, issues, options);
}

/** Like {@link loadConfig}, for texts already in memory (file names are used in messages). */
export async function loadConfigTexts(
  texts: readonly { file: string; text: string }[],
  options: LoadOptions,
): Promise<LoadResult> {
  return loadTexts(
    texts,
    texts.map((t) => t.file),
    [],
    options,
  );
}

async function loadTexts(
  texts: readonly { file: string; text: string }[],
  files: readonly string[],
  issues: ConfigIssue[],
  options: LoadOptions,
): Promise<LoadResult> {
  const env = options.env ?? ((name: string) => process.env[name]);
  const checked: CheckedFile[] = [];
  // A file that could not be read or parsed may define targets that others refer to.
  let everyFileRead = texts.length === files.length;
  for (const { file, text } of texts) {
    const parsed = parseYamlSource(file, text);
    if ('issues' in parsed) {
      issues.push(...parsed.issues);
      everyFileRead = false;
      continue;
    }
    const { source } = parsed;
    if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
      issues.push({
        file,
        line: 1,
        column: 1,
        path: '',
        message: 'expected a mapping at the top of the file',
      });
      everyFileRead = false;
      continue;
    }
    const unset: UnsetVariable[] = [];
    const substituted = substituteEnv(source.value, env, unset);
    const unsetPaths = new Set<string>();
    for (const { path, name } of unset) {
      const pos = source.locate(path);
      unsetPaths.add(formatPath(path));
      issues.push({
        file,
        line: pos.line,
        column: pos.column,
        path: formatPath(path),
        message: `environment variable ${name} is not set`,
        hint: `set ${name}, or give a default: \${${name}:-value}`,
      });
    }
    const strict = checkWithSchema(writtenConfigSchema, substituted, {
      file,
      prefix: [],
      locate: source.locate,
    });
    // A value still holding its ${VAR} is wrong only because the variable is unset; that was said.
    if (!strict.ok) issues.push(...strict.issues.filter((issue) => !unsetPaths.has(issue.path)));
    const written = strict.ok
      ? strict.data
      : (salvagedConfigSchema.parse(withoutPaths(substituted, unset)) as Salvaged<WrittenConfig>);
    checked.push({ source: { ...source, value: substituted }, written });
  }

  const importPlugin = options.importPlugin ?? defaultImportPlugin;
  let pluginFailed = false;
  for (const { source, written } of checked) {
    for (const [i, specifier] of (written.plugins ?? []).entries()) {
      const pos = source.locate(['plugins', i]);
      const at = { file: source.file, line: pos.line, column: pos.column, path: `plugins[${i}]` };
      if (options.registry.plugins().some((p) => p.name === specifier)) continue;
      try {
        const module = (await importPlugin(specifier, dirname(resolve(options.cwd ?? '.', source.file)))) as {
          default?: unknown;
        };
        const manifest = module.default as PluginManifest | undefined;
        if (manifest?.kind !== 'plugin') {
          issues.push({
            ...at,
            message: `"${specifier}" does not default-export a plugin made by definePlugin()`,
          });
          pluginFailed = true;
          continue;
        }
        if (!options.registry.plugins().includes(manifest)) options.registry.register(manifest);
      } catch (error) {
        issues.push({ ...at, message: `cannot load plugin "${specifier}": ${(error as Error).message}` });
        pluginFailed = true;
      }
    }
  }

  const baseDir = dirname(resolve(options.cwd ?? '.', files[0] ?? '.'));
  const result = normaliseConfig(checked, options.registry, baseDir, { everyFileRead, pluginFailed });
  if ('issues' in result) issues.push(...result.issues);
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues, files) };
  return 'config' in result ? { ok: true, config: result.config } : { ok: false, issues };
}

// What salvage reads of a file: values that still hold an unset ${VAR} count as not written.
function withoutPaths(value: unknown, unset: readonly UnsetVariable[]): unknown {
  const copy = structuredClone(value);
  for (const { path } of unset) {
    let parent = copy as Record<string | number, unknown> | undefined;
    for (const segment of path.slice(0, -1)) parent = parent?.[segment] as typeof parent;
    if (parent !== undefined) delete parent[path.at(-1)!];
  }
  return copy;
}

function sortIssues(issues: ConfigIssue[], order: readonly string[]): ConfigIssue[] {
  const rank = (issue: ConfigIssue) => (issue.file === undefined ? -1 : order.indexOf(issue.file));
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        rank(a.issue) - rank(b.issue) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}

// Paths resolve from the config file's folder; package names from there first, then from here.
async function defaultImportPlugin(specifier: string, fromDir: string): Promise<unknown> {
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    return import(pathToFileURL(resolve(fromDir, specifier)).href);
  }
  try {
    const resolved = createRequire(resolve(fromDir, 'noop.js')).resolve(specifier);
    return await import(pathToFileURL(resolved).href);
  } catch {
    return import(specifier);
  }
}
