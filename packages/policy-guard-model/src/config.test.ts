import { describe, expect, it } from 'vitest';
import { guardModelConfig } from './config.js';

const base = { target: 'guard', format: 'llama_guard_3' };

describe('guard_model config', () => {
  it('fills in the defaults', () => {
    expect(guardModelConfig.parse(base)).toMatchObject({
      scan: 'request',
      mode: 'parallel',
      prompt: 'template',
      timeout_ms: 2000,
      on_error: 'block',
      when: 'always',
    });
  });

  it.each([
    ['an unknown category', { ...base, categories: ['S99'] }, 'unknown llama_guard_3 category "S99"'],
    ['when: uncertain without a band', { ...base, when: 'uncertain' }, 'when: uncertain needs a band'],
    [
      'when: uncertain on answers',
      { ...base, when: 'uncertain', scan: 'both', band: { rule: 'x', min: 0.1, max: 0.2 } },
      'judges requests only',
    ],
    [
      'a band upside down',
      { ...base, when: 'uncertain', band: { rule: 'x', min: 0.8, max: 0.2 } },
      'band.min',
    ],
    [
      'a band without when: uncertain',
      { ...base, band: { rule: 'x', min: 0.1, max: 0.2 } },
      'only with when: uncertain',
    ],
    ['custom without its settings', { ...base, format: 'custom' }, 'format: custom needs custom'],
    [
      'a broken verdict pattern',
      { ...base, format: 'custom', custom: { template: 'x', unsafe_pattern: '(' } },
      'not a regular expression',
    ],
    [
      'granite with gateway prompts',
      { ...base, format: 'granite_guardian', prompt: 'gateway' },
      'prompt: template only',
    ],
    [
      'shieldgemma harm types on the template',
      { ...base, format: 'shieldgemma', categories: ['harassment'] },
      'set prompt: gateway',
    ],
    [
      'window settings on a request-only rule',
      { ...base, window_chars: 100 },
      'window_chars is read only when',
    ],
    ['a window too small to judge', { ...base, scan: 'response', window_chars: 4 }, '16'],
    ['a misspelt key', { ...base, timeout: 10 }, 'timeout'],
  ])('rejects %s', (_name, rule, message) => {
    const result = guardModelConfig.safeParse(rule);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join('\n')).toContain(message);
  });

  it('accepts categories by code, name or card name', () => {
    expect(
      guardModelConfig.safeParse({ ...base, categories: ['S1', 'hate', 'Suicide & Self-Harm'] }).success,
    ).toBe(true);
  });
});
