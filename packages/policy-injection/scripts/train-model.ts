// Trains the learned layer (src/learned/model.ts) and writes src/learned/injection-model.json.
// Run after a build: `node scripts/train-model.ts`. `--check` retrains and fails if the committed
// file differs, so the weights are reproducible from the repo. `--refresh-readmes` first freezes
// the pnpm store's current README pieces as training data (scripts/training/readme-train.json,
// through @keeptrusts/testkit's trainingReadmePieces).
//
// Fitted on (never on blind/, the llm-warden held-out part or test file, hard-benign.ts or
// benign-vocabulary-blind.ts): the generated texts of scripts/training/generate.ts (80 % by hash;
// the other 20 % is the held-out part of the training distribution, see scripts/eval.ts), the
// promptfoo jailbreak templates filled with requests, the tuning part of llm-warden, README pieces
// (train half), PII-dataset sentences (train half), the benign persona and vocabulary fixtures and
// the round-11 and round-12 development sets (src/fixtures/dev-set.ts, dev-set-r12.ts, each fitted
// only after it was measured).
// Long benign texts add their windows as benign examples, since the detector scores windows too.
//
// Logistic regression (AdaGrad, L2, class-balanced) over hashed n-grams and tags; 5-fold
// cross-validation gives out-of-fold logits, scored exactly as the detector scores (max over
// windows); Platt scaling is fitted on them, and the operating point is the lowest cut-off whose
// out-of-fold FPR stays at or below MAX_FPR overall and on the quoted hard negatives. The slope and
// the shifted intercept are stored so that probability 0.5 is that operating point.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSplits, piiSentences, trainingReadmePieces } from '@keeptrusts/testkit/corpora';
import { BLOCK, forEachFeature, HASH_BITS, learnedInputs, rawLogit, tagBucket } from '../dist/index.js';
import { BENIGN_PERSONA_TRAIN_A } from '../src/fixtures/benign-persona-train-a.ts';
import { BENIGN_PERSONA_TRAIN_B } from '../src/fixtures/benign-persona-train-b.ts';
import { BENIGN_VOCABULARY_TRAIN } from '../src/fixtures/benign-vocabulary-train.ts';
import { DEV_SET } from '../src/fixtures/dev-set.ts';
import { DEV_SET_R12 } from '../src/fixtures/dev-set-r12.ts';
import { en } from './training/bank-en.ts';
import { generate, seeded } from './training/generate.ts';
import { isGeneratedHeldOut } from './training/held-out.ts';

const SEED = 19;
const PER_LANGUAGE = (lang: string) => (lang === 'en' ? 1400 : lang === 'zh' ? 700 : 440);
const EPOCHS = 6;
const LEARNING_RATE = 0.2;
const L2 = 2e-6;
const FOLDS = 5;
const MAX_FPR = 0.01;
const MAX_WINDOWS = 6;

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { check: { type: 'boolean' }, 'refresh-readmes': { type: 'boolean' } },
});

/** `lang` is set for generated texts only, for the per-language cross-validation figures. */
type Source = { text: string; label: 0 | 1; kind: string; lang?: string };
const sources: Source[] = [];
const seen = new Set<string>();
const add = (text: string, label: 0 | 1, kind: string, lang?: string) => {
  if (seen.has(text)) return;
  seen.add(text);
  sources.push(lang === undefined ? { text, label, kind } : { text, label, kind, lang });
};
for (const g of generate(SEED, PER_LANGUAGE)) {
  if (!isGeneratedHeldOut(g.text))
    add(g.text, g.label, g.label === 1 ? 'generated-attack' : `generated-${g.family}`, g.lang);
}
const rnd = seeded(SEED + 1);
const templates = JSON.parse(
  readFileSync(join(here, 'training/promptfoo/jailbreak-templates.json'), 'utf8'),
) as string[];
for (const template of templates) {
  for (let k = 0; k < 2; k++) {
    const request = en.demands[Math.floor(rnd() * en.demands.length)] as string;
    add(template.replaceAll('__PROMPT__', request), 1, 'promptfoo');
  }
}
for (const row of loadSplits().tune)
  add(row.prompt, row.label, row.label === 1 ? 'llm-warden-attack' : 'llm-warden-benign');
