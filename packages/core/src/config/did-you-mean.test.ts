import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

describe('didYouMean', () => {
  it.each([
    ['bse_url', 'base_url'],
    ['timeout_secnods', 'timeout_seconds'],
    ['ssnn', 'ssn'],
    ['helth_probe', 'health_probe'],
    ['BASE_URL', 'base_url'],
  ])('suggests %s → %s', (input, expected) => {
    expect(didYouMean(input, ['base_url', 'timeout_seconds', 'ssn', 'health_probe', 'weight'])).toBe(
      expected,
    );
  });

  it('suggests nothing when no name is close', () => {
    expect(didYouMean('banana', ['base_url', 'weight'])).toBeUndefined();
  });
});
