// POST /v1/chat/completions on the Ollama simulator, as Ollama's ChatMiddleware does it: decode the OpenAI
// body, rewrite it into an /api/chat body (openai.FromChatRequest), run the native handler, and rewrite
// its answer (ChatWriter): one chat.completion, or SSE chunks with a role chunk, content deltas, a finish
// chunk with an empty delta, an optional `choices: []` usage chunk and `data: [DONE]`.

import { goDecodeBase64 } from '../go-base64.js';
import type { GoType } from '../go-decode.js';
import { goQuote, type JsonNode, nodeToValue } from '../go-json.js';
import { handleChat } from './chat.js';
import type { EndpointContext } from './endpoint.js';
import {
  decodeOpenAIBody,
  fromNativeError,
  goDataFrame,
  goEncoded,
  goTypeOf,
  ndjsonLines,
  ollamaId,
  openAIError,
  sseFromFrames,
  unixSeconds,
} from './openai-layer.js';

const str: GoType = { go: 'string' };
const int: GoType = { go: 'int' };
const bool: GoType = { go: 'bool' };
const any: GoType = { go: 'any' };

const toolCallType: GoType = {
  go: 'struct',
  name: 'openai.ToolCall',
  fields: {
    id: str,
    index: int,
    type: str,
    function: {
      go: 'struct',
      name: 'struct { Name string "json:\\"name\\""; Arguments string "json:\\"arguments\\"" }',
      fields: { name: str, arguments: str },
    },
  },
};

/** openai.ChatCompletionRequest, as far as decoding reports type errors. */
const chatCompletionType = {
  go: 'struct',
  name: 'openai.ChatCompletionRequest',
  fields: {
    model: str,
    messages: {
      go: 'slice',
      name: '[]openai.Message',
      elem: {
        go: 'struct',
        name: 'openai.Message',
        fields: {
          role: str,
          content: any,
          reasoning: str,
          tool_calls: { go: 'slice', name: '[]openai.ToolCall', elem: toolCallType },
          name: str,
          tool_call_id: str,
        },
      },
    },
    stream: bool,
    stream_options: { go: 'struct', name: 'openai.StreamOptions', fields: { include_usage: bool } },
    max_tokens: int,
    seed: int,
    stop: any,
    temperature: any,
    frequency_penalty: any,
    presence_penalty: any,
    top_p: any,
    response_format: {
      go: 'struct',
      name: 'openai.ResponseFormat',
      fields: {
        type: str,
        json_schema: { go: 'struct', name: 'openai.JsonSchema', fields: { schema: any } },
      },
    },
    tools: any,
    reasoning: { go: 'struct', name: 'openai.Reasoning', fields: { effort: str } },
    reasoning_effort: str,
    logprobs: bool,
    top_logprobs: int,
  },
} as const satisfies GoType;

interface OpenAIToolCallIn {
  readonly id?: string;
  readonly function?: { readonly name?: string; readonly arguments?: string };
}

interface OpenAIMessageIn {
  readonly role?: string;
  readonly content?: JsonNode;
  readonly reasoning?: string;
  readonly tool_calls?: readonly OpenAIToolCallIn[];
  readonly name?: string;
  readonly tool_call_id?: string;
}

interface ChatCompletionIn {
  readonly model?: string;
  readonly messages?: readonly OpenAIMessageIn[];
  readonly stream?: boolean;
  readonly stream_options?: { readonly include_usage?: boolean };
  readonly max_tokens?: number;
  readonly seed?: number;
  readonly stop?: JsonNode;
  readonly temperature?: JsonNode;
  readonly frequency_penalty?: JsonNode;
  readonly presence_penalty?: JsonNode;
  readonly top_p?: JsonNode;
  readonly response_format?: {
    readonly type?: string;
    readonly json_schema?: { readonly schema?: JsonNode };
  };
  readonly tools?: JsonNode;
  readonly reasoning?: { readonly effort?: string };
  readonly reasoning_effort?: string;
  readonly logprobs?: boolean;
  readonly top_logprobs?: number;
}

class TranslationError extends Error {}

