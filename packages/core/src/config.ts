// @keeptrusts/core/config: loading and checking configuration, for the host (apps/gateway).
// Plugin authors need none of it: their rule's settings come parsed and typed to `create`.

export { didYouMean } from './config/did-you-mean.js';
export type { ListenAddress } from './config/listen-address.js';
// Written values
export { parseListenAddress } from './config/listen-address.js';
export type { LoadOptions, LoadResult } from './config/load.js';
// Loading
export { loadConfig, loadConfigTexts } from './config/load.js';
export type { ProviderRef } from './config/provider-string.js';
export { parseProviderString, providerStringForms } from './config/provider-string.js';
// The model a config normalises into
export type {
  AdminKeyConfig,
  ApiKeyConfig,
  ConsoleConfig,
  GatewayConfig,
  KeyLimits,
  LimitStoreConfig,
  Origin,
  PolicyConfig,
  RouteRule,
  RuleConfig,
  SinkConfig,
  StreamPolicyMode,
  TargetConfig,
} from './config/types.js';
export { formatPath } from './config/zod-issues.js';
export type { ConfigIssue } from './errors.js';
// Messages for the operator
export { formatConfigIssue } from './errors.js';
// Live targets: each provider created, or the provider it delegates to found in the registry
export { createProviderInstance } from './plugin/provider-instance.js';
export type { Registry } from './plugin/registry.js';
// Registry: the plugins a config may name
export { coreVersion, createRegistry } from './plugin/registry.js';
