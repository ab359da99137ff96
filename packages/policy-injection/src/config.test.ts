import { describe, expect, it } from 'vitest';
import { promptInjectionConfig } from './config.js';
import { DEFAULT_THRESHOLD } from './injection-detector.js';

describe('promptInjectionConfig', () => {
  it('fills in defaults', () => {
    expect(promptInjectionConfig.parse({ action: 'block' })).toEqual({
      action: 'block',
      threshold: DEFAULT_THRESHOLD,
      scan_roles: ['user', 'prompt', 'tool'],
      languages: ['en', 'es', 'de', 'fr', 'zh', 'it', 'pt', 'ja', 'ru', 'ko', 'ar', 'hi', 'nl', 'pl', 'tr'],
      learned: true,
    });
  });

  it('accepts a full rule', () => {
    const rule = {
      action: 'block',
      threshold: 0.7,
      scan_roles: ['user', 'tool'],
      languages: ['en', 'zh', 'it', 'ja', 'ar'],
      learned: false,
    };
    expect(promptInjectionConfig.parse(rule)).toEqual(rule);
  });

  it.each([
    { name: 'missing action', config: {} },
    { name: 'unknown action', config: { action: 'warn' } },
    { name: 'threshold above 1', config: { action: 'block', threshold: 1.5 } },
    { name: 'negative threshold', config: { action: 'block', threshold: -0.1 } },
    { name: 'unknown role', config: { action: 'block', scan_roles: ['function'] } },
    { name: 'empty roles', config: { action: 'block', scan_roles: [] } },
    { name: 'unknown language', config: { action: 'block', languages: ['sv'] } },
    { name: 'unknown key', config: { action: 'block', treshold: 0.5 } },
    { name: 'learned that is not a boolean', config: { action: 'block', learned: 'yes' } },
  ])('rejects $name', ({ config }) => {
    expect(promptInjectionConfig.safeParse(config).success).toBe(false);
  });
});
