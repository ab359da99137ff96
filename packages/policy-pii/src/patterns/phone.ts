import { type CountryCode, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  BOUNDARY,
  type Candidate,
  type Detector,
  firstMatchFrom,
  matchAtEveryStart,
  openRunStart,
} from './detector.js';

// A whole phone-like run: optional `+`, an optional `(area)`, 7–17 digits joined by single
// spaces, dashes, dots, slashes or `(0)`-style groups, and an optional extension. Unlike other
// numbers a phone may be glued to a label by a hyphen (`082 490 1693-Office`); a time is not
// a phone (`…-15 10:22`).
const PHONE_RUN =
  /(?<![\p{L}\p{N}_+(])(?<!\p{N}[ \-./,])(?:\+ ?)?(?:\(\d{1,5}\)[ \-.]?)?\d(?:(?:[ \-./]|[ \-.]?\(\d{1,4}\)[ \-.]?)?\d){5,16}(?: ?(?:x|ext\.?|extension|#) ?\d{1,6})?(?![\p{L}\p{N}_])(?![ \-./,]\p{N})(?!:\d)/giu;

const PHONE_CONTEXT =
  /(?<!\p{L})(?:(?:tele|cell|smart)?phones?|tel|mobile|mob|cell|fax|call(?:ing)?|dial|text|sms|whatsapp|contact|reach|desk|office|landline|hotline|ring|t[ée]l[ée]phone|telefon|handy|portable|numéro)(?!\p{L})/giu;
// Identifiers that are not phone numbers, when no phone word is nearer.
const NOT_PHONE_CONTEXT =
  /(?<!\p{L})(?:licen[cs]e|id|account|acct|order|invoice|tracking|ref(?:erence)?|serial|customer|member|policy|case|ticket|zip|postal|post\s*code|isbn|sku|part|model|version|build|po|bol|iban|card|routing|swift|date)(?!\p{L})/giu;
const CONTEXT_WINDOW = 40;
const MAX_LENGTH = 40;

// What a run can hold (digits, `+ ( ) - . /`, spaces, the letters of `x`, `ext`, `extension`
// under the same `iu` flags, `#`) and the characters after which its end checks read on (`,5`, `:1`).
const OPEN_RUN = /^[\d +()\-./,:#extnsio]$/iu;
const RUN_START = /(?<![\p{L}\p{N}_+(])(?<!\p{N}[ \-./,])[+(\d]/giu;
const DIGIT_BEFORE_LETTERS = /^[^\p{L}\d]*(?:\d|$)/u;

/** Regions a number written without `+` is tried in. */
export const defaultPhoneRegions: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR'];

/** Regions also tried when a phone word (phone, tel, mobile, fax, call …) precedes the number. */
export const contextPhoneRegions: readonly CountryCode[] = [
  ...defaultPhoneRegions,
  ...([
    'AU',
    'IN',
    'BR',
    'IL',
    'IT',
    'ES',
    'NL',
    'BE',
    'CH',
    'AT',
    'SE',
    'NO',
    'DK',
    'FI',
    'PL',
    'PT',
    'IE',
  ] as const),
  ...(['NZ', 'ZA', 'MX', 'JP', 'CN', 'HU', 'CZ', 'RU', 'GR', 'TR'] as const),
];

const EXTENSION = /\s?(?:x|ext\.?|extension|#)\s?\d{1,6}$/i;
const DATE = /^(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:\d{2}|\d{4}))$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const SSN_SHAPE = /^\d{3}([ -])\d{2}\1\d{4}$/;
const STARTS_WITH_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)/;
// 3-2-4 digits in any separators is an SSN or a near miss of one, not a phone number.
const SSN_LIKE = /^\d{3}[ \-./]\d{2}[ \-./]\d{4}$/;
// `1 234 567 890`, `12,345,678`: a count with thousands separators.
const THOUSANDS = /^\d{1,2}([ ,.])\d{3}(?:\1\d{3})+$/;
// `(212) 764-2093`: an area code in brackets, then two or three groups. Only phone numbers are
// written so, so this shape wins over an identifier word before it ("Customer (212) 764-2093", #20).
const EXPLICIT_FORMAT = /^\(\d{2,5}\)[ \-.]?\d{2,4}(?:[ \-.]\d{2,4}){1,2}$/;
// Groupings no one writes a phone number in, without `+` (#20): card groups (`4821 739215 66043`,
// `4821 7392 1566 0431`) and a lone trailing digit, as IMEIs end (`35-209900-176148-1`).
const CARD_GROUPS = /^\d{4}([ -])(?:\d{6}\1\d{4,5}|\d{4}\1\d{4}\1\d{1,4})$/;
const LONE_LAST_DIGIT = /[ \-./]\d$/;

/**
 * Whether a phone-like run is a phone number: not shaped like a date, an IPv4 address or an SSN,
 * 7–15 digits, and valid (libphonenumber's full metadata) as an international number or in one of
 * the regions tried. A run of bare digits counts only after a phone word.
 */
export function isPhoneNumber(run: string, cue: PhoneCue = 'none'): boolean {
  const body = run.replace(EXTENSION, '');
  if (DATE.test(body) || STARTS_WITH_DATE.test(body) || DOTTED_QUAD.test(body) || SSN_SHAPE.test(body))
    return false;
  // Dots make decimals and versions (`122.0.6261.112`, `37.7749/122.4194`) unless used alone
  // between groups of two or more digits (`650.555.0123`, `01.84.17.61.18`).
  if (body.includes('.') && !/^\+?\d{2,}(?:\.\d{2,})+$/.test(body)) return false;
  const digits = body.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  // With a country code the number's shape says enough: a possible length for that country.
  if (body.startsWith('+')) return parsePhoneNumberFromString(run)?.isPossible() === true;
  if (CARD_GROUPS.test(body) || LONE_LAST_DIGIT.test(body)) return false;
  const heard = cue === 'other' && EXPLICIT_FORMAT.test(body) ? 'none' : cue;
  if (heard === 'other') return false;
  if (heard === 'none' && (!looksLikePhone(body) || SSN_LIKE.test(body) || THOUSANDS.test(body)))
    return false;
  if (heard === 'phone') {
    return contextPhoneRegions.some((region) => parsePhoneNumberFromString(run, region)?.isValid() === true);
  }
  // Without a phone word, a region is guessed only on the evidence a reader uses (#20): outside the
  // North American plan (no trunk prefix), a national number of GB, DE or FR is written with its
  // trunk prefix (`0`), which the parser strips; a number of another region is written in the
  // groups that region writes it in (`699 956 915` in Poland, `71 33 52 22` in Denmark).
  const trunkWritten = defaultPhoneRegions.some((region) => {
    const parsed = parsePhoneNumberFromString(run, region);
    if (parsed?.isValid() !== true) return false;
    return parsed.countryCallingCode === '1' || parsed.nationalNumber.length < digits.length;
  });
  if (trunkWritten) return true;
  // Regions without a trunk prefix write 8–10 digits (PL, CZ, IT, ES, DK, NO); longer runs are
  // left alone, which also keeps the parsing below to a few regions per number.
  if (digits.length > MAX_GROUPED_DIGITS) return false;
  const written = groupLengths(body);
  return regionsOfLength(digits.length).some((region) => {
    const parsed = parsePhoneNumberFromString(run, region);
    return (
      parsed?.isValid() === true &&
      parsed.country === region &&
      groupLengths(parsed.formatNational()) === written
    );
  });
}

const MAX_GROUPED_DIGITS = 10;
let byLength: Map<number, CountryCode[]> | undefined;

/**
 * The regions tried after a phone word whose national numbers can have `length` digits, so the
 * grouping check parses a number in a few regions, not all 31. Built on first use.
 */
function regionsOfLength(length: number): readonly CountryCode[] {
  if (byLength === undefined) {
    byLength = new Map();
    const metadata = new Metadata();
    for (const region of contextPhoneRegions) {
      metadata.selectNumberingPlan(region);
      // A written national number may carry a one-digit trunk prefix.
      for (const possible of metadata.numberingPlan?.possibleLengths() ?? []) {
        for (const written of [possible, possible + 1]) {
          const regions = byLength.get(written) ?? [];
          if (!regions.includes(region)) regions.push(region);
          byLength.set(written, regions);
        }
      }
    }
  }
  return byLength.get(length) ?? [];
}

/** `699 956 915` → `3-3-3`: the lengths of a number's digit groups. */
function groupLengths(number: string): string {
  return number
    .split(/[^\d]+/)
    .filter((group) => group !== '')
    .map((group) => group.length)
    .join('-');
}

/** The nearest cue before a number: a phone word, an identifier word (order, licence, …) or none. */
export type PhoneCue = 'phone' | 'other' | 'none';

// Whichever word comes last wins: `Tel:` says phone, `Order no. (tel. orders) 0123…` does not.
function cueBefore(text: string, start: number): PhoneCue {
  const window = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
  const phoneAt = lastIndex(window, PHONE_CONTEXT);
  const otherAt = lastIndex(window, NOT_PHONE_CONTEXT);
  if (phoneAt === -1 && otherAt === -1) return 'none';
  return phoneAt > otherAt ? 'phone' : 'other';
}

function lastIndex(text: string, words: RegExp): number {
  let last = -1;
  words.lastIndex = 0;
  for (const match of text.matchAll(words)) last = match.index;
  return last;
}

// Without a phone word, a number must be written like one: `(area)`, three or more groups, or a
// leading trunk 0. Two bare groups (`9816 214 Pavlou Dr`) are house numbers and postcodes.
function looksLikePhone(body: string): boolean {
  if (body.includes('(')) return true;
  const groups = body.split(/[ \-./]/).filter((g) => g !== '');
  return groups.length >= 3 || (groups.length === 2 && body.startsWith('0'));
}

/** Phone numbers, validated with libphonenumber-js (international, or in the regions listed above). */
export const phone: Detector = {
  type: 'phone',
  maxLength: MAX_LENGTH,
  lookbehind: CONTEXT_WINDOW + BOUNDARY,
  lookahead: BOUNDARY,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const match of matchAtEveryStart(PHONE_RUN, text)) {
      const start = match.index;
      if (match[0].length > MAX_LENGTH) continue;
      if (isPhoneNumber(match[0], cueBefore(text, start))) {
        found.push({ start, end: start + match[0].length });
      }
    }
    return found;
  },
  openTailStart(text: string): number {
    // The phone word comes before the number, so only a trailing run can still change. Letters
    // are read only after digits (`… x12`), so `(no s` is no number's start.
    let at = openRunStart(text, OPEN_RUN, RUN_START, MAX_LENGTH + BOUNDARY);
    while (at < text.length && !DIGIT_BEFORE_LETTERS.test(text.slice(at))) {
      at = firstMatchFrom(text, RUN_START, at + 1);
    }
    return at;
  },
};
