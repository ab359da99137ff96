// @keeptrusts/core/chain: the policy chain engine, for the host (apps/gateway) and the testkit.
// Plugin authors write hooks (the root's PolicyHooks); this runs them.

// Policy chain
export type { AnswerGate, Released } from './policy/answer-checks.js';
export type {
  AnswerInput,
  BlockedBy,
  CheckOutcome,
  PolicyChain,
  RequestOutcome,
  ResponseOutcome,
  Scope,
  StreamFilter,
  StreamPlan,
  StreamPlanChoice,
} from './policy/chain.js';
export { createPolicyChain } from './policy/chain.js';
export type { RequestTexts } from './policy/segments.js';
// Request texts: the segments a request shows the rules, and where rewrites go back
export { requestTexts } from './policy/segments.js';
