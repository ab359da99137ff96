import { type OpenAIFlavour, startOpenAICompatibleSimulator } from '@keeptrusts/testkit';
import { testProvider } from '@keeptrusts/testkit/conformance';
import { openaiProvider } from './openai-provider.js';

// The contract every provider meets, run over real HTTP against the testkit's OpenAI-compatible
// simulator as each server it imitates: vLLM, llama.cpp's llama-server (started with --embeddings,
// serving its one model for every kind) and LM Studio. The simulator's url is the server's root;
// the API lives under /v1, as each server documents its base URL.
const flavours: Record<OpenAIFlavour, { chat: string; completion: string; embedding: string }> = {
  vllm: {
    chat: 'meta-llama/Llama-3.1-8B-Instruct',
    completion: 'meta-llama/Llama-3.1-8B-Instruct',
    embedding: 'BAAI/bge-m3',
  },
  llamacpp: {
    chat: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    completion: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    embedding: 'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
  },
  lmstudio: {
    chat: 'llama-3.2-3b-instruct',
    completion: 'llama-3.2-3b-instruct',
    embedding: 'text-embedding-nomic-embed-text-v1.5',
  },
};

for (const [flavour, models] of Object.entries(flavours) as [OpenAIFlavour, (typeof flavours)['vllm']][]) {
  testProvider(openaiProvider, {
    upstream: () => startOpenAICompatibleSimulator({ flavour, embeddings: true }),
    models,
    target: (upstream) => ({ base_url: `${upstream.url}/v1` }),
  });
}
