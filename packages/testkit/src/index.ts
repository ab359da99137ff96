// Ollama simulator over HTTP
export { startOllamaSimulator } from './simulator.js';
export type { OllamaSimulator, OllamaSimulatorOptions } from './simulator.js';
export { serveFetchHandler } from './node-server.js';
export { type StallingUpstream, startStallingUpstream } from './stalling-upstream.js';
export type { ServedHandler, ServeOptions } from './node-server.js';

// The same simulator as a fetch handler and as msw handlers
export { createOllamaHandler } from './handler.js';
export type { FetchHandler } from './handler.js';
export { ollamaHandlers } from './msw-handlers.js';
export { setupUpstreamServer, type UpstreamServer } from './msw-server.js';

// Knobs, request log and state shared with msw
export { createSimulatorState, INFERENCE_PATHS, SimulatorState } from './simulator-state.js';
export type {
  FailureOptions,
  KnobOptions,
  OllamaSimulatorControl,
  RecordedRequest,
  SimulatorStateOptions,
  StreamErrorOptions,
  ToolCallReply,
} from './simulator-state.js';

// OpenAI-compatible simulators: vLLM, llama.cpp's llama-server, LM Studio
export { startOpenAICompatibleSimulator } from './openai/simulator.js';
export type { OpenAICompatibleSimulator, OpenAICompatibleSimulatorOptions } from './openai/simulator.js';
export { createOpenAICompatibleHandler } from './openai/handler.js';
export { openAICompatibleHandlers } from './openai/msw-handlers.js';
export { OPENAI_GENERATION_PATHS, OPENAI_INFERENCE_PATHS, OpenAISimulatorState } from './openai/state.js';
export type { OpenAISimulatorControl, OpenAISimulatorStateOptions } from './openai/state.js';
export { defaultOpenAIModels, OPENAI_FLAVOURS } from './openai/models.js';
export type { OpenAICompatibleModel, OpenAIFlavour } from './openai/models.js';

// Model catalogue
// Guard models: verdicts by markers, in each guard format
export { GUARD_MARKERS, guardReply, ollamaGuardModel, openAIGuardModel } from './guard.js';
export type { GuardFormatName, GuardSpec } from './guard.js';
export { defaultModels } from './models.js';
export type { ModelCapability, SimulatedModel } from './models.js';
export { parseModelName } from './model-names.js';
export type { ModelName } from './model-names.js';

// Building blocks tests may want to reproduce exactly
export { tokenize } from './tokens.js';
export { embedVector } from './embeddings.js';

// Policy harness for plugin tests: the real chain around one rule
export { chatScope, policyChainFor, userText } from './policy-harness.js';
export type { PolicyHarnessOptions } from './policy-harness.js';

// A private PostgreSQL server for tests that stop and start the database (Debian's binaries)
export { findPostgresBinDir, startPostgresServer } from './postgres-server.js';
export type { PostgresServer } from './postgres-server.js';
