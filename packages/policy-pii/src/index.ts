import { createRequire } from 'node:module';
import { definePlugin, type PluginManifest } from '@keeptrusts/core';
import { piiDetection } from './pii-detection.js';

// The policy
export { piiDetection } from './pii-detection.js';

// Config
export { piiDetectionConfigSchema } from './config.js';
export type { PiiDetectionConfig, PiiDetectionConfigInput } from './config.js';

// Detection
export { createPiiScanner, detectPii } from './scanner.js';
export type { PiiMatch } from './scanner.js';
export { knownPatterns } from './patterns/builtin.js';
export type { PiiPatternName } from './patterns/builtin.js';

// JSON imports outside rootDir do not compile, so the version is read at run time.
const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The plugin manifest the gateway's registry loads: the `pii_detection` policy. */
const manifest: PluginManifest = definePlugin({
  name: pkg.name,
  version: pkg.version,
  policies: [piiDetection],
});
export default manifest;
