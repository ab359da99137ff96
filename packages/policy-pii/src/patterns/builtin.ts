import { creditCard } from './credit-card.js';
import type { Detector } from './detector.js';
import { email } from './email.js';
import { iban } from './iban.js';
import { ipAddress } from './ip-address.js';
import { passportNumber } from './passport.js';
import { phone } from './phone.js';
import { ssn } from './ssn.js';

/** Names of the built-in patterns, as written in a rule's `patterns` list. */
export const knownPatterns = [
  'ssn',
  'credit_card',
  'email',
  'passport_number',
  'phone',
  'ip_address',
  'iban',
] as const;

/** A built-in pattern name. */
export type PiiPatternName = (typeof knownPatterns)[number];

/** The detector behind each built-in pattern name. */
export const builtinDetectors: Readonly<Record<PiiPatternName, Detector>> = {
  ssn,
  credit_card: creditCard,
  email,
  passport_number: passportNumber,
  phone,
  ip_address: ipAddress,
  iban,
};

/**
 * Which detector wins when two report exactly the same span: the validated, specific types first,
 * so a nine-digit SSN with context beats a passport number and an IP beats a phone reading.
 */
export const builtinPriority: readonly PiiPatternName[] = [
  'email',
  'iban',
  'credit_card',
  'ssn',
  'passport_number',
  'ip_address',
  'phone',
];
