import type { ChatCompletionRequest, ChatMessage, ContentPart } from '@keeptrusts/core';
import { refuse, toOllamaOptions } from './model-options.js';
import type {
  OllamaChatRequest,
  OllamaFormat,
  OllamaMessage,
  OllamaThink,
  OllamaToolCallIn,
} from './ollama-wire.js';

/** What the target adds to a chat call. */
export interface ChatCallSettings {
  /** The Ollama model the target resolves to. */
  model: string;
  stream: boolean;
  /** The target's `max_context_tokens`, sent as `options.num_ctx`. */
  maxContextTokens: number | undefined;
}

// data:[image/<subtype>];base64,<payload>. Ollama wants the bare payload in `images`.
const dataUrl = /^data:(image\/[A-Za-z0-9.+-]+)?;base64,([A-Za-z0-9+/]*={0,2})$/s;

const reasoningToThink: Record<NonNullable<ChatCompletionRequest['reasoning_effort']>, OllamaThink> = {
  none: false,
  minimal: 'low',
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'max',
};

/**
 * Translates an OpenAI chat request into an `/api/chat` body. Throws a 400 `GatewayError`
 * naming the field for anything Ollama cannot honour, rather than dropping it.
 */
export function toOllamaChatRequest(
  request: ChatCompletionRequest,
  settings: ChatCallSettings,
): OllamaChatRequest {
  refuseUnsupported(request);
  const body: OllamaChatRequest = {
    model: settings.model,
    messages: request.messages.map((message, i) => toOllamaMessage(message, i, request.messages)),
    stream: settings.stream,
  };
  const options = toOllamaOptions(request, settings.maxContextTokens);
  if (options !== undefined) body.options = options;
  const format = toFormat(request.response_format);
  if (format !== undefined) body.format = format;
  // tool_choice "none" means "answer in text": the tools are not offered at all.
  if (request.tools !== undefined && request.tools.length > 0 && request.tool_choice !== 'none') {
    body.tools = request.tools;
  }
  if (request.reasoning_effort != null) body.think = reasoningToThink[request.reasoning_effort];
  return body;
}

function refuseUnsupported(request: ChatCompletionRequest): void {
  const choice = request.tool_choice;
  if (choice === 'required') {
    throw refuse(
      'tool_choice',
      'Ollama cannot force a tool call; use tool_choice "auto" (the model decides) or "none"',
    );
  }
  if (typeof choice === 'object') {
    throw refuse(
      'tool_choice',
      `Ollama cannot force a call to "${choice.function.name}"; use tool_choice "auto" and offer only that tool`,
    );
  }
  if (request.logprobs === true) {
    throw refuse('logprobs', 'the Ollama provider does not return log probabilities; remove logprobs');
  }
  if (request.top_logprobs != null && request.top_logprobs > 0) {
    throw refuse(
      'top_logprobs',
      'the Ollama provider does not return log probabilities; remove top_logprobs',
    );
  }
  if (request.store === true) {
    throw refuse('store', 'Ollama does not store completions; remove store or set it to false');
  }
}

function toFormat(format: ChatCompletionRequest['response_format']): OllamaFormat | undefined {
  if (format === undefined || format.type === 'text') return undefined;
  if (format.type === 'json_object') return 'json';
  // A json_schema without a schema still asks for JSON; the name and strict flag are labels
  // (Ollama's grammar-constrained output always follows the schema).
  return format.json_schema.schema ?? 'json';
}

/** Text of a content given as a string or as text parts (joined by newlines). */
function textOf(content: string | readonly { type: 'text'; text: string }[] | null | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text).join('\n');
}

function refuseName(message: ChatMessage, i: number): void {
  if ('name' in message && message.name !== undefined && message.role !== 'tool') {
    throw refuse(
      `messages[${i}].name`,
      `Ollama has no participant names on ${message.role} messages; remove name or put it in the content`,
    );
  }
}

function toOllamaMessage(message: ChatMessage, i: number, history: readonly ChatMessage[]): OllamaMessage {
  refuseName(message, i);
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: textOf(message.content) };
    case 'user':
      return userMessage(message.content, i);
    case 'assistant': {
      const texts = [textOf(message.content), message.refusal ?? ''].filter((t) => t !== '');
      const out: OllamaMessage = { role: 'assistant', content: texts.join('\n') };
      if (message.tool_calls !== undefined && message.tool_calls.length > 0) {
        out.tool_calls = message.tool_calls.map((call, j) => toOllamaToolCall(call, i, j));
      }
      return out;
    }
    case 'tool': {
      const toolName = findToolName(history, i, message.tool_call_id) ?? message.name;
      if (toolName === undefined) {
        throw refuse(
          `messages[${i}].tool_call_id`,
          `no earlier assistant message has a tool call with id "${message.tool_call_id}"; a tool message must answer one`,
        );
      }
      return {
        role: 'tool',
        content: textOf(message.content),
        tool_name: toolName,
        tool_call_id: message.tool_call_id,
      };
    }
  }
}

function userMessage(content: string | ContentPart[], i: number): OllamaMessage {
  if (typeof content === 'string') return { role: 'user', content };
  const texts: string[] = [];
  const images: string[] = [];
  content.forEach((part, j) => {
    if (part.type === 'text') texts.push(part.text);
    else images.push(imageData(part.image_url, `messages[${i}].content[${j}].image_url`));
  });
  return { role: 'user', content: texts.join('\n'), ...(images.length > 0 ? { images } : {}) };
}

function imageData(image: Extract<ContentPart, { type: 'image_url' }>['image_url'], param: string): string {
  // `detail` is accepted and has no effect: Ollama feeds the image at the model's own resolution.
  const url = typeof image === 'string' ? image : image.url;
  if (/^https?:/i.test(url)) {
    throw refuse(
      param,
      'Ollama cannot fetch image URLs; send the image inline as a data:image/...;base64 URL',
    );
  }
  const match = dataUrl.exec(url);
  if (match === null || match[2] === undefined || match[2] === '') {
    throw refuse(param, 'expected a data:image/<type>;base64,<data> URL');
  }
  return match[2];
}

function toOllamaToolCall(
  call: { id: string; function: { name: string; arguments: string } },
  i: number,
  j: number,
): OllamaToolCallIn {
  const param = `messages[${i}].tool_calls[${j}].function.arguments`;
  // An empty string is how some clients write a call without arguments.
  const text = call.function.arguments.trim() === '' ? '{}' : call.function.arguments;
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    throw refuse(
      param,
      `expected a JSON object string, got ${JSON.stringify(call.function.arguments.slice(0, 80))}`,
    );
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw refuse(param, 'expected a JSON object string: Ollama takes tool arguments as an object');
  }
  return {
    id: call.id,
    function: { index: j, name: call.function.name, arguments: args as Record<string, unknown> },
  };
}

/** The function name of the earlier assistant tool call a tool result answers. */
function findToolName(history: readonly ChatMessage[], i: number, callId: string): string | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const earlier = history[k];
    if (earlier?.role !== 'assistant') continue;
    const call = earlier.tool_calls?.find((c) => c.id === callId);
    if (call !== undefined) return call.function.name;
  }
  return undefined;
}
