// What differs between the servers: error bodies, the 401 and unknown-route answers, which paths need the
// API key, the model list, content types and id formats. Sources: vLLM's engine/protocol.py
// (ErrorResponse{error: ErrorInfo}, ModelCard), server_utils.py (AuthenticationMiddleware); llama.cpp's
// server-common.cpp (format_error_response), server.cpp (public endpoints, /v1/models); LM Studio's
// OpenAI-compatibility docs and its Express server's `Unexpected endpoint or method.` answer.
import { STATUS_CODES } from 'node:http';
import type { OpenAICompatibleModel, OpenAIFlavour } from './models.js';
import type { OpenAISimulatorState } from './state.js';

/** An error a server answers with, before it is put in the flavour's shape. */
export interface ServerError {
  readonly status: number;
  readonly message: string;
  /** Overrides the type the flavour derives from the status. */
  readonly type?: string;
  readonly param?: string | null;
  /** Extra fields inside `error` (llama.cpp's `n_prompt_tokens`, `n_ctx`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** LM Studio's string `code` (`model_not_found`); null otherwise. */
  readonly code?: string;
}

const JSON_TYPE: Readonly<Record<OpenAIFlavour, string>> = {
  vllm: 'application/json',
  llamacpp: 'application/json; charset=utf-8',
  lmstudio: 'application/json; charset=utf-8',
};

/** The content type of a flavour's SSE answers. */
export const SSE_TYPE: Readonly<Record<OpenAIFlavour, string>> = {
  vllm: 'text/event-stream; charset=utf-8',
  llamacpp: 'text/event-stream',
  lmstudio: 'text/event-stream',
};

/** A JSON answer with the flavour's content type. */
export function jsonAnswer(flavour: OpenAIFlavour, status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE[flavour] } });
}

function vllmType(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequestError';
    case 404:
      return 'NotFoundError';
    case 500:
      return 'InternalServerError';
    case 501:
      return 'NotImplementedError';
    default:
      // vLLM's http_exception_handler names other statuses by their HTTP phrase.
      return STATUS_CODES[status] ?? 'Error';
  }
}

function llamacppType(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 501:
      return 'not_supported_error';
    case 503:
      return 'unavailable_error';
    default:
      return 'server_error';
  }
}

/** The `error` object of a flavour's error body. */
export function errorObject(flavour: OpenAIFlavour, error: ServerError): Record<string, unknown> {
  if (flavour === 'vllm') {
    // Current vLLM wraps ErrorInfo in {"error": ...} (older releases sent {"object":"error", ...} flat).
    return {
      message: error.message,
      type: error.type ?? vllmType(error.status),
      param: error.param ?? null,
      code: error.status,
    };
  }
  if (flavour === 'llamacpp') {
    return {
      code: error.status,
      message: error.message,
      type: error.type ?? llamacppType(error.status),
      ...error.extra,
    };
  }
  return {
    message: error.message,
    type: error.type ?? (error.status < 500 ? 'invalid_request_error' : 'server_error'),
    param: error.param ?? null,
    code: error.code ?? null,
  };
}

/** An error answer in the flavour's shape. */
export function errorAnswer(flavour: OpenAIFlavour, error: ServerError): Response {
  return jsonAnswer(flavour, error.status, { error: errorObject(flavour, error) });
}

const LLAMACPP_PUBLIC = new Set(['/', '/health', '/v1/health', '/models', '/v1/models', '/api/tags']);

/** Whether a path needs the API key: vLLM checks every `/v1` path, llama.cpp all but its public ones. */
export function needsApiKey(flavour: OpenAIFlavour, path: string): boolean {
  if (flavour === 'vllm') return path.startsWith('/v1');
  if (flavour === 'llamacpp') return !LLAMACPP_PUBLIC.has(path);
  return true;
}

