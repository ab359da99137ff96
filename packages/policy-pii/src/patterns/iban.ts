import {
  type Candidate,
  type Detector,
  firstMatchFrom,
  isWordCharAt,
  matchAtEveryStart,
} from './detector.js';

/**
 * BBAN structure per country from the SWIFT IBAN registry, in the registry's notation:
 * `n` digits, `a` upper-case letters, `c` letters or digits. The IBAN is the country code,
 * two check digits and the BBAN, so its length is 4 + the BBAN's.
 */
export const ibanStructures: Readonly<Record<string, string>> = {
  AD: '8n12c',
  AE: '19n',
  AL: '8n16c',
  AT: '16n',
  AZ: '4a20c',
  BA: '16n',
  BE: '12n',
  BG: '4a6n8c',
  BH: '4a14c',
  BI: '23n',
  BR: '23n1a1c',
  BY: '4c4n16c',
  CH: '5n12c',
  CR: '18n',
  CY: '8n16c',
  CZ: '20n',
  DE: '18n',
  DJ: '23n',
  DK: '14n',
  DO: '4c20n',
  EE: '16n',
  EG: '25n',
  ES: '20n',
  FI: '14n',
  FK: '2a12n',
  FO: '14n',
  FR: '10n11c2n',
  GB: '4a14n',
  GE: '2a16n',
  GI: '4a15c',
  GL: '14n',
  GR: '7n16c',
  GT: '24c',
  HR: '17n',
  HU: '24n',
  IE: '4a14n',
  IL: '19n',
  IQ: '4a15n',
  IS: '22n',
  IT: '1a10n12c',
  JO: '4a4n18c',
  KW: '4a22c',
  KZ: '3n13c',
  LB: '4n20c',
  LC: '4a24c',
  LI: '5n12c',
  LT: '16n',
  LU: '3n13c',
  LV: '4a13c',
  LY: '21n',
  MC: '10n11c2n',
  MD: '20c',
  ME: '18n',
  MK: '3n10c2n',
  MN: '16n',
  MR: '23n',
  MT: '4a5n18c',
  MU: '4a19n3a',
  NI: '4a20n',
  NL: '4a10n',
  NO: '11n',
  OM: '3n16c',
  PK: '4a16c',
  PL: '24n',
  PS: '4a21c',
  PT: '21n',
  QA: '4a21c',
  RO: '4a16c',
  RS: '18n',
  RU: '14n15c',
  SA: '2n18c',
  SC: '4a20n3a',
  SD: '14n',
  SE: '20n',
  SI: '15n',
  SK: '20n',
  SM: '1a10n12c',
  SO: '19n',
  ST: '21n',
  SV: '4a20n',
  TL: '19n',
  TN: '20n',
  TR: '6n16c',
  UA: '6n19c',
  VA: '18n',
  VG: '4a16n',
  XK: '16n',
  YE: '4a4n18c',
};

const CLASS = { n: '\\d', a: '[A-Z]', c: '[A-Z\\d]' } as const;

function compile(structure: string): { length: number; bban: RegExp } {
  let source = '';
  let length = 4;
  for (const [, count = '0', kind = 'c'] of structure.matchAll(/(\d+)([nac])/g)) {
    source += `${CLASS[kind as keyof typeof CLASS]}{${count}}`;
    length += Number(count);
  }
  return { length, bban: new RegExp(`^${source}$`) };
}

const specs = new Map(
  Object.entries(ibanStructures).map(([country, structure]) => [country, compile(structure)]),
);

/** Longest IBAN, printed in groups of four: 34 characters and 8 spaces. */
const MAX_PRINTED = 34 + 8;
const LOOKAHEAD = 2;

// Where an IBAN can start: two letters and two digits at the start of a word.
const IBAN_START = /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}/gu;

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * Whether `compact` (no spaces, any case) is an IBAN: a registry country, that country's length
 * and BBAN structure, and a valid mod-97 checksum. Lower case is accepted when the upper-cased
 * value is valid.
 */
export function isIban(compact: string): boolean {
  const upper = compact.toUpperCase();
  const spec = specs.get(upper.slice(0, 2));
  if (spec === undefined || upper.length !== spec.length || !/^\d{2}$/.test(upper.slice(2, 4))) return false;
  return spec.bban.test(upper.slice(4)) && ibanChecksumValid(upper);
}

const ALNUM = /^[A-Za-z\d]+$/;

// Reads `length` characters from `at`, either compact or in space-separated groups of four.
function readIban(text: string, at: number, length: number): { end: number; compact: string } | undefined {
  const compact = text.slice(at, at + length);
  if (compact.length === length && ALNUM.test(compact) && !isWordCharAt(text, at + length)) {
    return { end: at + length, compact };
  }
  let value = text.slice(at, at + 4);
  let pos = at + 4;
  while (value.length < length) {
    if (text[pos] !== ' ') return undefined;
    const group = text.slice(pos + 1, pos + 1 + Math.min(4, length - value.length));
    if (!ALNUM.test(group) || group.length !== Math.min(4, length - value.length)) return undefined;
    value += group;
    pos += 1 + group.length;
  }
  return isWordCharAt(text, pos) ? undefined : { end: pos, compact: value };
}

// Whether `tail` (from a place where an IBAN can start to the end of the text) can still be read
// as an IBAN, compact or grouped, or is one waiting for the character after it. Mirrors
// `readIban`: once a character breaks both readings, no text after it mends them.
function couldBeIban(tail: string): boolean {
  if (!/^(?:[A-Za-z]{0,2}|[A-Za-z]{2}\d{1,2})$/.test(tail.slice(0, 4))) return false;
  if (tail.length < 2) return true;
  const spec = specs.get(tail.slice(0, 2).toUpperCase());
  if (spec === undefined) return false;
  if (tail.length < 4 || (tail.length <= spec.length && ALNUM.test(tail))) return true;
  let count = 4;
  let pos = 4;
  while (count < spec.length) {
    if (pos >= tail.length) return true;
    if (tail[pos] !== ' ') return false;
    const group = tail.slice(pos + 1, pos + 1 + Math.min(4, spec.length - count));
    if (group !== '' && !ALNUM.test(group)) return false;
    count += group.length;
    pos += 1 + group.length;
  }
  return pos >= tail.length;
}

const WORD_START = /(?<![\p{L}\p{N}_])[A-Za-z]/gu;

/** International Bank Account Numbers, compact or grouped by four, checked against the registry. */
export const iban: Detector = {
  type: 'iban',
  maxLength: MAX_PRINTED,
  lookbehind: 2,
  lookahead: LOOKAHEAD,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const match of matchAtEveryStart(IBAN_START, text)) {
      const spec = specs.get(match[0].slice(0, 2).toUpperCase());
      if (spec === undefined) continue;
      const read = readIban(text, match.index, spec.length);
      if (read !== undefined && isIban(read.compact)) found.push({ start: match.index, end: read.end });
    }
    return found;
  },
  openTailStart(text: string): number {
    // Letters and spaces run on through prose, so each word start in reach is tried instead.
    let at = firstMatchFrom(text, WORD_START, Math.max(0, text.length - MAX_PRINTED - LOOKAHEAD));
    while (at < text.length && !couldBeIban(text.slice(at))) at = firstMatchFrom(text, WORD_START, at + 1);
    return at;
  },
};
