// The OpenAI-compatible simulator as msw request handlers, for unit tests of an HTTP client that mock the
// network instead of starting a server; the same handler answers as over HTTP.
import type { HttpHandler } from 'msw';
import { mswHandlersFor } from '../msw-handlers.js';
import { createOpenAICompatibleHandler } from './handler.js';
import { OpenAISimulatorState } from './state.js';

/**
 * msw handlers that answer every request under `baseUrl` (e.g. `http://vllm.test:8000`) as the simulator
 * would; pass an {@link OpenAISimulatorState} to pick the flavour and use the knobs and the request log.
 */
export function openAICompatibleHandlers(
  baseUrl: string,
  state: OpenAISimulatorState = new OpenAISimulatorState(),
): HttpHandler[] {
  return mswHandlersFor(baseUrl, createOpenAICompatibleHandler(state));
}
