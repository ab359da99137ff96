import { isIP } from 'node:net';
import {
  BOUNDARY,
  type Candidate,
  type Detector,
  firstMatchFrom,
  matchAtEveryStart,
  openRunStart,
  runStart,
} from './detector.js';

// Four dotted numbers with an optional /prefix (`ip:` may precede, a `:port` follow), not part
// of a longer dotted run (OIDs, versions). Inside an IPv6 address the longer IPv6 match wins.
const IPV4 = /(?<![\p{L}\p{N}_.])(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?![\p{L}\p{N}_])(?![./]\p{N})/gu;

// Colon-separated hex groups (compressed or full, optionally ending in dotted IPv4), zone, /prefix.
// A colon may follow (`… 2001:db8::1: refused`); the group pattern takes it and `find` drops it.
const IPV6 =
  /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?:%[0-9A-Za-z_.-]{1,15})?(?:\/\d{1,3})?(?![\p{L}\p{N}_])(?!:[\p{L}\p{N}_:])(?![./]\p{N})/gu;

// A dotted quad right after one of these is a version or section number, not an address.
const NOT_AN_ADDRESS =
  /(?<!\p{L})(?:version|ver|release|build|firmware|v|section|sect|chapter|clause|step|figure|fig|table|item|rule|§)[\s:.#]*$/iu;
const CONTEXT_WINDOW = 20;
const MAX_LENGTH = 45 + 16 + 4;
// A trailing `:` is read, then up to two code points after it.
const LOOKAHEAD = BOUNDARY + 2;

// Where each can begin, and what its run holds: digits, `.` and `/` for IPv4; hex groups, `:`,
// `.` and `/` for IPv6 up to a `%`, then the zone's letters, digits, `_ . -`, and `/` and `:`.
// Each end check that reads on starts with one of these characters (`.5`, `/2`, `:x`).
const IPV4_START = /(?<![\p{L}\p{N}_.])\d/gu;
const IPV4_RUN = /^[\d./]$/u;
const IPV6_START = /(?<![\p{L}\p{N}_:.])[0-9A-Fa-f:]/gu;
const IPV6_RUN = /^[0-9A-Fa-f:./]$/u;
const ZONE_RUN = /^[0-9A-Za-z_.\-/:]$/u;

// An IPv6 address can still grow from the trailing run of its characters or, when that run
// follows a `%`, from the run before the `%` (`fe80::1%et`).
function openIpv6Start(text: string): number {
  const floor = Math.max(0, text.length - MAX_LENGTH - LOOKAHEAD);
  let from = runStart(text, text.length, IPV6_RUN, floor);
  const zone = runStart(text, text.length, ZONE_RUN, floor);
  if (zone > floor && text[zone - 1] === '%')
    from = Math.min(from, runStart(text, zone - 1, IPV6_RUN, floor));
  return firstMatchFrom(text, IPV6_START, from);
}

/** Whether `value` (an address with an optional `/prefix` and, for IPv6, `%zone`) is valid. */
export function isIpAddress(value: string): boolean {
  const [address = '', prefix] = value.split('/');
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return false;
  if (prefix !== undefined && Number(prefix) > (family === 4 ? 32 : 128)) return false;
  if (family === 6) {
    // `a::b`, `::1` and `::` are valid but read like code or loopback; demand one real group.
    const groups = bare.split(':').filter((g) => g !== '');
    return groups.length >= 8 || groups.some((g) => g.length >= 3 || g.includes('.'));
  }
  return true;
}

/** IPv4 and IPv6 addresses, validated with `node:net`. */
export const ipAddress: Detector = {
  type: 'ip_address',
  maxLength: MAX_LENGTH,
  lookbehind: CONTEXT_WINDOW + BOUNDARY,
  lookahead: LOOKAHEAD,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const regex of [IPV4, IPV6]) {
      for (const match of matchAtEveryStart(regex, text)) {
        const start = match.index;
        const value = /[^:]:$/.test(match[0]) ? match[0].slice(0, -1) : match[0];
        if (!isIpAddress(value)) continue;
        if (NOT_AN_ADDRESS.test(text.slice(Math.max(0, start - CONTEXT_WINDOW), start))) continue;
        found.push({ start, end: start + value.length });
      }
    }
    return found;
  },
  openTailStart(text: string): number {
    // The words that rule an address out come before it; a `/prefix` or a group can still come.
    return Math.min(openRunStart(text, IPV4_RUN, IPV4_START, MAX_LENGTH + LOOKAHEAD), openIpv6Start(text));
  },
};
