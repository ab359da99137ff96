// What differs between OpenAI-compatible servers, keyed by the name a target's provider string
// starts with. Each alias changes only defaults and these facts; the wire is the same for all.
// Sources: each server's documentation of its OpenAI-compatible endpoints (vLLM's "OpenAI-Compatible
// Server", llama.cpp's tools/server README, LM Studio's "OpenAI Compatibility Endpoints", Ollama's
// docs/openai.md).

/** What one kind of OpenAI-compatible server does, as far as the provider must know. */
export interface ServerFacts {
  /** How messages name the server: `vLLM at http://…`. */
  readonly label: string;
  /** Returns several choices (`n` > 1, completions' `best_of`). */
  readonly choices: boolean;
  /** Returns token log-probabilities (`logprobs`, `top_logprobs`). */
  readonly logprobs: boolean;
  /** Echoes the prompt in a completion (`echo`). */
  readonly echo: boolean;
  /**
   * Serves one model whatever name a request gives (llama.cpp's server loads one model and answers
   * to any `model`): the probe then asks only that it lists some model.
   */
  readonly anyModelName: boolean;
}

const generic: ServerFacts = {
  label: 'the OpenAI-compatible server',
  choices: true,
  logprobs: true,
  echo: true,
  anyModelName: false,
};

const facts: Readonly<Record<string, ServerFacts>> = {
  openai: generic,
  vllm: { label: 'vLLM', choices: true, logprobs: true, echo: true, anyModelName: false },
  // llama-server refuses n != 1 ("Only one completion choice is allowed") and answers to any model name.
  llamacpp: {
    label: 'the llama.cpp server',
    choices: false,
    logprobs: true,
    echo: false,
    anyModelName: true,
  },
  lmstudio: { label: 'LM Studio', choices: false, logprobs: false, echo: false, anyModelName: false },
  // A target of another provider handed over to this one (`ollama` with `format: openai`).
  ollama: { label: "Ollama's OpenAI API", choices: false, logprobs: false, echo: false, anyModelName: false },
};

/** The facts for a target's provider name; a name this provider does not know gets the generic ones. */
export function serverFacts(providerName: string): ServerFacts {
  return facts[providerName] ?? generic;
}
