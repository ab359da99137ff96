import { readFileSync } from 'node:fs';
import { datasetFile as shippedDataset } from '@keeptrusts/testkit/corpora';
import { describe, expect, it } from 'vitest';
import { heldOutNegatives, heldOutPositives, negatives, positives } from '../fixtures/own-cases.js';
import { knownPatterns } from '../patterns/builtin.js';
import { detectPii } from '../scanner.js';
import {
  fromPresidio,
  type GoldSpan,
  type PatternScore,
  type PresidioRecord,
  parseLabelled,
  score,
} from './evaluation.js';

// Throws when the file is missing: the floors below are never silently skipped.
const datasetFile = shippedDataset('pii', 'synth_dataset_v2.json');
const detect = (text: string) => detectPii(text);
const twelveDigits = (text: string, span: GoldSpan): boolean =>
  span.type === 'credit_card' && text.slice(span.start, span.end).replace(/\D/g, '').length === 12;

// Measured with `node scripts/eval.ts`; a change that lowers any of these fails.
type Floor = readonly [type: string, precision: number, recall: number];

function expectFloors(scores: readonly PatternScore[], floors: readonly Floor[]): void {
  for (const [type, precision, recall] of floors) {
    const s = scores.find((candidate) => candidate.type === type);
    expect(s?.overlap.precision, `${type} precision`).toBeGreaterThanOrEqual(precision - 1e-9);
    expect(s?.overlap.recall, `${type} recall`).toBeGreaterThanOrEqual(recall - 1e-9);
    expect(s?.exact.precision, `${type} exact precision`).toBeGreaterThanOrEqual(precision - 1e-9);
    expect(s?.exact.recall, `${type} exact recall`).toBeGreaterThanOrEqual(recall - 1e-9);
  }
}

describe('parseLabelled', () => {
  it('turns inline labels into text and spans', () => {
    expect(parseLabelled('SSN {{ssn:514-79-5339}}, mail {{email:a@b.co}}.')).toEqual({
      text: 'SSN 514-79-5339, mail a@b.co.',
      spans: [
        { type: 'ssn', start: 4, end: 15 },
        { type: 'email', start: 22, end: 28 },
      ],
    });
  });
});

describe('score', () => {
  it('counts exact and overlapping hits separately', () => {
    const texts = [{ text: 'abcdef', spans: [{ type: 'x', start: 0, end: 3 }] }];
    const [s] = score(
      texts,
      () => [
        { type: 'x', start: 1, end: 3 },
        { type: 'x', start: 4, end: 5 },
      ],
      ['x'],
    );
    expect(s).toEqual({
      type: 'x',
      gold: 1,
      emitted: 2,
      exact: { precision: 0, recall: 0 },
      overlap: { precision: 0.5, recall: 1 },
    });
  });
});

describe('own cases', () => {
  const own = [...positives, ...negatives].map(parseLabelled);

  it('hold at least 150 labelled values and 150 negatives', () => {
    expect(own.reduce((n, t) => n + t.spans.length, 0)).toBeGreaterThanOrEqual(150);
    expect(negatives.filter((text) => !text.includes('{{'))).toHaveLength(negatives.length);
    expect(negatives.length).toBeGreaterThanOrEqual(150);
  });

  it('meet the targets: precision and recall 1.0 on ssn, credit_card, email and passport_number', () => {
    expectFloors(score(own, detect, knownPatterns), [
      ['ssn', 1, 1],
      ['credit_card', 1, 1],
      ['email', 1, 1],
      ['passport_number', 1, 1],
      ['ip_address', 1, 1],
      ['iban', 1, 1],
      ['phone', 1, 1],
    ]);
  });
});

describe('own held-out cases', () => {
  it('meet the targets and hold the measured scores', () => {
    const heldOut = [...heldOutPositives, ...heldOutNegatives].map(parseLabelled);
    expectFloors(score(heldOut, detect, knownPatterns), [
      ['ssn', 1, 1],
      ['credit_card', 1, 1],
      ['email', 1, 1],
      ['passport_number', 1, 1],
      ['iban', 1, 1],
      ['ip_address', 3 / 4, 1],
      ['phone', 4 / 5, 1],
    ]);
  });
});

describe('presidio-research synth_dataset_v2', () => {
  const dataset = fromPresidio(JSON.parse(readFileSync(datasetFile, 'utf8')) as PresidioRecord[]);

  it('meets the targets on ssn, credit_card and email, and holds the other patterns', () => {
    expectFloors(score(dataset, detect, knownPatterns), [
      ['ssn', 1, 1],
      ['credit_card', 1, 135 / 136],
      ['email', 1, 1],
      ['ip_address', 1, 1],
      ['iban', 1, 1],
      // Down from 88/92 (#20): four numbers of other regions written without `+`, a phone word or
      // their region's grouping (`416 60 039`) were found only because DE's parser takes any
      // national number, the leniency that also made card- and IMEI-shaped groups phones.
      ['phone', 84 / 85, 84 / 92],
    ]);
  });

  it('finds every card of 13 to 19 digits', () => {
    expectFloors(score(dataset, detect, ['credit_card'], twelveDigits), [['credit_card', 1, 1]]);
  });

  it('emits no passport number on text without passports', () => {
    expect(score(dataset, detect, ['passport_number'])[0]?.emitted).toBe(0);
  });
});
