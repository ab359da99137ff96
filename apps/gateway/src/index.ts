// Composing a gateway
export { createGateway } from './gateway.js';
export type { Gateway, GatewayEnv, Logger } from './gateway.js';
export { builtinPlugins, createBuiltinRegistry } from './builtin-plugins.js';
export { isLoopback, parseListen, startServer } from './server.js';
export type { RunningServer } from './server.js';

// API keys
export { createApiKey, KeyVerifier } from './auth.js';

// The kt CLI, for programs that embed it
export { runCli } from './cli/main.js';
export type { CliIo } from './cli/io.js';
