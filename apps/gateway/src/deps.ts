import type { AuditSink, OpenAIErrorBody, PolicyChain } from '@keeptrusts/core';
import type { AuditTrail } from './audit-trail.js';
import type { TargetPool } from './targets.js';

/** What the routes share: built once when the gateway starts. */
export interface GatewayDeps {
  pool: TargetPool;
  chain: PolicyChain;
  sinks: readonly AuditSink[];
  policyMode: 'buffered' | 'incremental';
  /** Unix seconds the gateway started, reported as models' `created`. */
  startedAt: number;
  /** Logs a bug with its stack and returns the body the client gets: no internals, the request id. */
  internalError(error: unknown, trail: AuditTrail): OpenAIErrorBody;
}
