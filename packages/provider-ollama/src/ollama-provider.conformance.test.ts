import { startOllamaSimulator } from '@keeptrusts/testkit';
import { testProvider } from '@keeptrusts/testkit/conformance';
import { ollamaProvider } from './ollama-provider.js';

// The contract every provider meets, run against the testkit's Ollama simulator over real HTTP.
testProvider(ollamaProvider, {
  upstream: () => startOllamaSimulator(),
  models: { chat: 'llama3.3', completion: 'mistral', embedding: 'nomic-embed-text' },
});
