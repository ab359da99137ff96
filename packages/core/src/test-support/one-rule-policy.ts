import { z } from 'zod';
import type { PolicyConfig } from '../config/types.js';
import { definePolicy } from '../plugin/define.js';
import type { PolicyHooks } from '../plugin/types.js';

/** A policy of one rule whose instance is `hooks`, as the loader would hand it to the chain (tests only). */
export function oneRulePolicy(
  id: string,
  type: string,
  hooks: PolicyHooks,
  scope: Partial<PolicyConfig> = {},
): PolicyConfig {
  const definition = definePolicy({ type, configSchema: z.strictObject({}), create: () => hooks });
  return {
    id,
    description: undefined,
    appliesTo: undefined,
    targets: undefined,
    rules: [{ type, definition, config: {}, origin: { file: 'x.yaml', path: [] } }],
    origin: { file: 'x.yaml', path: [] },
    ...scope,
  };
}
