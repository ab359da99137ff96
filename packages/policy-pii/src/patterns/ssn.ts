import {
  BOUNDARY,
  type Candidate,
  type Detector,
  hasContextBefore,
  joinedBySeparator,
  matchAtEveryStart,
  NUMBER_END,
  NUMBER_RUN,
  NUMBER_START,
  NUMBER_TOKEN_START,
  openRunStart,
} from './detector.js';

// ddd-dd-dddd, ddd dd dddd or ddd.dd.dddd (one separator throughout, enforced by the
// back-reference), or 9 bare digits.
const SSN_RUN = new RegExp(String.raw`${NUMBER_START}\d{3}([ \-.]?)\d{2}\1\d{4}${NUMBER_END}(?!\1\d)`, 'gu');

// Nine bare digits, and dotted ones (`514.79.5339` is as often a version or a part number), are an
// SSN only when one of these precedes them (#20).
const SSN_CONTEXT = /(?<!\p{L})(?:ssns?|ss#|social[\s-]+security|soc\.?\s*sec)(?!\p{L})/iu;
const CONTEXT_WINDOW = 40;
const MAX_LENGTH = 11;

// Numbers the SSA has voided or that were published as samples (Woolworth wallet, SSA ads).
const KNOWN_SAMPLES = new Set(['123456789', '078051120', '219099999', '457555462']);

/**
 * Whether nine digits can be an issued SSN: area not 000, 666 or 900–999 (ITINs and ad samples),
 * group not 00, serial not 0000, not one repeated digit, not a published sample.
 */
export function isValidSsnDigits(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return !KNOWN_SAMPLES.has(digits);
}

/**
 * US Social Security numbers: `ddd-dd-dddd`, `ddd dd dddd`, or `ddd.dd.dddd` and nine bare digits
 * after a word like "SSN".
 */
export const ssn: Detector = {
  type: 'ssn',
  maxLength: MAX_LENGTH,
  lookbehind: CONTEXT_WINDOW + BOUNDARY,
  lookahead: BOUNDARY,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const match of matchAtEveryStart(SSN_RUN, text)) {
      const value = match[0];
      if (!isValidSsnDigits(value.replace(/\D/g, ''))) continue;
      const start = match.index;
      if (joinedBySeparator(text, start, start + value.length, value)) continue;
      const needsContext = value.length === 9 || value.includes('.');
      if (needsContext && !hasContextBefore(text, start, CONTEXT_WINDOW, SSN_CONTEXT)) continue;
      found.push({ start, end: start + value.length });
    }
    return found;
  },
  openTailStart(text: string): number {
    // A trailing digit token may grow, take a separator, or be spoiled by `-A`, `.5` or ` 5`.
    return openRunStart(text, NUMBER_RUN, NUMBER_TOKEN_START, MAX_LENGTH + BOUNDARY);
  },
};