/** The answer to a missing or wrong API key. */
export function unauthorizedAnswer(flavour: OpenAIFlavour): Response {
  if (flavour === 'vllm') return jsonAnswer(flavour, 401, { error: 'Unauthorized' });
  if (flavour === 'llamacpp') {
    return errorAnswer(flavour, { status: 401, message: 'Invalid API Key' });
  }
  return errorAnswer(flavour, {
    status: 401,
    message: 'Invalid or missing API token',
    type: 'invalid_request_error',
  });
}

/** The answer to a path (or method) the server does not route. */
export function unknownRouteAnswer(
  flavour: OpenAIFlavour,
  method: string,
  path: string,
  known: boolean,
): Response {
  if (flavour === 'vllm') {
    // FastAPI's defaults.
    return known
      ? jsonAnswer(flavour, 405, { detail: 'Method Not Allowed' })
      : jsonAnswer(flavour, 404, { detail: 'Not Found' });
  }
  if (flavour === 'llamacpp') return errorAnswer(flavour, { status: 404, message: 'File Not Found' });
  // LM Studio answers 200 with a bare error string.
  return jsonAnswer(flavour, 200, { error: `Unexpected endpoint or method. (${method} ${path})` });
}

/** A response id in the flavour's format. */
export function responseId(state: OpenAISimulatorState, prefix: 'chatcmpl' | 'cmpl' | 'embd'): string {
  return `${prefix}-${state.nextId(prefix)}`;
}

/** A tool-call id in the flavour's format: vLLM `chatcmpl-tool-<hex>`, llama.cpp 32 characters, LM Studio numeric. */
export function toolCallId(state: OpenAISimulatorState): string {
  if (state.flavour === 'vllm') return `chatcmpl-tool-${state.nextId('tool')}`;
  if (state.flavour === 'llamacpp') return state.nextId('tool');
  return String(Number.parseInt(state.nextId('tool', 8), 16));
}

/** The `created` of a model. */
function created(state: OpenAISimulatorState, model: OpenAICompatibleModel): number {
  return model.created ?? state.startedAt;
}

/** GET /v1/models in the flavour's shape. */
export function modelList(state: OpenAISimulatorState): Record<string, unknown> {
  if (state.flavour === 'vllm') {
    return {
      object: 'list',
      data: state.models.map((model) => ({
        id: model.id,
        object: 'model',
        created: created(state, model),
        owned_by: 'vllm',
        root: model.id,
        parent: null,
        max_model_len: model.contextLength,
        permission: [
          {
            id: `modelperm-${state.nextId('perm')}`,
            object: 'model_permission',
            created: created(state, model),
            allow_create_engine: false,
            allow_sampling: true,
            allow_logprobs: true,
            allow_search_indices: false,
            allow_view: true,
            allow_fine_tuning: false,
            organization: '*',
            group: null,
            is_blocking: false,
          },
        ],
      })),
    };
  }
  if (state.flavour === 'llamacpp') {
    const model = state.models[0]!;
    return {
      models: [
        {
          name: model.id,
          model: model.id,
          modified_at: '',
          size: '',
          digest: '',
          type: 'model',
          description: '',
          tags: [''],
          capabilities: ['completion'],
          parameters: '',
          details: {
            parent_model: '',
            format: 'gguf',
            family: '',
            families: [''],
            parameter_size: '',
            quantization_level: '',
          },
        },
      ],
      object: 'list',
      data: [
        {
          id: model.id,
          object: 'model',
          created: created(state, model),
          owned_by: 'llamacpp',
          meta: {
            vocab_type: 2,
            n_vocab: 128256,
            n_ctx: model.contextLength,
            n_ctx_train: model.trainedContextLength ?? model.contextLength,
            n_embd: model.embeddingLength,
            n_params: model.parameters,
            size: model.size,
          },
        },
      ],
    };
  }
  return {
    data: state.models.map((model) => ({ id: model.id, object: 'model', owned_by: 'organization_owner' })),
    object: 'list',
  };
}

/** llama.cpp's `system_fingerprint`: build number and commit. */
export const LLAMACPP_FINGERPRINT = 'b6710-74b8fc17';
