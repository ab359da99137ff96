// Conformance suites plugin authors run in their own tests (vitest), as the built-in plugins do

export type { SinkRun, TestAuditSinkOptions } from './test-audit-sink.js';
export { testAuditSink } from './test-audit-sink.js';
export type {
  InvalidPolicyConfig,
  PolicyCase,
  PolicyCaseExpectation,
  PolicyCaseRequest,
  TestPolicyOptions,
} from './test-policy.js';
export { testPolicy } from './test-policy.js';
export type { ProviderUpstream, TestProviderOptions } from './test-provider.js';
export { testProvider } from './test-provider.js';
