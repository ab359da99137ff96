import type { GuardSpec } from '../guard.js';

// The models an OpenAI-compatible simulator serves, and each flavour's defaults: vLLM and LM Studio
// serve models by exact id, llama.cpp's server serves its one model whatever name a client sends.

/** Which server the simulator behaves as. */
export type OpenAIFlavour = 'vllm' | 'llamacpp' | 'lmstudio';

/** Every flavour, for option parsing and tests. */
export const OPENAI_FLAVOURS: readonly OpenAIFlavour[] = ['vllm', 'llamacpp', 'lmstudio'];

/** A model an OpenAI-compatible simulator serves. */
export interface OpenAICompatibleModel {
  /** The id clients send and `/v1/models` lists (`meta-llama/Llama-3.1-8B-Instruct`). */
  readonly id: string;
  /** `generate` serves chat and completions; `embed` serves embeddings only (vLLM's pooling runner). */
  readonly task: 'generate' | 'embed';
  /** Context window in tokens: vLLM's `max_model_len`, llama.cpp's `n_ctx`. */
  readonly contextLength: number;
  /** Context the model was trained with (llama.cpp's `n_ctx_train`); default `contextLength`. */
  readonly trainedContextLength?: number;
  /** Embedding dimension (llama.cpp's `n_embd`). */
  readonly embeddingLength: number;
  /** Parameter count (llama.cpp's `n_params`). */
  readonly parameters: number;
  /** Bytes on disk (llama.cpp's `size`). */
  readonly size: number;
  /** Unix seconds `/v1/models` reports; default the simulator's start time. */
  readonly created?: number;
  /** Present when the model is a guard model: it answers verdicts in this format (see `guardReply`). */
  readonly guard?: GuardSpec;
}

const LLAMA_8B: OpenAICompatibleModel = {
  id: 'meta-llama/Llama-3.1-8B-Instruct',
  task: 'generate',
  contextLength: 8192,
  trainedContextLength: 131072,
  embeddingLength: 4096,
  parameters: 8030261248,
  size: 16060522496,
};

/** What each flavour serves unless told otherwise. */
export const defaultOpenAIModels: Readonly<Record<OpenAIFlavour, readonly OpenAICompatibleModel[]>> = {
  vllm: [
    LLAMA_8B,
    {
      id: 'BAAI/bge-m3',
      task: 'embed',
      contextLength: 8192,
      embeddingLength: 1024,
      parameters: 567754752,
      size: 2271064456,
    },
  ],
  llamacpp: [
    {
      id: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
      task: 'generate',
      contextLength: 4096,
      trainedContextLength: 131072,
      embeddingLength: 3072,
      parameters: 3212749888,
      size: 2019377696,
    },
  ],
  lmstudio: [
    {
      id: 'llama-3.2-3b-instruct',
      task: 'generate',
      contextLength: 4096,
      trainedContextLength: 131072,
      embeddingLength: 3072,
      parameters: 3212749888,
      size: 2019377696,
    },
    {
      id: 'text-embedding-nomic-embed-text-v1.5',
      task: 'embed',
      contextLength: 2048,
      embeddingLength: 768,
      parameters: 136727040,
      size: 84106624,
    },
  ],
};
