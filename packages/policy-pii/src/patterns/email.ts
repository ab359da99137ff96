import { parse } from 'tldts';
import { type Candidate, type Detector, matchAtEveryStart, openRunStart } from './detector.js';

const ATOM_CHAR = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~\-]`;
const ATOM = `${ATOM_CHAR}+`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;
// Every character an address can hold.
const ADDRESS_CHAR = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~.@\-]`;
const ADDRESS_START = `(?<!${ADDRESS_CHAR})`;

// The whole local-part run (nothing address-like right before it) and the whole domain run
// (no further label after it), so a prefix or suffix of a longer token is never taken.
const EMAIL = new RegExp(
  String.raw`${ADDRESS_START}${ATOM}(?:\.${ATOM})*@(?:${LABEL}\.)+${LABEL}` +
    String.raw`(?![\p{L}\p{N}_@\-])(?!\.[\p{L}\p{N}])`,
  'gu',
);

// Its end checks read on only after a `.`, itself an address character; an address begins
// only at the start of such a run, so the run's first character is the only place to look.
const OPEN_RUN = new RegExp(`^${ADDRESS_CHAR}$`, 'u');
const OPEN_START = new RegExp(ADDRESS_START + ATOM_CHAR, 'gu');

const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;
const LOOKAHEAD = 4;

/**
 * Whether `address` is an e-mail address we treat as personal: local part at most 64 and whole
 * address at most 254 characters, and a domain under a real (ICANN) public suffix, so
 * `x@localhost`, `x@host.invalid` and `x@co.uk` are refused.
 */
export function isEmailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1 || at > MAX_LOCAL || address.length > MAX_ADDRESS) return false;
  const host = parse(address.slice(at + 1).toLowerCase(), { allowPrivateDomains: false });
  return host.isIcann === true && host.domain !== null && host.isIp !== true;
}

/** E-mail addresses (RFC 5322 dot-atoms, internationalised letters allowed). */
export const email: Detector = {
  type: 'email',
  maxLength: MAX_ADDRESS,
  lookbehind: 2,
  lookahead: LOOKAHEAD,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const match of matchAtEveryStart(EMAIL, text)) {
      if (isEmailAddress(match[0])) found.push({ start: match.index, end: match.index + match[0].length });
    }
    return found;
  },
  openTailStart(text: string): number {
    // Until the run ends, the domain can grow (`example.co` → `example.com`) or be spoiled (`-x`).
    return openRunStart(text, OPEN_RUN, OPEN_START, MAX_ADDRESS + LOOKAHEAD);
  },
};
