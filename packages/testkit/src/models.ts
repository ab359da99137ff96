// The simulator's installed models: what /api/tags lists, /api/show describes and every endpoint checks
// capabilities and embedding dimensions against.
import { createHash } from 'node:crypto';
import type { GuardSpec } from './guard.js';
import { type ModelName, modelNameKey, parseModelName, shortModelName } from './model-names.js';

/** A capability Ollama reports for a model; it gates tools, thinking, chat/generate and suffix. */
export type ModelCapability = 'completion' | 'tools' | 'insert' | 'vision' | 'embedding' | 'thinking';

/** A model the simulator pretends to have installed. */
export interface SimulatedModel {
  /** Any accepted spelling; `llama3.3` is stored as `llama3.3:latest`. */
  readonly name: string;
  readonly family: string;
  readonly parameterSize: string;
  readonly quantizationLevel?: string;
  readonly capabilities: readonly ModelCapability[];
  /** Present when the model is a guard model: it answers verdicts in this format (see `guardReply`). */
  readonly guard?: GuardSpec;
  readonly contextLength: number;
  readonly embeddingLength: number;
  /** Bytes on disk. */
  readonly size: number;
  /** 64 hex digits; derived from the name when absent. */
  readonly digest?: string;
  /** RFC 3339 with offset, as /api/tags prints it; tags sort newest first. */
  readonly modifiedAt?: string;
}

/** A catalogue entry with its parsed name and every derived field filled in. */
export interface InstalledModel {
  readonly spec: SimulatedModel;
  readonly name: ModelName;
  /** `llama3.3:latest`, the form /api/tags and /api/ps print. */
  readonly shortName: string;
  readonly digest: string;
  readonly modifiedAt: string;
  readonly quantizationLevel: string;
}

const CHAT: readonly ModelCapability[] = ['completion', 'tools'];

