import {
  BOUNDARY,
  type Candidate,
  type Detector,
  firstMatchFrom,
  hasContextBefore,
  matchAtEveryStart,
  NUMBER_END,
  NUMBER_START,
  openRunStart,
} from './detector.js';

// Passport numbers by shape: 9 digits (US, UK), a letter and 8 digits (US next generation),
// 1–3 letters and 6–9 digits (Canada, India, Japan, China, Spain…), 2 digits 2 letters 5 digits
// (France), and Germany's 9 characters from a restricted alphabet with at least one digit.
const PASSPORT_VALUE = new RegExp(
  String.raw`${NUMBER_START}(?:\d{9}|[A-Z]{1,3}\d{6,9}|\d{2}[A-Z]{2}\d{5}|(?=[A-Z\d]{0,8}\d)[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ\d]{8})${NUMBER_END}`,
  'giu',
);

/**
 * Words that introduce a passport number, in several languages. Bare numbers are never passport
 * numbers: one of these must occur within {@link PASSPORT_CONTEXT_WINDOW} characters before.
 */
export const PASSPORT_CONTEXT =
  /(?<!\p{L})(?:passports?|pass(?:port)?\s*(?:no|nr|#)|passnummer|pass-nr|travel\s+doc(?:ument)?s?|pasaportes?|pasaport|passeports?|reisep[aä]ss|passaport[eio]s?|paspoort|paszport|passi|διαβατήριο|паспорт|护照|護照|パスポート|旅券|여권|جواز\s*(?:ال)?سفر)/iu;
export const PASSPORT_CONTEXT_WINDOW = 40;
const MAX_LENGTH = 12;

// A value's letters and digits (any letter: `[A-Z]` with `iu` also takes `ſ` and the Kelvin
// sign) and the characters after which its end check reads on (`-A`, `.5`).
const OPEN_RUN = /^[\p{L}\p{N}_\-/.,]$/u;
const VALUE_START = new RegExp(String.raw`${NUMBER_START}[A-Z\d]`, 'giu');

/** Passport numbers, recognised only after a passport word (see {@link PASSPORT_CONTEXT}). */
export const passportNumber: Detector = {
  type: 'passport_number',
  maxLength: MAX_LENGTH,
  lookbehind: PASSPORT_CONTEXT_WINDOW + BOUNDARY,
  lookahead: BOUNDARY,
  find(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (const match of matchAtEveryStart(PASSPORT_VALUE, text)) {
      const start = match.index;
      if (hasContextBefore(text, start, PASSPORT_CONTEXT_WINDOW, PASSPORT_CONTEXT)) {
        found.push({ start, end: start + match[0].length });
      }
    }
    return found;
  },
  openTailStart(text: string): number {
    // The passport word comes before the value and has arrived: without one, nothing can start.
    let at = openRunStart(text, OPEN_RUN, VALUE_START, MAX_LENGTH + BOUNDARY);
    while (at < text.length && !hasContextBefore(text, at, PASSPORT_CONTEXT_WINDOW, PASSPORT_CONTEXT)) {
      at = firstMatchFrom(text, VALUE_START, at + 1);
    }
    return at;
  },
};