function toolCallsIn(calls: readonly OpenAIToolCallIn[] | undefined): unknown[] {
  return (calls ?? []).map((call) => {
    let args: unknown;
    try {
      args = JSON.parse(call.function?.arguments ?? '');
    } catch {
      throw new TranslationError('invalid tool call arguments');
    }
    return { id: call.id ?? '', function: { name: call.function?.name ?? '', arguments: args } };
  });
}

const IMAGE_PREFIXES = ['jpeg', 'jpg', 'png', 'webp'].map((t) => `data:image/${t};base64,`);

function imageData(url: string): string {
  if (url.startsWith('http://') || url.startsWith('https://')) {
    throw new TranslationError(
      'image URLs are not currently supported, please use base64 encoded data instead',
    );
  }
  let data: string | undefined;
  if (url.startsWith('data:;base64,')) data = url.slice('data:;base64,'.length);
  else {
    const prefix = IMAGE_PREFIXES.find((p) => url.startsWith(p));
    if (prefix === undefined) throw new TranslationError('invalid image input');
    data = url.slice(prefix.length);
  }
  const bytes = goDecodeBase64(data);
  if (typeof bytes === 'string') throw new TranslationError('invalid image input');
  return Buffer.from(bytes).toString('base64');
}

function partMessages(role: string, parts: JsonNode & { kind: 'array' }): Record<string, unknown>[] {
  return parts.items.map((part) => {
    const data = part.kind === 'object' ? (nodeToValue(part) as Record<string, unknown>) : undefined;
    if (data === undefined) throw new TranslationError('invalid message format');
    switch (data.type) {
      case 'text':
        if (typeof data.text !== 'string') throw new TranslationError('invalid message format');
        return { role, content: data.text };
      case 'image_url': {
        const image = data.image_url;
        const url =
          typeof image === 'string'
            ? image
            : typeof image === 'object' &&
                image !== null &&
                typeof (image as { url?: unknown }).url === 'string'
              ? (image as { url: string }).url
              : undefined;
        if (url === undefined) throw new TranslationError('invalid message format');
        return { role, images: [imageData(url)] };
      }
      case 'input_audio': {
        const audio = data.input_audio;
        if (typeof audio !== 'object' || audio === null)
          throw new TranslationError('invalid input_audio format');
        const b64 = (audio as { data?: unknown }).data;
        if (typeof b64 !== 'string') throw new TranslationError('invalid input_audio format: missing data');
        const bytes = goDecodeBase64(b64);
        if (typeof bytes === 'string')
          throw new TranslationError(`invalid input_audio base64 data: ${bytes}`);
        return { role, images: [Buffer.from(bytes).toString('base64')] };
      }
      default:
        throw new TranslationError('invalid message format');
    }
  });
}

function toolNameFor(messages: readonly OpenAIMessageIn[], id: string): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const call = messages[i]?.tool_calls?.find((c) => c.id === id);
    if (call !== undefined) return call.function?.name ?? '';
  }
  return '';
}

function thinkValue(effort: string): boolean | string | undefined {
  switch (effort) {
    case '':
      return undefined;
    case 'none':
      return false;
    case 'minimal':
      return 'low';
    case 'low':
    case 'medium':
    case 'high':
    case 'max':
      return effort;
    case 'xhigh':
    case 'ultra':
      return 'max';
    default:
      throw new TranslationError(
        `invalid reasoning value: ${goQuote(effort)} (must be "minimal", "low", "medium", "high", "xhigh", "ultra", "max", or "none")`,
      );
  }
}

function numberOf(node: JsonNode | undefined): number | undefined {
  return node?.kind === 'number' ? node.value : undefined;
}

