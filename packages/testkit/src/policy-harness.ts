import type { EndpointKind, PolicyContext, PolicyDefinition, TextSegment } from '@keeptrusts/core';
import { createPolicyChain, type PolicyChain } from '@keeptrusts/core/chain';

/** Options for {@link policyChainFor}: the policy's scope and what the host offers its rule. */
export interface PolicyHarnessOptions {
  policyId?: string;
  appliesTo?: readonly EndpointKind[];
  targets?: readonly string[];
  context?: Omit<PolicyContext, 'policyId'>;
}

/**
 * Builds the gateway's policy chain around one rule, its YAML settings validated by the rule's
 * own schema exactly as the config loader does, so a plugin's tests run the engine that ships.
 *
 * @example
 * const chain = await policyChainFor(keywordDeny, { action: 'block', words: ['secret'] });
 * const outcome = await chain.request(chatScope, { segments: [userText('a secret')], maxTokens: undefined, metadata: {} });
 */
export async function policyChainFor(
  definition: PolicyDefinition<unknown>,
  rule: unknown,
  options: PolicyHarnessOptions = {},
): Promise<PolicyChain> {
  const parsed = definition.configSchema.safeParse(rule);
  if (!parsed.success) {
    throw new Error(
      `invalid ${definition.type} rule: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  const origin = { file: 'test.yaml', path: [] };
  return createPolicyChain(
    [
      {
        id: options.policyId ?? 'test-policy',
        description: undefined,
        appliesTo: options.appliesTo,
        targets: options.targets,
        rules: [{ type: definition.type, definition, config: parsed.data, origin }],
        origin,
      },
    ],
    options.context,
  );
}

/** A chat request to target `t`, model `m`: the scope most policy tests use. */
export const chatScope = { endpoint: 'chat', targetId: 't', model: 'm' } as const;

/** A user message segment, as the gateway shows it to policies. */
export function userText(text: string, id = 0): TextSegment {
  return { id, role: 'user', source: 'message', text };
}
