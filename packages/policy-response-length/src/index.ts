import { createRequire } from 'node:module';
import { definePlugin } from '@keeptrusts/core';
import { responseLength } from './response-length.js';

// The response_length policy
export { responseLength, responseLengthConfigSchema } from './response-length.js';
export type { ResponseLengthConfig } from './response-length.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The plugin manifest the gateway registers. */
export default definePlugin({ name: pkg.name, version: pkg.version, policies: [responseLength] });