/** openai.FromChatRequest: the /api/chat body an OpenAI chat request becomes. */
function toNativeChat(request: ChatCompletionIn): Record<string, unknown> {
  const all = request.messages ?? [];
  const messages: Record<string, unknown>[] = [];
  for (const message of all) {
    const role = message.role ?? '';
    let toolName = '';
    if (role.toLowerCase() === 'tool') {
      toolName = message.name ?? '';
      if (toolName === '' && (message.tool_call_id ?? '') !== '')
        toolName = toolNameFor(all, message.tool_call_id ?? '');
    }
    const content = message.content;
    if (content?.kind === 'string') {
      messages.push({
        role,
        content: content.value,
        thinking: message.reasoning ?? '',
        tool_calls: toolCallsIn(message.tool_calls),
        tool_name: toolName,
        tool_call_id: message.tool_call_id ?? '',
      });
    } else if (content?.kind === 'array') {
      messages.push(...partMessages(role, content));
      const last = messages.at(-1);
      if (last !== undefined && (message.tool_calls ?? []).length > 0) {
        last.tool_calls = toolCallsIn(message.tool_calls);
        last.tool_name = toolName;
        last.tool_call_id = message.tool_call_id ?? '';
        last.thinking = message.reasoning ?? '';
      }
    } else {
      // Content may be absent only next to tool calls.
      if (message.tool_calls === undefined) {
        throw new TranslationError(`invalid message content type: ${goTypeOf(content)}`);
      }
      messages.push({
        role,
        thinking: message.reasoning ?? '',
        tool_calls: toolCallsIn(message.tool_calls),
        tool_call_id: message.tool_call_id ?? '',
      });
    }
  }
  const options: Record<string, unknown> = {};
  const stop = request.stop;
  if (stop?.kind === 'string') options.stop = [stop.value];
  else if (stop?.kind === 'array') {
    // Non-string entries are dropped silently on chat (completions refuse them).
    options.stop = stop.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []));
  }
  if (request.max_tokens !== undefined) options.num_predict = request.max_tokens;
  options.temperature = numberOf(request.temperature) ?? 1.0;
  if (request.seed !== undefined) options.seed = request.seed;
  const frequency = numberOf(request.frequency_penalty);
  if (frequency !== undefined) options.frequency_penalty = frequency;
  const presence = numberOf(request.presence_penalty);
  if (presence !== undefined) options.presence_penalty = presence;
  options.top_p = numberOf(request.top_p) ?? 1.0;

  let format: unknown;
  const formatType = (request.response_format?.type ?? '').trim().toLowerCase();
  if (formatType === 'json_object') format = 'json';
  else if (formatType === 'json_schema' && request.response_format?.json_schema?.schema !== undefined) {
    format = nodeToValue(request.response_format.json_schema.schema);
  }
  const think = thinkValue(request.reasoning?.effort ?? request.reasoning_effort ?? '');
  const native: Record<string, unknown> = {
    model: request.model ?? '',
    messages,
    options,
    stream: request.stream ?? false,
  };
  if (format !== undefined) native.format = format;
  if (request.tools !== undefined && request.tools.kind !== 'null') native.tools = nodeToValue(request.tools);
  if (think !== undefined) native.think = think;
  if (request.logprobs === true) native.logprobs = true;
  if ((request.top_logprobs ?? 0) !== 0) native.top_logprobs = request.top_logprobs;
  return native;
}

interface NativeToolCall {
  readonly id?: string;
  readonly function?: { readonly index?: number; readonly name?: string; readonly arguments?: unknown };
}

interface NativeChatLine {
  readonly model?: string;
  readonly created_at?: string;
  readonly message?: {
    readonly role?: string;
    readonly content?: string;
    readonly thinking?: string;
    readonly tool_calls?: readonly NativeToolCall[];
  };
  readonly done?: boolean;
  readonly done_reason?: string;
  readonly prompt_eval_count?: number;
  readonly eval_count?: number;
}

/** openai.ToToolCalls: `{id, index, type, function: {name, arguments: <JSON string>}}`. */
function toolCallsOut(calls: readonly NativeToolCall[] | undefined): unknown[] {
  return (calls ?? []).map((call) => ({
    id: call.id ?? '',
    index: call.function?.index ?? 0,
    type: 'function',
    function: { name: call.function?.name ?? '', arguments: JSON.stringify(call.function?.arguments ?? {}) },
  }));
}