const readmeFreeze = { manifest: join(here, 'training/readme-train.json'), script: 'scripts/train-model.ts' };
const refresh = values['refresh-readmes'] === true && values.check !== true;
for (const piece of trainingReadmePieces(readmeFreeze, { refresh })) add(piece.text, 0, 'readme');
for (const sentence of piiSentences().train.slice(0, 1500)) add(sentence, 0, 'pii');
for (const text of [...BENIGN_PERSONA_TRAIN_A, ...BENIGN_PERSONA_TRAIN_B]) add(text, 0, 'persona');
for (const text of BENIGN_VOCABULARY_TRAIN) add(text, 0, 'vocabulary');
// The round-11 development set, measured before it was fitted (README, round 11).
for (const row of DEV_SET) add(row.text, row.label, row.label === 1 ? 'dev-attack' : 'dev-benign');
// The round-12 development set, likewise measured before it was fitted (README, rounds 12 and 13).
for (const row of DEV_SET_R12)
  add(row.text, row.label, row.label === 1 ? 'dev-r12-attack' : 'dev-r12-benign');

// Examples: n-gram buckets (value 1/sqrt(n) each) and tag buckets (value 1).
type Example = { grams: Int32Array; tags: Int32Array; label: 0 | 1; source: number; window: boolean };
type Prepared = { normalized: string; tags: string[] };
const prepared: Prepared[] = sources.map((s) => learnedInputs(s.text));
const examples: Example[] = [];
const encode = (
  normalized: string,
  tags: readonly string[],
  label: 0 | 1,
  source: number,
  window: boolean,
) => {
  const grams: number[] = [];
  forEachFeature(normalized, (b) => grams.push(b));
  examples.push({
    grams: Int32Array.from(grams),
    tags: Int32Array.from(tags.map(tagBucket)),
    label,
    source,
    window,
  });
};
sources.forEach((s, i) => {
  const { normalized, tags } = prepared[i]!;
  encode(normalized, tags, s.label, i, false);
  if (s.label === 0 && normalized.length > 2 * BLOCK) {
    const blocks = Math.ceil(normalized.length / BLOCK);
    const step = Math.max(1, Math.floor((blocks - 1) / MAX_WINDOWS));
    for (let j = 0; j + 1 < blocks; j += step)
      encode(normalized.slice(j * BLOCK, (j + 2) * BLOCK), tags, 0, i, true);
  }
});

function train(subset: readonly Example[]): { w: Float32Array; b: number } {
  const size = 1 << HASH_BITS;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let b = 0;
  let bg2 = 1e-8;
  const positives = subset.filter((e) => e.label === 1).length;
  const weightOf = [subset.length / (2 * (subset.length - positives)), subset.length / (2 * positives)];
  const order = subset.map((_, i) => i);
  const shuffle = seeded(SEED + 2);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const e = subset[index]!;
      const v = e.grams.length === 0 ? 0 : 1 / Math.sqrt(e.grams.length);
      let z = b;
      for (const g of e.grams) z += w[g]! * v;
      for (const t of e.tags) z += w[t]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - e.label) * weightOf[e.label]!;
      const step = (i: number, x: number) => {
        const grad = err * x + L2 * w[i]!;
        g2[i]! += grad * grad;
        w[i]! -= (LEARNING_RATE * grad) / Math.sqrt(g2[i]!);
      };
      for (const g of e.grams) step(g, v);
      for (const t of e.tags) step(t, 1);
      bg2 += err * err;
      b -= (LEARNING_RATE * err) / Math.sqrt(bg2);
    }
  }
  return { w: Float32Array.from(w), b };
}

// Folds by source text, so a text's windows stay in its fold.
const foldOf = (source: number) => createHash('sha256').update(sources[source]!.text).digest()[1]! % FOLDS;
const oof = new Float64Array(sources.length);
for (let fold = 0; fold < FOLDS; fold++) {
  const model = train(examples.filter((e) => foldOf(e.source) !== fold));
  sources.forEach((_, i) => {
    if (foldOf(i) !== fold) return;
    oof[i] = rawLogit(model.w, 1, prepared[i]!.normalized, prepared[i]!.tags) + model.b;
  });
  console.log(`fold ${fold + 1}/${FOLDS} done`);
}

