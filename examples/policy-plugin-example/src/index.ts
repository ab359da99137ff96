import { createRequire } from 'node:module';
import { definePlugin } from '@keeptrusts/core';
import { keywordDeny } from './keyword-deny.js';

// The keyword_deny policy
export { keywordDeny, keywordDenyConfig } from './keyword-deny.js';
export type { KeywordDenyConfig } from './keyword-deny.js';

const pkg = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
  peerDependencies: Record<string, string>;
};

/** The manifest the gateway registers when the config lists this package under `plugins:`. */
export default definePlugin({
  name: pkg.name,
  version: pkg.version,
  // The core range the gateway checks is the peer range npm checks, so the two cannot drift apart.
  core: pkg.peerDependencies['@keeptrusts/core'],
  policies: [keywordDeny],
});
