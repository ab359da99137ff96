import type { AuditSink, GatewayError, OpenAIErrorBody } from '@keeptrusts/core';
import type { PolicyChain } from '@keeptrusts/core/chain';
import type { StreamPolicyMode } from '@keeptrusts/core/config';
import type { AuditTrail } from './audit-trail.js';
import type { TargetPool } from './targets.js';

/** What the routes share: built once when the gateway starts. */
export interface GatewayDeps {
  pool: TargetPool;
  chain: PolicyChain;
  sinks: readonly AuditSink[];
  /** `server.streaming.policy_mode`; `auto` lets each target's rules choose its stream plan. */
  policyMode: StreamPolicyMode;
  /** `server.shutdown_grace_seconds`: how long SIGTERM lets requests in flight finish. */
  shutdownGraceSeconds: number;
  /** Unix seconds the gateway started, reported as models' `created`. */
  startedAt: number;
  /** The body a client gets for a GatewayError: upstream failures are logged, their addresses hidden. */
  clientBody(error: GatewayError, trail: AuditTrail): OpenAIErrorBody;
  /** Logs a bug with its stack and returns the body the client gets: no internals, the request id. */
  internalError(error: unknown, trail: AuditTrail): OpenAIErrorBody;
}