// Platt scaling on the out-of-fold logits.
let slope = 1;
let intercept = 0;
for (let it = 0; it < 2000; it++) {
  let ga = 0;
  let gc = 0;
  sources.forEach((s, i) => {
    const p = 1 / (1 + Math.exp(-(slope * oof[i]! + intercept)));
    ga += (p - s.label) * oof[i]!;
    gc += p - s.label;
  });
  slope -= (0.5 * ga) / sources.length;
  intercept -= (0.5 * gc) / sources.length;
}
const calibrated = sources.map((_, i) => 1 / (1 + Math.exp(-(slope * oof[i]! + intercept))));
const rate = (cut: number, keep: (s: Source) => boolean) => {
  const kept = sources.map((s, i) => [s, calibrated[i]!] as const).filter(([s]) => keep(s));
  return kept.filter(([, p]) => p >= cut).length / Math.max(1, kept.length);
};
const tpr = (cut: number) => rate(cut, (s) => s.label === 1);
const fpr = (cut: number) => rate(cut, (s) => s.label === 0);
const quotedFpr = (cut: number) => rate(cut, (s) => s.kind === 'generated-quoted');
console.log(
  `${sources.length} texts (${sources.filter((s) => s.label === 1).length} attacks), ${examples.length} examples`,
);
const cuts = Array.from({ length: 90 }, (_, k) => 0.05 + k * 0.01);
for (const cut of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  console.log(
    `  cut-off ${cut.toFixed(2)}: CV TPR ${tpr(cut).toFixed(3)}  FPR ${fpr(cut).toFixed(3)}  quoted FPR ${quotedFpr(cut).toFixed(3)}`,
  );
}
const cut = cuts.find((c) => fpr(c) <= MAX_FPR && quotedFpr(c) <= 2 * MAX_FPR) ?? 0.95;
console.log(
  `operating point: calibrated probability ${cut.toFixed(2)} (CV TPR ${tpr(cut).toFixed(3)}, FPR ${fpr(cut).toFixed(3)}, quoted FPR ${quotedFpr(cut).toFixed(3)})`,
);
const byKind = [...new Set(sources.map((s) => s.kind))].sort();
for (const kind of byKind)
  console.log(`  CV rate blocked, ${kind}: ${rate(cut, (s) => s.kind === kind).toFixed(3)}`);
for (const lang of new Set(sources.flatMap((s) => (s.lang === undefined ? [] : [s.lang])))) {
  const inLang = (label: 0 | 1) => (s: Source) => s.lang === lang && s.label === label;
  console.log(
    `  CV generated, ${lang}: TPR ${rate(cut, inLang(1)).toFixed(3)}  FPR ${rate(cut, inLang(0)).toFixed(3)}`,
  );
}

const final = train(examples);
// Signed bytes: the scale puts the 99.99th percentile of |w| at 127 and clips the few above it,
// so that the many small n-gram weights keep their resolution.
const magnitudes = Float64Array.from(final.w, Math.abs).sort();
const scale = (magnitudes[Math.floor(magnitudes.length * 0.9999)] as number) / 127;
const bytes = Buffer.alloc(final.w.length);
final.w.forEach((x, i) => {
  bytes.writeInt8(Math.max(-127, Math.min(127, Math.round(x / scale))), i);
});
console.log(`quantised: scale ${scale.toFixed(5)}, ${bytes.filter((b) => b !== 0).length} non-zero weights`);
const round = (x: number) => Math.round(x * 1e6) / 1e6;
const file = {
  about:
    'Generated by scripts/train-model.ts; do not edit by hand. Logistic regression over hashed character 3-5-grams, ' +
    'word unigrams and bigrams of the normalised text and named tags (structure features, fired signals); weights are ' +
    'signed bytes times scale; probability = sigmoid(slope * logit + bias), 0.5 = the cross-validated operating point.',
  hashBits: HASH_BITS,
  scale: round(scale),
  slope: round(slope),
  bias: round(slope * final.b + intercept - Math.log(cut / (1 - cut))),
  training: {
    texts: sources.length,
    examples: examples.length,
    bySource: Object.fromEntries(byKind.map((k) => [k, sources.filter((s) => s.kind === k).length])),
    seed: SEED,
    epochs: EPOCHS,
    learningRate: LEARNING_RATE,
    l2: L2,
    folds: FOLDS,
    maxFpr: MAX_FPR,
    operatingPoint: cut,
    crossValidated: { tpr: round(tpr(cut)), fpr: round(fpr(cut)), quotedFpr: round(quotedFpr(cut)) },
  },
  weights: bytes.toString('base64'),
};
const out = join(here, '..', 'src', 'learned', 'injection-model.json');
const text = `${JSON.stringify(file, null, 1)}\n`;
if (values.check === true) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error(`${out} differs from a fresh training run; run node scripts/train-model.ts and commit it`);
    process.exit(1);
  }
  console.log(`checked ${out}`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
