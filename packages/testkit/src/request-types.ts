// The request bodies Ollama decodes (api/types.go), described for the Go-like decoder, with the TypeScript
// shape each decodes to. Absent and `null` fields are left out; the handlers apply Go's zero values.
import { GoDecodeError, type GoType } from './go-decode.js';
import { decodeKeepAlive } from './go-duration.js';
import { goQuote, type JsonNode, nodeToValue } from './go-json.js';

/** A chat message as decoded (role already lower-cased, images still base64). */
export interface WireMessage {
  readonly role?: string;
  readonly content?: string;
  readonly thinking?: string;
  readonly images?: readonly (string | undefined)[];
  readonly tool_calls?: readonly WireToolCall[];
  readonly tool_name?: string;
  readonly tool_call_id?: string;
}

/** A tool call replayed in an assistant message. */
export interface WireToolCall {
  readonly id?: string;
  readonly function?: {
    readonly index?: number;
    readonly name?: string;
    readonly arguments?: Readonly<Record<string, unknown>>;
  };
}

/** A tool definition (OpenAI-shaped); `parameters` is kept as parsed JSON. */
export interface WireTool {
  readonly type?: string;
  readonly function?: {
    readonly name?: string;
    readonly description?: string;
    readonly parameters?: JsonNode;
  };
}

/** `think`: a bool or a level. */
export type ThinkValue = boolean | 'low' | 'medium' | 'high' | 'max';

interface CommonFields {
  readonly model?: string;
  readonly stream?: boolean;
  readonly format?: JsonNode;
  /** Nanoseconds; `Infinity` for "forever". */
  readonly keep_alive?: number;
  readonly options?: Readonly<Record<string, JsonNode>>;
  readonly think?: ThinkValue;
  readonly truncate?: boolean;
  readonly shift?: boolean;
  readonly logprobs?: boolean;
  readonly top_logprobs?: number;
}

/** A decoded POST /api/chat body. */
export interface ChatRequest extends CommonFields {
  readonly messages?: readonly WireMessage[];
  readonly tools?: readonly WireTool[];
}

/** A decoded POST /api/generate body. */
export interface GenerateRequest extends CommonFields {
  readonly prompt?: string;
  readonly suffix?: string;
  readonly system?: string;
  readonly template?: string;
  readonly context?: readonly number[];
  readonly raw?: boolean;
  readonly images?: readonly (string | undefined)[];
}

/** A decoded POST /api/embed body; `input` is checked by the handler (string or array of strings). */
export interface EmbedRequest {
  readonly model?: string;
  readonly input?: JsonNode;
  readonly keep_alive?: number;
  readonly truncate?: boolean;
  readonly dimensions?: number;
  readonly options?: Readonly<Record<string, JsonNode>>;
}

/** A decoded POST /api/embeddings (legacy) body. */
export interface EmbeddingRequest {
  readonly model?: string;
  readonly prompt?: string;
  readonly keep_alive?: number;
  readonly options?: Readonly<Record<string, JsonNode>>;
}

/** A decoded POST /api/show body (`name` is the legacy spelling of `model`). */
export interface ShowRequest {
  readonly model?: string;
  readonly name?: string;
  readonly verbose?: boolean;
}

const THINK_LEVELS = ['high', 'medium', 'low', 'max'];
const THINK_CHOICES = '"high", "medium", "low", "max", true, or false';

function decodeThink(node: JsonNode): ThinkValue | undefined {
  if (node.kind === 'null') return undefined;
  if (node.kind === 'bool') return node.value;
  if (node.kind === 'string') {
    if (THINK_LEVELS.includes(node.value)) return node.value as ThinkValue;
    throw new GoDecodeError(`invalid think value: ${goQuote(node.value)} (must be ${THINK_CHOICES})`);
  }
  throw new GoDecodeError(`think must be a boolean or string (${THINK_CHOICES})`);
}

// Tool-call arguments decode into an ordered map that accepts only an object (message inferred from code).
function decodeArguments(node: JsonNode): Record<string, unknown> {
  if (node.kind === 'null') return {};
  if (node.kind !== 'object') throw new GoDecodeError('Value is not an object');
  return nodeToValue(node) as Record<string, unknown>;
}

const str: GoType = { go: 'string' };
const bool: GoType = { go: 'bool' };
const int: GoType = { go: 'int' };
const any: GoType = { go: 'any' };
const options: GoType = { go: 'map' };
const keepAlive: GoType = { go: 'custom', decode: decodeKeepAlive };
const think: GoType = { go: 'custom', decode: decodeThink };
const images: GoType = {
  go: 'slice',
  name: '[]api.ImageData',
  elem: { go: 'base64', name: 'api.ImageData' },
};

const toolCall: GoType = {
  go: 'struct',
  name: 'api.ToolCall',
  fields: {
    id: str,
    function: {
      go: 'struct',
      name: 'api.ToolCallFunction',
      fields: { index: int, name: str, arguments: { go: 'custom', decode: decodeArguments } },
    },
  },
};

const message: GoType = {
  go: 'struct',
  name: 'api.Message',
  fields: {
    role: str,
    content: str,
    thinking: str,
    images,
    tool_calls: { go: 'slice', name: '[]api.ToolCall', elem: toolCall },
    tool_name: str,
    tool_call_id: str,
  },
  alias: {
    name: 'api.Alias',
    after: (value) => {
      if (typeof value.role === 'string') value.role = value.role.toLowerCase();
    },
  },
};

const tool: GoType = {
  go: 'struct',
  name: 'api.Tool',
  fields: {
    type: str,
    items: any,
    function: {
      go: 'struct',
      name: 'api.ToolFunction',
      fields: { name: str, description: str, parameters: any },
    },
  },
};

const common = {
  model: str,
  stream: bool,
  format: any,
  keep_alive: keepAlive,
  options,
  think,
  truncate: bool,
  shift: bool,
  logprobs: bool,
  top_logprobs: int,
};

/** api.ChatRequest. */
export const chatRequestType = {
  go: 'struct',
  name: 'api.ChatRequest',
  fields: {
    ...common,
    messages: { go: 'slice', name: '[]api.Message', elem: message },
    tools: { go: 'slice', name: 'api.Tools', elem: tool },
  },
} as const satisfies GoType;

/** api.GenerateRequest. */
export const generateRequestType = {
  go: 'struct',
  name: 'api.GenerateRequest',
  fields: {
    ...common,
    prompt: str,
    suffix: str,
    system: str,
    template: str,
    context: { go: 'slice', name: '[]int', elem: int },
    raw: bool,
    images,
  },
} as const satisfies GoType;

/** api.EmbedRequest. */
export const embedRequestType = {
  go: 'struct',
  name: 'api.EmbedRequest',
  fields: { model: str, input: any, keep_alive: keepAlive, truncate: bool, dimensions: int, options },
} as const satisfies GoType;

/** api.EmbeddingRequest. */
export const embeddingRequestType = {
  go: 'struct',
  name: 'api.EmbeddingRequest',
  fields: { model: str, prompt: str, keep_alive: keepAlive, options },
} as const satisfies GoType;

/** api.ShowRequest. */
export const showRequestType = {
  go: 'struct',
  name: 'api.ShowRequest',
  fields: { model: str, system: str, template: str, verbose: bool, options, name: str },
} as const satisfies GoType;
