import type { AuditTrail, TrailObserver } from '../audit-trail.js';
import type { Logger } from '../gateway.js';
import type { KeyLimiter } from '../limits/key-limiter.js';
import type { GatewayMetrics } from './metrics.js';
import { requestLogLevel, requestLogLine } from './request-log.js';

/**
 * What happens when a request ends (#13): its lease goes back to the limiter, the metrics count it,
 * and its one log line is written. One instance per gateway; nothing here allocates per request
 * beyond the log line, and that only when its level is enabled.
 */
export function createRequestObserver(deps: {
  metrics: GatewayMetrics;
  logger: Logger;
  limiter: KeyLimiter | undefined;
}): TrailObserver {
  const { metrics, logger, limiter } = deps;
  const enabled = (level: 'debug' | 'info' | 'warn') => logger.isLevelEnabled?.(level) ?? level !== 'debug';
  return {
    upstream: (target, delta) => metrics.upstream(target, delta),
    finished(trail: AuditTrail) {
      limiter?.settle(trail);
      metrics.finished(trail);
      const level = requestLogLevel(trail.record.status, trail.record.endpoint);
      if (!enabled(level)) return;
      const line = requestLogLine(trail);
      if (level === 'warn') logger.warn(line, 'request');
      else if (level === 'info') logger.info(line, 'request');
      else logger.debug?.(line, 'request');
    },
  };
}
