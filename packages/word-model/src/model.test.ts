import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileWordModel,
  compileWordModels,
  featureNorm,
  logistic,
  wordFeatures,
  wordProbabilities,
  wordProbability,
} from './model.js';
import { trainedProbability } from './train.js';

const file = (bias: number, weights: [string, number][]) => ({
  description: '',
  training: {},
  bias,
  weights,
});

describe('wordFeatures', () => {
  it('gives the distinct words and adjacent pairs', () => {
    expect([...wordFeatures(['stay', 'in', 'character', 'stay', 'in'])].sort()).toEqual(
      ['character', 'character stay', 'in', 'in character', 'stay', 'stay in'].sort(),
    );
  });
});

describe('wordProbability', () => {
  const model = compileWordModel(
    file(-1, [
      ['developer', 1],
      ['developer mode', 2],
      ['mode', 0.5],
      ['the', -0.25],
    ]),
  );

  it('is the logistic of bias plus the normalised sum of distinct feature weights', () => {
    const words = ['enable', 'developer', 'mode', 'developer', 'mode', 'the'];
    expect(wordProbability(model, words)).toBeCloseTo(
      logistic(-1 + (1 + 2 + 0.5 - 0.25) * featureNorm(6)),
      12,
    );
  });

  it('counts a pair only when its words are adjacent', () => {
    const apart = wordProbability(model, ['developer', 'x', 'mode']);
    expect(apart).toBeCloseTo(logistic(-1 + 1.5 * featureNorm(3)), 12);
  });

  it('gives the bias alone for no words, and the same answer on every call', () => {
    expect(wordProbability(model, [])).toBeCloseTo(logistic(-1), 12);
    const words = ['developer', 'mode'];
    expect(wordProbability(model, words)).toBe(wordProbability(model, words));
  });

  it('agrees with the training-time scorer for any words and weights', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.array(
          fc.tuple(word, fc.option(word, { nil: undefined }), fc.double({ min: -5, max: 5, noNaN: true })),
        ),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (words, raw, bias) => {
          const weights = new Map<string, number>();
          for (const [a, b, w] of raw) weights.set(b === undefined ? a : `${a} ${b}`, w);
          const compiled = compileWordModel(file(bias, [...weights]));
          const expected = trainedProbability({ bias, weights }, { words, label: 0 });
          expect(wordProbability(compiled, words)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });

  it('counts extra features once each, never in pairs, and in the norm', () => {
    const tagged = compileWordModel(
      file(0, [
        ['@tag', 1],
        ['mode @tag', 5],
      ]),
    );
    expect(wordProbability(tagged, ['mode'], ['@tag', '@tag'])).toBeCloseTo(
      logistic(1 * featureNorm(1, 2)),
      12,
    );
    expect(wordProbability(tagged, ['mode'], [])).toBeCloseTo(0.5, 12);
    const trained = trainedProbability(
      { bias: 0, weights: new Map([['@tag', 1]]) },
      { words: ['mode'], extras: ['@tag'], label: 0 },
    );
    expect(wordProbability(tagged, ['mode'], ['@tag'])).toBeCloseTo(trained, 12);
  });

  it('refuses a weight that is not a finite number', () => {
    expect(() => compileWordModel(file(0, [['x', Number.NaN]]))).toThrow(/"x" is not a finite number/);
    expect(() => compileWordModel(file(Number.POSITIVE_INFINITY, []))).toThrow(/bias/);
  });
});

describe('wordProbabilities', () => {
  it('scores every model of a set as each would alone, in compile order', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', '@t');
    const model = fc.record({
      bias: fc.double({ min: -3, max: 3, noNaN: true }),
      raw: fc.array(
        fc.tuple(word, fc.option(word, { nil: undefined }), fc.double({ min: -5, max: 5, noNaN: true })),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(model, { minLength: 1, maxLength: 4 }),
        fc.array(word, { maxLength: 30 }),
        fc.array(fc.constantFrom('@t', '@u'), { maxLength: 3 }),
        (models, words, extras) => {
          const files = models.map(({ bias, raw }) => {
            const weights = new Map<string, number>();
            for (const [a, b, w] of raw) weights.set(b === undefined ? a : `${a} ${b}`, w);
            return file(bias, [...weights]);
          });
          const set = compileWordModels(files);
          const together = [...wordProbabilities(set, words, extras)];
          // Twice: the marks of one call must not leak into the next.
          expect([...wordProbabilities(set, words, extras)]).toEqual(together);
          expect(together).toEqual(files.map((f) => wordProbability(compileWordModel(f), words, extras)));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});
