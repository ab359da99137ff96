// startOllamaSimulator: a simulator state served over real HTTP on loopback, steered through its knobs.
import { createOllamaHandler } from './handler.js';
import { serveFetchHandler } from './node-server.js';
import { knobControl } from './simulator-knobs.js';
import {
  type KnobOptions,
  type OllamaSimulatorControl,
  SimulatorState,
  type SimulatorStateOptions,
} from './simulator-state.js';

/** Options for {@link startOllamaSimulator}. */
export interface OllamaSimulatorOptions extends SimulatorStateOptions {
  /** Port to listen on; default 0 (a free port). */
  readonly port?: number;
  /** Address to listen on; default `127.0.0.1`. */
  readonly host?: string;
}

/** A running Ollama simulator: its address, its knobs and a way to stop it. */
export interface OllamaSimulator extends OllamaSimulatorControl {
  /** `http://127.0.0.1:PORT`, with no trailing slash. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The state behind the server, to share with {@link ollamaHandlers} if wanted. */
  readonly state: SimulatorState;
  /** Stops the server, ending open connections and hung requests; never hangs. */
  close(): Promise<void>;
}

/** Starts an Ollama simulator over HTTP for tests and local runs. */
export async function startOllamaSimulator(options: OllamaSimulatorOptions = {}): Promise<OllamaSimulator> {
  const state = new SimulatorState(options);
  const served = await serveFetchHandler(createOllamaHandler(state, { noteCompletions: true }), {
    host: options.host,
    port: options.port,
  });
  return Object.assign(knobControl(state), {
    url: served.url,
    host: served.host,
    port: served.port,
    state,
    thinkWith: (text: string, knob?: KnobOptions) => state.thinkWith(text, knob),
    close: () => served.close(),
  });
}
