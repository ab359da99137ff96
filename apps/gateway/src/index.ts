// Composing a gateway

// API keys
export { createApiKey, KeyVerifier } from './auth.js';
export { builtinPlugins, createBuiltinRegistry } from './builtin-plugins.js';
export type { CliIo } from './cli/io.js';
// The kt CLI, for programs that embed it
export { runCli } from './cli/main.js';
export type { Gateway, GatewayEnv, Logger } from './gateway.js';
export { createGateway } from './gateway.js';
export type { RunningServer } from './server.js';
export { isLoopback, parseListen, startServer } from './server.js';
