import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as chain from './chain.js';
import * as config from './config.js';
import * as root from './index.js';
import * as wire from './wire.js';

const subpaths = { config, chain, wire };

describe('package entries', () => {
  it('offers plugin authors what plugins import from the root', () => {
    const pluginValues = [
      'definePolicy',
      'defineProvider',
      'defineAuditSink',
      'definePlugin',
      'allow',
      'block',
      'modify',
      'CONTRACT_VERSION',
      'GatewayError',
      'PluginError',
      'errorCodes',
      'formatConfigIssue',
      'ScanStage',
      'applyScanner',
      'approximateTokens',
      'TokenLimiter',
      'truncateToTokens',
      'decodeNdjson',
      'NdjsonDecoder',
      'NdjsonParseError',
      'decodeSse',
      'SseDecoder',
      'SseParseError',
      'SSE_DONE_DATA',
      'randomAlphanumeric',
    ];
    expect(pluginValues.filter((name) => !(name in root))).toEqual([]);
  });

  it.each(Object.entries(subpaths))('%s exports the very objects the root does', (_name, entry) => {
    const atRoot = new Map<string, unknown>(Object.entries(root));
    for (const [name, value] of Object.entries(entry)) expect(atRoot.get(name), name).toBe(value);
  });

  it('maps each subpath of package.json to its entry, types first', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
    };
    const entries = Object.keys(pkg.exports).filter((key) => key !== './package.json');
    expect(entries).toEqual(['.', './config', './chain', './wire']);
    for (const key of entries) {
      const file = key === '.' ? 'index' : key.slice(2);
      expect(pkg.exports[key]).toEqual({ types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` });
      expect(Object.keys(pkg.exports[key] as object)[0]).toBe('types');
      expect(existsSync(new URL(`./${file}.ts`, import.meta.url)), file).toBe(true);
    }
  });
});