function usageOf(line: NativeChatLine): Record<string, number> {
  const prompt = line.prompt_eval_count ?? 0;
  const completion = line.eval_count ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function wholeCompletion(id: string, line: NativeChatLine): Record<string, unknown> {
  const calls = toolCallsOut(line.message?.tool_calls);
  let reason: string | null = line.done_reason ?? '';
  if (reason === 'stop' && calls.length > 0) reason = 'tool_calls';
  const message: Record<string, unknown> = {
    role: line.message?.role ?? '',
    content: line.message?.content ?? '',
  };
  if ((line.message?.thinking ?? '') !== '') message.reasoning = line.message?.thinking;
  if (calls.length > 0) message.tool_calls = calls;
  return {
    id,
    object: 'chat.completion',
    created: unixSeconds(line.created_at),
    model: line.model ?? '',
    system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, message, finish_reason: reason === '' ? null : reason }],
    usage: usageOf(line),
  };
}

async function* chatFrames(
  id: string,
  lines: AsyncGenerator<Record<string, unknown>>,
  includeUsage: boolean,
): AsyncGenerator<string> {
  let created: number | undefined;
  let firstSent = false;
  let toolCallSent = false;
  for await (const raw of lines) {
    // A native error line decodes as an empty chat line (its `error` is lost), as the middleware reads it.
    const line = raw as NativeChatLine;
    created ??= unixSeconds(line.created_at);
    const head = {
      id,
      object: 'chat.completion.chunk',
      created,
      model: line.model ?? '',
      system_fingerprint: 'fp_ollama',
    };
    const content = line.message?.content ?? '';
    const thinking = line.message?.thinking ?? '';
    const calls = toolCallsOut(line.message?.tool_calls);
    const emptyTrailer =
      line.done === true && firstSent && content === '' && thinking === '' && calls.length === 0;
    if (!emptyTrailer) {
      const delta = (withContent: boolean, withThinking: boolean, withCalls: boolean, role: boolean) => {
        const d: Record<string, unknown> = {};
        if (role) d.role = 'assistant';
        if (withContent) d.content = content;
        if (withThinking && thinking !== '') d.reasoning = thinking;
        if (withCalls && calls.length > 0) d.tool_calls = calls;
        return d;
      };
      const mixed = thinking !== '' && (content !== '' || calls.length > 0);
      const deltas = mixed
        ? [delta(false, true, false, !firstSent), delta(true, false, true, false)]
        : [delta(true, true, true, !firstSent)];
      for (const d of deltas) {
        if (d.tool_calls !== undefined) toolCallSent = true;
        yield goDataFrame({ ...head, choices: [{ index: 0, delta: d, finish_reason: null }] });
      }
      firstSent = true;
    }
    if (line.done === true) {
      let reason = line.done_reason || 'stop';
      if (reason === 'stop' && toolCallSent) reason = 'tool_calls';
      yield goDataFrame({ ...head, choices: [{ index: 0, delta: {}, finish_reason: reason }] });
      if (includeUsage) yield goDataFrame({ ...head, choices: [], usage: usageOf(line) });
      yield 'data: [DONE]\n\n';
    }
  }
}

/** Handles POST /v1/chat/completions on the Ollama simulator. */
export async function handleV1Chat(context: EndpointContext): Promise<Response> {
  const decoded = decodeOpenAIBody<ChatCompletionIn>(context.body, chatCompletionType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  if ((request.messages ?? []).length === 0) return openAIError(400, "[] is too short - 'messages'");
  let native: Record<string, unknown>;
  try {
    native = toNativeChat(request);
  } catch (error) {
    if (error instanceof TranslationError) return openAIError(400, error.message);
    throw error;
  }
  const response = await handleChat({ ...context, body: JSON.stringify(native) });
  if (response.status !== 200) return fromNativeError(response);
  const id = ollamaId('chatcmpl');
  if (request.stream !== true || response.body === null) {
    return goEncoded(200, wholeCompletion(id, (await response.json()) as NativeChatLine));
  }
  return sseFromFrames(
    chatFrames(id, ndjsonLines(response.body), request.stream_options?.include_usage === true),
  );
}
