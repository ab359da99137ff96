import { createServer } from 'node:http';
import { listenBeside, type SideListener } from '../side-listener.js';
import type { GatewayMetrics } from './metrics.js';

/** The listener of `server.metrics_listen`: `GET /metrics` only, without API keys. */
export type MetricsServer = SideListener;

/**
 * Serves the Prometheus exposition on an address of its own, for a scraper on an internal network
 * that holds no API key. Anything but `GET /metrics` is a 404; nothing here reaches a model.
 */
export async function startMetricsServer(
  metrics: GatewayMetrics,
  listen: { host: string; port: number },
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('only GET /metrics is served here\n');
      return;
    }
    metrics.text().then(
      ({ body, contentType }) => {
        response.writeHead(200, { 'content-type': contentType });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`metrics collection failed: ${(error as Error).message}\n`);
      },
    );
  });
  return listenBeside(server, listen);
}
