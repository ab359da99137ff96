// startOpenAICompatibleSimulator: an OpenAI-compatible server (vLLM, llama.cpp's llama-server or LM
// Studio) served over real HTTP on loopback and steered through its knobs.
import { serveFetchHandler } from '../node-server.js';
import { knobControl } from '../simulator-knobs.js';
import { createOpenAICompatibleHandler } from './handler.js';
import type { OpenAIFlavour } from './models.js';
import {
  type OpenAISimulatorControl,
  OpenAISimulatorState,
  type OpenAISimulatorStateOptions,
} from './state.js';

/** Options for {@link startOpenAICompatibleSimulator}. */
export interface OpenAICompatibleSimulatorOptions extends OpenAISimulatorStateOptions {
  /** Port to listen on; default 0 (a free port). */
  readonly port?: number;
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string;
}

/** A running OpenAI-compatible simulator; it is a `ProviderUpstream` for `testProvider`. */
export interface OpenAICompatibleSimulator extends OpenAISimulatorControl {
  /** `http://127.0.0.1:PORT`, no trailing slash and no `/v1`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly flavour: OpenAIFlavour;
  /** The state behind the server. */
  readonly state: OpenAISimulatorState;
  /** Stops the server, ending open connections and hung requests; never hangs. */
  close(): Promise<void>;
}

/** Starts a simulated vLLM, llama.cpp or LM Studio server over HTTP for tests and local runs. */
export async function startOpenAICompatibleSimulator(
  options: OpenAICompatibleSimulatorOptions = {},
): Promise<OpenAICompatibleSimulator> {
  const state = new OpenAISimulatorState(options);
  const served = await serveFetchHandler(createOpenAICompatibleHandler(state, { noteCompletions: true }), {
    host: options.host,
    port: options.port,
  });
  return Object.assign(knobControl(state), {
    url: served.url,
    host: served.host,
    port: served.port,
    flavour: state.flavour,
    state,
    close: () => served.close(),
  });
}
