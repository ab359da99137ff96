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

// 12–19 digits, compact or in groups of at most six split by one kind of separator (space or
// dash); the back-reference keeps a compact number from swallowing a following ` 5`.
const CARD_RUN = new RegExp(
  String.raw`${NUMBER_START}(?:\d{12,19}|\d{1,6}([ \-])\d{1,6}(?:\1\d{1,6}){1,5})${NUMBER_END}(?!\1\d)`,
  'gu',
);

// 12-digit Maestro numbers look like any 12-digit id, so they need a card word just before.
const CARD_CONTEXT = /(?<!\p{L})(?:card|cc|maestro|debit|credit)(?!\p{L})/iu;
const CONTEXT_WINDOW = 40;
// 19 digits and up to six separators.
const MAX_LENGTH = 19 + 6;

interface IinRule {
  /** Inclusive prefix range, both ends the same number of digits. */
  readonly from: string;
  readonly to: string;
  readonly lengths: readonly number[];
}

const range = (low: number, high: number): number[] =>
  Array.from({ length: high - low + 1 }, (_, i) => low + i);

/**
 * Issuer identification number ranges and the lengths each issues. 12-digit numbers are only
 * Maestro's, and are accepted only with a card word nearby (see {@link CARD_CONTEXT}).
 */
export const iinRules: readonly IinRule[] = [
  { from: '4', to: '4', lengths: [13, 16, 19] }, // Visa
  { from: '51', to: '55', lengths: [16] }, // Mastercard
  { from: '2221', to: '2720', lengths: [16] }, // Mastercard 2-series
  { from: '34', to: '34', lengths: [15] }, // American Express
  { from: '37', to: '37', lengths: [15] },
  { from: '6011', to: '6011', lengths: range(16, 19) }, // Discover
  { from: '644', to: '649', lengths: range(16, 19) },
  { from: '65', to: '65', lengths: range(16, 19) },
  // JCB is assigned 3528–3589; issuers' test ranges and generators use the whole 35 block.
  { from: '35', to: '35', lengths: range(16, 19) },
  { from: '1800', to: '1800', lengths: [15] }, // JCB, legacy 15-digit
  { from: '2131', to: '2131', lengths: [15] },
  { from: '300', to: '305', lengths: [14, ...range(16, 19)] }, // Diners Club
  { from: '3095', to: '3095', lengths: [14, ...range(16, 19)] },
  { from: '36', to: '36', lengths: range(14, 19) },
  { from: '38', to: '39', lengths: range(14, 19) },
  { from: '62', to: '62', lengths: range(16, 19) }, // UnionPay
  { from: '2200', to: '2204', lengths: range(16, 19) }, // Mir
  { from: '60', to: '60', lengths: [16] }, // RuPay
  { from: '81', to: '82', lengths: [16] },
  { from: '508', to: '508', lengths: [16] },
  { from: '50', to: '50', lengths: range(12, 19) }, // Maestro
  { from: '56', to: '58', lengths: range(12, 19) },
  { from: '6304', to: '6304', lengths: range(12, 19) },
  { from: '639', to: '639', lengths: range(12, 19) },
  { from: '67', to: '67', lengths: range(12, 19) },
];

/** The Luhn (mod 10) checksum every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether a number's prefix and length belong to a known card network. */
export function knownIssuer(digits: string): boolean {
  return iinRules.some((rule) => {
    const prefix = digits.slice(0, rule.from.length);
    return prefix >= rule.from && prefix <= rule.to && rule.lengths.includes(digits.length);
  });
}

// Group lengths as cards are printed: fours with a shorter tail, or the Amex/Diners/13-digit styles.
const SPECIAL_GROUPINGS = new Set(['4,6,5', '4,6,4', '4,4,5', '4,3,3,3', '5,5,5']);

/** Whether printed groups (`4111 1111 1111 1111` → 4,4,4,4) look like a card's grouping. */
export function cardGrouping(groups: readonly number[]): boolean {
  if (groups.length === 1) return true;
  if (SPECIAL_GROUPINGS.has(groups.join(','))) return true;
  const last = groups[groups.length - 1] ?? 0;
  return groups.slice(0, -1).every((g) => g === 4) && last >= 1 && last <= 4;
}

/**
 * Whether `value` (digits with optional single spaces or dashes) is a payment card number:
 * one kind of separator, a card-like grouping, a known issuer range and length, and Luhn.
 */
export function isCreditCardNumber(value: string): boolean {
  const separators = new Set(value.replace(/\d/g, ''));
  if (separators.size > 1) return false;
  const groups = value.split(/[ -]/).map((g) => g.length);
  if (!cardGrouping(groups)) return false;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 12 && digits.length <= 19 && knownIssuer(digits) && luhnValid(digits);
}

/** Payment card numbers (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro, Mir, RuPay). */
export const creditCard: Detector = {
  type: 'credit_card',
  maxLength: MAX_LENGTH,
  lookbehind: CONTEXT_WINDOW + BOUNDARY,
  lookahead: BOUNDARY,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const match of matchAtEveryStart(CARD_RUN, text)) {
      const value = match[0];
      if (!isCreditCardNumber(value)) continue;
      const start = match.index;
      if (joinedBySeparator(text, start, start + value.length, value)) continue;
      if (
        value.replace(/\D/g, '').length === 12 &&
        !hasContextBefore(text, start, CONTEXT_WINDOW, CARD_CONTEXT)
      ) {
        continue;
      }
      found.push({ start, end: start + value.length });
    }
    return found;
  },
  openTailStart(text: string): number {
    // A trailing digit token may grow, take a separator, or be spoiled by `-A`, `.5` or ` 5`.
    return openRunStart(text, NUMBER_RUN, NUMBER_TOKEN_START, MAX_LENGTH + BOUNDARY);
  },
};