/** The models a simulator has unless told otherwise; phi4 and gemma2 lack `tools`, qwen3 thinks. */
export const defaultModels: readonly SimulatedModel[] = [
  {
    name: 'llama3.3:latest',
    family: 'llama',
    parameterSize: '70.6B',
    capabilities: CHAT,
    contextLength: 131072,
    embeddingLength: 8192,
    size: 42520413916,
    digest: 'a6eb4748fd2990ad2952b2335a95a7f952d1a06119a0aa6a2df6cd052a93a3fa',
    modifiedAt: '2025-05-04T17:37:44.706015396-07:00',
  },
  {
    name: 'llama3.3:70b',
    family: 'llama',
    parameterSize: '70.6B',
    capabilities: CHAT,
    contextLength: 131072,
    embeddingLength: 8192,
    size: 42520413916,
    digest: 'a6eb4748fd2990ad2952b2335a95a7f952d1a06119a0aa6a2df6cd052a93a3fa',
    modifiedAt: '2025-05-04T17:35:12.118203411-07:00',
  },
  {
    name: 'llama3.1:8b',
    family: 'llama',
    parameterSize: '8.0B',
    capabilities: CHAT,
    contextLength: 131072,
    embeddingLength: 4096,
    size: 4920753328,
    modifiedAt: '2025-04-28T09:12:03.50211-07:00',
  },
  {
    name: 'phi4:latest',
    family: 'phi3',
    parameterSize: '14.7B',
    capabilities: ['completion'],
    contextLength: 16384,
    embeddingLength: 5120,
    size: 9053116391,
    modifiedAt: '2025-04-21T14:03:55.887412-07:00',
  },
  {
    name: 'mistral:latest',
    family: 'llama',
    parameterSize: '7.2B',
    capabilities: CHAT,
    contextLength: 32768,
    embeddingLength: 4096,
    size: 4113301824,
    digest: 'f974a74358d62a017b37c6f424fcdf2744ca02926c4f952513ddf474b2fa5091',
    modifiedAt: '2025-04-15T11:45:20.3341-07:00',
  },
  {
    name: 'mistral:7b',
    family: 'llama',
    parameterSize: '7.2B',
    capabilities: CHAT,
    contextLength: 32768,
    embeddingLength: 4096,
    size: 4113301824,
    digest: 'f974a74358d62a017b37c6f424fcdf2744ca02926c4f952513ddf474b2fa5091',
    modifiedAt: '2025-04-15T11:44:02.90012-07:00',
  },
  {
    name: 'gemma2:9b',
    family: 'gemma2',
    parameterSize: '9.2B',
    capabilities: ['completion'],
    contextLength: 8192,
    embeddingLength: 3584,
    size: 5443152417,
    modifiedAt: '2025-04-02T08:30:41.12-07:00',
  },
  {
    name: 'qwen2.5:72b',
    family: 'qwen2',
    parameterSize: '72.7B',
    capabilities: CHAT,
    contextLength: 32768,
    embeddingLength: 8192,
    size: 47415724883,
    modifiedAt: '2025-03-27T19:20:07.4471-07:00',
  },
  {
    name: 'qwen3:8b',
    family: 'qwen3',
    parameterSize: '8.2B',
    capabilities: ['completion', 'tools', 'thinking'],
    contextLength: 40960,
    embeddingLength: 4096,
    size: 5225388164,
    modifiedAt: '2025-03-20T10:02:33.0091-07:00',
  },
  {
    name: 'nomic-embed-text:latest',
    family: 'nomic-bert',
    parameterSize: '137M',
    quantizationLevel: 'F16',
    capabilities: ['embedding'],
    contextLength: 2048,
    embeddingLength: 768,
    size: 274302450,
    modifiedAt: '2025-03-11T16:48:29.71-07:00',
  },
  {
    name: 'mxbai-embed-large:latest',
    family: 'bert',
    parameterSize: '334M',
    quantizationLevel: 'F16',
    capabilities: ['embedding'],
    contextLength: 512,
    embeddingLength: 1024,
    size: 669615493,
    modifiedAt: '2025-03-11T16:40:05.2-07:00',
  },
];

/** The installed models, looked up by any spelling of their name. */
export class ModelCatalogue {
  readonly #byKey = new Map<string, InstalledModel>();

  constructor(models: readonly SimulatedModel[]) {
    for (const spec of models) {
      const name = parseModelName(spec.name);
      if (name === undefined)
        throw new Error(`simulated model "${spec.name}" is not a valid Ollama model name`);
      const key = modelNameKey(name);
      const digest = spec.digest ?? createHash('sha256').update(key).digest('hex');
      this.#byKey.set(key, {
        spec,
        name,
        shortName: shortModelName(name),
        digest,
        modifiedAt: spec.modifiedAt ?? '2025-01-01T00:00:00Z',
        quantizationLevel: spec.quantizationLevel ?? 'Q4_K_M',
      });
    }
  }

  /** Finds an installed model by its parsed name, ignoring case. */
  find(name: ModelName): InstalledModel | undefined {
    return this.#byKey.get(modelNameKey(name));
  }

  /** Every installed model, most recently modified first (the order of /api/tags). */
  list(): InstalledModel[] {
    return [...this.#byKey.values()].sort((a, b) => Date.parse(b.modifiedAt) - Date.parse(a.modifiedAt));
  }
}

/** The `details` object shared by /api/tags, /api/show and /api/ps. */
export function modelDetails(model: InstalledModel): Record<string, unknown> {
  return {
    parent_model: '',
    format: 'gguf',
    family: model.spec.family,
    families: [model.spec.family],
    parameter_size: model.spec.parameterSize,
    quantization_level: model.quantizationLevel,
  };
}

/** Whether a model has a capability. */
export function hasCapability(model: InstalledModel, capability: ModelCapability): boolean {
  return model.spec.capabilities.includes(capability);
}
