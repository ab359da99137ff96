import { isIPv4, isIPv6 } from 'node:net';

/** Where the gateway listens, parsed from `HOST:PORT`. */
export interface ListenAddress {
  /** A host name or IP address; an IPv6 address without its brackets. */
  host: string;
  /** 1 to 65535, or 0 for any free port. */
  port: number;
}

const hostName = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/**
 * Parses `HOST:PORT` as `server.listen` and `--listen` take it: a host name, an IPv4 address or
 * an IPv6 address in brackets, then a port from 1 to 65535, or 0 for any free port (tests use it).
 */
export function parseListenAddress(value: string): ListenAddress | { error: string; hint?: string } {
  const match = /^(?:\[([^\]]*)\]|([^:[\]]*)):(\d+)$/.exec(value);
  if (match === null) {
    const bareIPv6 = !value.startsWith('[') && (value.match(/:/g)?.length ?? 0) > 1;
    return {
      error: `expected HOST:PORT such as 127.0.0.1:41002, got ${JSON.stringify(value)}`,
      ...(bareIPv6 ? { hint: 'write an IPv6 address in brackets, such as [::1]:41002' } : {}),
    };
  }
  const [, ipv6, name, digits] = match as unknown as [string, string | undefined, string | undefined, string];
  const host = ipv6 ?? name ?? '';
  if (ipv6 !== undefined && !isIPv6(ipv6)) return { error: `"[${ipv6}]" is not an IPv6 address` };
  if (ipv6 === undefined) {
    if (host === '')
      return { error: `no host before the port in "${value}"`, hint: `for example 127.0.0.1${value}` };
    const valid = /^[\d.]+$/.test(host) ? isIPv4(host) : hostName.test(host);
    if (!valid) return { error: `"${host}" is not a host name or an IPv4 address` };
  }
  const port = Number(digits);
  if (port > 65535) {
    return {
      error: `port ${digits} is out of range: expected 1 to 65535, or 0 for any free port`,
      hint: `for example ${ipv6 === undefined ? host : `[${host}]`}:41002`,
    };
  }
  return { host, port };
}
