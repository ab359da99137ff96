// What the simulated model answers on the OpenAI-compatible endpoints, reusing the Ollama simulator's
// engine (replies, tool-call rule, JSON examples, tokenizer, stop/length planning), plus the pieces only
// these endpoints have: `tool_choice`, `n`, OpenAI-shaped tool calls and deterministic logprobs.
import { createHash } from 'node:crypto';
import { type GeneratedToolCall, type GenerationPlan, planGeneration } from '../generation.js';
import { parseGoJson } from '../go-json.js';
import { renderChatPrompt } from '../prompt-template.js';
import { chatReplyText, formatReply, pickToolCall, type ReplyFormat, toolArguments } from '../replies.js';
import type { WireMessage, WireTool } from '../request-types.js';
import type { ToolCallReply } from '../simulator-state.js';
import { countTokens } from '../tokens.js';
import type { ChatCompletionRequest, ChatMessageIn, ResponseFormatIn, ToolIn } from './request.js';
import { contentText } from './request.js';

/** A tool call in OpenAI's shape, `arguments` already a JSON string. */
export interface OpenAIToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** One choice of an answer: the tokens, the calls and why it ended. */
export interface ChoicePlan {
  readonly plan: GenerationPlan;
  readonly toolCalls: readonly OpenAIToolCall[];
  readonly finishReason: 'stop' | 'length' | 'tool_calls';
}

/** Maps OpenAI messages onto the Ollama engine's message type (text only, tool results named). */
export function toWireMessages(messages: readonly ChatMessageIn[]): WireMessage[] {
  return messages.map((message) => {
    let toolName = message.name;
    if (message.role === 'tool' && toolName === undefined && message.tool_call_id !== undefined) {
      // The OpenAI API names a tool result by its call id; find the call it answers.
      const call = messages
        .flatMap((m) => m.tool_calls ?? [])
        .find((c) => c.id !== undefined && c.id === message.tool_call_id);
      toolName = call?.function.name;
    }
    return {
      role: message.role,
      content: contentText(message.content),
      tool_name: toolName,
      tool_calls: (message.tool_calls ?? []).map((call) => ({
        function: { name: call.function.name, arguments: safeParse(call.function.arguments) },
      })),
    } as WireMessage;
  });
}

function safeParse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '{}');
  } catch {
    return {};
  }
}

/** Maps OpenAI tools onto the engine's tool type (parameters as a parsed JSON node). */
export function toWireTools(tools: readonly ToolIn[]): WireTool[] {
  return tools.map((tool) => {
    const parsed = parseGoJson(JSON.stringify(tool.function.parameters ?? { type: 'object' }));
    return {
      type: 'function',
      function: {
        name: tool.function.name,
        description: tool.function.description,
        parameters: parsed.ok ? parsed.node : undefined,
      },
    };
  });
}

/** The engine's reply format for a `response_format`. */
export function replyFormat(format: ResponseFormatIn | null | undefined): ReplyFormat {
  if (format?.type === 'json_object') return { kind: 'json' };
  if (format?.type === 'json_schema') return { kind: 'schema', schema: format.json_schema?.schema ?? {} };
  return { kind: 'text' };
}

/** Tokens of the templated chat prompt: what usage.prompt_tokens reports. */
export function chatPromptTokens(request: ChatCompletionRequest): number {
  return countTokens(renderChatPrompt(toWireMessages(request.messages), toWireTools(request.tools ?? [])));
}

/**
 * The tool calls a chat request gets. `tool_choice: "none"` (or no tools) calls nothing; a knob's calls win
 * otherwise; a named function is always called; `"required"` calls the tool the last user message names,
 * else the first tool; `"auto"` (the default) calls a tool only when the last user message names it.
 */
export function decideToolCalls(
  request: ChatCompletionRequest,
  knob: readonly ToolCallReply[] | undefined,
): ToolCallReply[] {
  const tools = request.tools ?? [];
  const choice = request.tool_choice ?? 'auto';
  if (tools.length === 0 || choice === 'none') return [];
  if (knob !== undefined) return [...knob];
  const wireTools = toWireTools(tools);
  const messages = toWireMessages(request.messages);
  const lastUser = messages.findLast((m) => m.role === 'user')?.content ?? '';
  if (typeof choice === 'object') {
    const tool = wireTools.find((t) => t.function?.name === choice.function.name);
    return [{ name: choice.function.name, arguments: toolArguments(tool?.function?.parameters, lastUser) }];
  }
  const picked = pickToolCall(messages, wireTools);
  if (picked !== undefined) return [picked];
  if (choice === 'required') {
    const first = wireTools[0];
    return [
      { name: first?.function?.name ?? '', arguments: toolArguments(first?.function?.parameters, lastUser) },
    ];
  }
  return [];
}

/** The default chat answer text (before `response_format`). */
export function chatText(request: ChatCompletionRequest): string {
  return chatReplyText(toWireMessages(request.messages));
}

/** Plans `n` identical choices of an answer (the simulated model is greedy, so every sample agrees). */
export function planChoices(options: {
  readonly n: number;
  readonly text: string;
  readonly format: ReplyFormat;
  readonly calls: readonly ToolCallReply[];
  readonly maxTokens: number | undefined;
  readonly stop: readonly string[];
  readonly callId: () => string;
  readonly formatArguments: (args: Readonly<Record<string, unknown>>) => string;
}): ChoicePlan[] {
  return Array.from({ length: options.n }, () => {
    const calls: GeneratedToolCall[] = options.calls.map((call, index) => ({
      id: options.callId(),
      function: { index, name: call.name, arguments: call.arguments ?? {} },
    }));
    const plan = planGeneration({
      text: formatReply(options.format, options.text),
      toolCalls: calls,
      numPredict: options.maxTokens,
      stop: options.stop,
    });
    return {
      plan,
      toolCalls: calls.map((call) => ({
        id: call.id,
        name: call.function.name,
        arguments: options.formatArguments(call.function.arguments),
      })),
      finishReason: calls.length > 0 ? 'tool_calls' : plan.doneReason,
    };
  });
}

/** `stop` as a list. */
export function stopList(stop: string | readonly string[] | null | undefined): string[] {
  if (stop === null || stop === undefined) return [];
  return typeof stop === 'string' ? [stop] : [...stop];
}

const ALTERNATIVES = [' the', ' a', ',', '.', ' and', ' of', ' to', ' I', ' is', ' it', ' you', ' that'];

/** A token's deterministic log-probability, in (-2, 0]. */
export function tokenLogprob(token: string): number {
  const n = createHash('sha256').update(token).digest().readUInt16BE(0);
  return -Math.round((n / 65536) * 2 * 1e4) / 1e4;
}

/** One token with its `top` most likely alternatives (the token itself first), as [token, logprob] pairs. */
export function topAlternatives(token: string, top: number): Array<readonly [string, number]> {
  const chosen = tokenLogprob(token);
  const out: Array<readonly [string, number]> = top > 0 ? [[token, chosen]] : [];
  for (const alt of ALTERNATIVES) {
    if (out.length >= top) break;
    if (alt === token) continue;
    out.push([alt, Math.round((chosen - 0.75 * out.length - 0.5) * 1e4) / 1e4]);
  }
  return out;
}

/** UTF-8 bytes of a token, as OpenAI's logprobs list them. */
export function tokenBytes(token: string): number[] {
  return [...Buffer.from(token, 'utf8')];
}
