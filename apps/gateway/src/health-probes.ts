import type { Logger } from './gateway.js';
import type { TargetPool } from './targets.js';

/**
 * Probes every target with `health_probe: true` (GET / on its base URL) now and then every
 * interval; an unreachable target leaves the routing pool until a probe succeeds again.
 */
export function startHealthProbes(
  pool: TargetPool,
  options: { intervalMs: number; logger: Logger },
): () => void {
  const probed = pool.targets.filter((t) => t.config.healthProbe);
  if (probed.length === 0) return () => {};
  const controller = new AbortController();
  const round = async () => {
    await Promise.all(
      probed.map(async (target) => {
        const timeout = AbortSignal.timeout(Math.min(options.intervalMs, 5_000));
        const began = performance.now();
        let error: string | null = null;
        const healthy = await target.provider
          .probe(AbortSignal.any([controller.signal, timeout]))
          .catch((thrown: unknown) => {
            error = thrown instanceof Error ? thrown.message : String(thrown);
            return false;
          });
        if (controller.signal.aborted) return;
        target.lastProbe = {
          at: new Date().toISOString(),
          ok: healthy,
          ms: Math.round(performance.now() - began),
          error: healthy
            ? null
            : (error ?? 'no 200 answer to the probe (unreachable, refused, timed out or an error status)'),
        };
        if (healthy !== target.healthy && !controller.signal.aborted) {
          options.logger[healthy ? 'info' : 'warn'](
            { target: target.config.id, healthy },
            'target health changed',
          );
        }
        target.healthy = healthy;
      }),
    );
  };
  void round();
  const timer = setInterval(() => void round(), options.intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    controller.abort();
  };
}
