import { GatewayError } from '@keeptrusts/core';
import { isLoopback } from './server.js';

// A web page can make a browser send requests to a gateway on the user's machine: "simple"
// cross-origin POSTs (text/plain, form bodies) go out without a CORS preflight, and DNS rebinding
// points an attacker's name at 127.0.0.1 so the page's reads look same-origin. API keys stop both;
// without keys these checks do: JSON bodies only (a JSON content type always needs a preflight,
// which the gateway never grants), and only host names the operator listens under.

/** How the gateway was reached: the Host header, the Origin header and the body's media type. */
export interface BrowserGuardInput {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  contentType: string | undefined;
}

/** Checks requests for the signs of a browser being used against the gateway; throws a GatewayError. */
export interface BrowserGuard {
  check(request: BrowserGuardInput): void;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * The guard for a gateway listening on `listenHost`. With API keys only the content type is
 * checked (a key is what a page cannot have); without them the Host and any Origin must name this
 * machine (a loopback listen) or one of `allowedHosts` (any name when listening on all addresses
 * and none is configured: the operator opened the port on purpose).
 */
export function createBrowserGuard(options: {
  keysEnabled: boolean;
  listenHost: string;
  allowedHosts: readonly string[];
}): BrowserGuard {
  const allowed = new Set(options.allowedHosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
  if (isLoopback(options.listenHost)) for (const name of LOOPBACK_NAMES) allowed.add(name);
  const checkHosts = !options.keysEnabled && (isLoopback(options.listenHost) || allowed.size > 0);
  const hostAllowed = (name: string) => allowed.has(name) || (isLoopback(name) && allowed.has('127.0.0.1'));
  return {
    check({ method, host, origin, contentType }) {
      if (method === 'POST' && !isJson(contentType)) {
        throw new GatewayError(
          'unsupported_media_type',
          `the body must be JSON: send Content-Type: application/json${contentType ? ` (got "${contentType}")` : ''}`,
        );
      }
      if (!checkHosts) return;
      const name = host === undefined ? undefined : hostName(host);
      if (name === undefined || !hostAllowed(name)) {
        throw new GatewayError(
          'host_not_allowed',
          `this gateway has no API keys, so it only answers requests addressed to ${[...allowed].join(', ')}; ` +
            'add the name to server.allowed_hosts, or configure auth.keys',
        );
      }
      if (origin !== undefined && origin !== 'null') {
        let originHost: string | undefined;
        try {
          originHost = new URL(origin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
        } catch {
          originHost = undefined;
        }
        if (originHost === undefined || !hostAllowed(originHost)) {
          throw new GatewayError(
            'host_not_allowed',
            `requests from web pages at ${origin} are refused: this gateway has no API keys (configure auth.keys, or add the page's host to server.allowed_hosts)`,
          );
        }
      } else if (origin === 'null') {
        throw new GatewayError(
          'host_not_allowed',
          'requests from sandboxed web pages (Origin: null) are refused',
        );
      }
    },
  };
}

/** Whether a Content-Type names JSON: application/json or a +json type, with any parameters. */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower-cased; undefined if malformed. */
function hostName(host: string): string | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(host.trim());
  if (match === null) return undefined;
  return match[1]!.replace(/^\[|\]$/g, '').toLowerCase();
}
