// Span-level scoring of PII detection, shared by scripts/eval.ts and the eval test. It imports
// nothing at run time, so Node can load it straight from src/ with type stripping.
import type { PiiMatch } from '../scanner.js';

/** A labelled span: what the detector should report. */
export interface GoldSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

/** A text with its labelled spans. */
export interface LabelledText {
  readonly text: string;
  readonly spans: readonly GoldSpan[];
}

/** Precision and recall under one way of matching spans. */
export interface Rates {
  readonly precision: number | undefined;
  readonly recall: number | undefined;
}

/** One pattern's score. */
export interface PatternScore {
  readonly type: string;
  readonly gold: number;
  readonly emitted: number;
  /** Spans equal to a gold span of the same type. */
  readonly exact: Rates;
  /** Spans sharing at least one character with a gold span of the same type. */
  readonly overlap: Rates;
}

/** A record of presidio-research's synth_dataset_v2.json. */
export interface PresidioRecord {
  readonly full_text: string;
  readonly spans: readonly {
    readonly entity_type: string;
    readonly entity_value: string;
    readonly start_position: number;
    readonly end_position: number;
  }[];
}

/** How the dataset's entity types map to our pattern names (others are not scored). */
export const datasetTypes: Readonly<Record<string, string>> = {
  CREDIT_CARD: 'credit_card',
  US_SSN: 'ssn',
  EMAIL_ADDRESS: 'email',
  PHONE_NUMBER: 'phone',
  IP_ADDRESS: 'ip_address',
  IBAN_CODE: 'iban',
};

/** Converts dataset records, keeping only spans of mapped types. */
export function fromPresidio(records: readonly PresidioRecord[]): LabelledText[] {
  return records.map((record) => ({
    text: record.full_text,
    spans: record.spans.flatMap((span) => {
      const type = datasetTypes[span.entity_type];
      return type === undefined ? [] : [{ type, start: span.start_position, end: span.end_position }];
    }),
  }));
}

/**
 * Parses an own case written with inline labels, `My SSN is {{ssn:123-45-6780}}.`, into its text
 * and spans. A text without labels is a negative case.
 */
export function parseLabelled(marked: string): LabelledText {
  const spans: GoldSpan[] = [];
  let text = '';
  let at = 0;
  for (const match of marked.matchAll(/\{\{([a-z_]+):(.*?)\}\}/gs)) {
    text += marked.slice(at, match.index);
    const value = match[2] ?? '';
    spans.push({ type: match[1] ?? '', start: text.length, end: text.length + value.length });
    text += value;
    at = match.index + match[0].length;
  }
  return { text: text + marked.slice(at), spans };
}

const ratio = (part: number, whole: number): number | undefined => (whole === 0 ? undefined : part / whole);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;
const same = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start === b.start && a.end === b.end;

/**
 * Scores `detect` per type. `ignore` removes gold spans from the count, together with any emitted
 * span that overlaps them (so a 12-digit card can be left out without its match counting as wrong).
 */
export function score(
  texts: readonly LabelledText[],
  detect: (text: string) => readonly PiiMatch[],
  types: readonly string[],
  ignore: (text: string, span: GoldSpan) => boolean = () => false,
): PatternScore[] {
  const tallies = new Map(
    types.map((type) => [
      type,
      { gold: 0, emitted: 0, exactHit: 0, overlapHit: 0, exactFound: 0, overlapFound: 0 },
    ]),
  );
  for (const { text, spans } of texts) {
    const ignored = spans.filter((span) => ignore(text, span));
    const gold = spans.filter((span) => !ignore(text, span));
    const emitted = detect(text).filter((m) => !ignored.some((span) => overlaps(span, m)));
    for (const type of types) {
      const tally = tallies.get(type);
      if (tally === undefined) continue;
      const g = gold.filter((span) => span.type === type);
      const e = emitted.filter((m) => m.type === type);
      tally.gold += g.length;
      tally.emitted += e.length;
      tally.exactHit += e.filter((m) => g.some((span) => same(span, m))).length;
      tally.overlapHit += e.filter((m) => g.some((span) => overlaps(span, m))).length;
      tally.exactFound += g.filter((span) => e.some((m) => same(span, m))).length;
      tally.overlapFound += g.filter((span) => e.some((m) => overlaps(span, m))).length;
    }
  }
  return types.map((type) => {
    const t = tallies.get(type) ?? {
      gold: 0,
      emitted: 0,
      exactHit: 0,
      overlapHit: 0,
      exactFound: 0,
      overlapFound: 0,
    };
    return {
      type,
      gold: t.gold,
      emitted: t.emitted,
      exact: { precision: ratio(t.exactHit, t.emitted), recall: ratio(t.exactFound, t.gold) },
      overlap: { precision: ratio(t.overlapHit, t.emitted), recall: ratio(t.overlapFound, t.gold) },
    };
  });
}

const pct = (value: number | undefined): string => (value === undefined ? '  n/a' : value.toFixed(3));

/** Renders scores as a Markdown table. */
export function formatScores(title: string, scores: readonly PatternScore[]): string {
  const rows = scores.map(
    (s) =>
      `| ${s.type} | ${s.gold} | ${s.emitted} | ${pct(s.exact.precision)} | ${pct(s.exact.recall)} | ${pct(s.overlap.precision)} | ${pct(s.overlap.recall)} |`,
  );
  return [
    `### ${title}`,
    '',
    '| pattern | gold | emitted | P exact | R exact | P overlap | R overlap |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
