import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { listenBeside, type SideListener } from '../side-listener.js';
import { BASE } from './pages.js';

/** The listener of `server.console.listen`: the console alone, on an address of its own. */
export type ConsoleServer = SideListener;

/**
 * Serves the console at `listen`. `current()` is the console of the gateway now serving, so a
 * reload's new settings apply to the next request; `/` redirects to the console.
 */
export async function startConsoleServer(
  current: () => Hono | undefined,
  listen: { host: string; port: number },
): Promise<ConsoleServer> {
  const listener = getRequestListener((request, env) => {
    const app = current();
    const path = new URL(request.url).pathname;
    if (app === undefined)
      return new Response('the console is off (server.console.enabled: false)\n', { status: 404 });
    if (path === '/' || path === BASE) return Response.redirect(new URL(`${BASE}/`, request.url), 302);
    return app.fetch(request, env);
  });
  const server = createServer(listener);
  return listenBeside(server, listen);
}
