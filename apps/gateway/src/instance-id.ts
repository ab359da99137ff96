import { hostname } from 'node:os';
import type { GatewayConfig } from '@keeptrusts/core/config';

/**
 * This process's name among the instances behind one balancer (#23): `server.instance_id`, else
 * `KT_INSTANCE_ID`, else host name and pid. Shared stores (the PostgreSQL audit chain) key on it,
 * so two processes running at once must not share one.
 */
export function resolveInstanceId(config: GatewayConfig, env: (name: string) => string | undefined): string {
  const fromEnv = env('KT_INSTANCE_ID');
  return config.server.instanceId ?? (fromEnv ? fromEnv : `${hostname()}-${process.pid}`);
}
