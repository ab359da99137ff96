import { describe, expect, it } from 'vitest';
import { sameOllamaModel } from './model-name.js';

describe('sameOllamaModel', () => {
  it.each([
    ['llama3.3', 'llama3.3'],
    ['llama3.3', 'llama3.3:latest'],
    ['llama3.3:latest', 'llama3.3'],
    ['Llama3.3', 'llama3.3:LATEST'],
    ['hf.co/org/model:Q4_K_M', 'HF.co/org/model:q4_k_m'],
  ])('treats %s and %s as one model', (configured, requested) => {
    expect(sameOllamaModel(configured, requested)).toBe(true);
  });

  it.each([
    ['llama3.3', 'llama3.3:70b'],
    ['llama3.3:70b', 'llama3.3'],
    ['llama3.3', 'llama3'],
    ['mistral', 'mistral:7b'],
  ])('tells %s from %s', (configured, requested) => {
    expect(sameOllamaModel(configured, requested)).toBe(false);
  });
});
