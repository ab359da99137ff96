// POST /api/chat, with the checks in ChatHandler's order (reference §3.5), the load/unload shortcuts (§3.4)
// and the answer: a tool call, a fixed reply from a knob, or the default reply.
import { type GeneratedToolCall, generationMetrics, planGeneration } from '../generation.js';
import { type LineShape, renderGeneration } from '../generation-response.js';
import { goQuote } from '../go-json.js';
import { guardPause, guardReply } from '../guard.js';
import { fullModelName, parseModelName } from '../model-names.js';
import { parseModelOptions } from '../model-options.js';
import { hasCapability } from '../models.js';
import { renderChatPrompt } from '../prompt-template.js';
import { chatReplyText, formatReply, parseFormat, pickToolCall, THINKING_TEXT } from '../replies.js';
import { type ChatRequest, chatRequestType } from '../request-types.js';
import { errorResponse, jsonResponse } from '../responses.js';
import type { SimulatorState, ToolCallReply } from '../simulator-state.js';
import { rfc3339Utc } from '../timestamps.js';
import { countTokens } from '../tokens.js';
import { decodeBody, type EndpointContext } from './endpoint.js';

function chatShape(model: string): LineShape {
  const head = () => ({ model, created_at: rfc3339Utc(new Date()) });
  return {
    token: (kind, piece) => ({
      ...head(),
      message:
        kind === 'thinking'
          ? { role: 'assistant', content: '', thinking: piece }
          : { role: 'assistant', content: piece },
      done: false,
    }),
    toolCalls: (calls) => ({
      ...head(),
      message: { role: 'assistant', content: '', tool_calls: calls },
      done: false,
    }),
    final: (doneReason, metrics) => ({
      ...head(),
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: doneReason,
      ...metrics,
    }),
    whole: (plan, metrics) => {
      const message: Record<string, unknown> = { role: 'assistant', content: plan.content.join('') };
      if (plan.thinking.length > 0) message.thinking = plan.thinking.join('');
      if (plan.toolCalls.length > 0) message.tool_calls = plan.toolCalls;
      return { ...head(), message, done: true, done_reason: plan.doneReason, ...metrics };
    },
  };
}

function toolCallsOf(state: SimulatorState, calls: readonly ToolCallReply[]): GeneratedToolCall[] {
  return calls.map((call, index) => ({
    id: state.nextToolCallId(call.name),
    function: { index, name: call.name, arguments: call.arguments ?? {} },
  }));
}

function shortcut(model: string, doneReason: 'load' | 'unload'): Response {
  return jsonResponse(200, {
    model,
    created_at: rfc3339Utc(new Date()),
    message: { role: 'assistant', content: '' },
    done: true,
    done_reason: doneReason,
  });
}

/** Handles POST /api/chat. */
export async function handleChat({ state, body, path, signal }: EndpointContext): Promise<Response> {
  const decoded = decodeBody<ChatRequest>(body, chatRequestType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  const topLogprobs = request.top_logprobs ?? 0;
  if (topLogprobs < 0 || topLogprobs > 20) return errorResponse(400, 'top_logprobs must be between 0 and 20');
  const modelText = request.model ?? '';
  if (modelText.trim() === '') return errorResponse(400, 'model is required');
  const name = parseModelName(modelText);
  if (name === undefined) return errorResponse(400, 'invalid model name');
  const model = state.catalogue.find(name);
  if (model === undefined) return errorResponse(404, `model '${modelText}' not found`);
  const messages = request.messages ?? [];
  const keepAlive = request.keep_alive;
  if (messages.length === 0 && keepAlive !== undefined && Math.trunc(keepAlive / 1e9) === 0) {
    state.unload(model);
    return shortcut(modelText, 'unload');
  }
  const thinkAsked = request.think !== undefined && request.think !== false;
  if (thinkAsked && !hasCapability(model, 'thinking')) {
    return errorResponse(400, `${goQuote(modelText)} does not support thinking`);
  }
  if (!hasCapability(model, 'completion'))
    return errorResponse(400, `${goQuote(modelText)} does not support chat`);
  const tools = request.tools ?? [];
  if (tools.length > 0 && !hasCapability(model, 'tools')) {
    return errorResponse(400, `${fullModelName(model.name)} does not support tools`);
  }
  const options = parseModelOptions(request.options);
  if (typeof options === 'string') return errorResponse(500, options);
  const warm = state.load(model, keepAlive, options.numCtx);
  if (messages.length === 0) return shortcut(modelText, 'load');
  const format = parseFormat(request.format);
  if (typeof format === 'string') return errorResponse(500, format, 'application/json');

  // A guard model answers its verdict after its own delay, whatever the knobs say to other models.
  const guard = model.spec.guard === undefined ? undefined : guardReply(model.spec.guard, messages);
  if (guard !== undefined) await guardPause(guard.delayMs, signal);
  const thinks = guard === undefined && hasCapability(model, 'thinking') && request.think !== false;
  const knobCalls = guard === undefined && tools.length > 0 ? state.takeToolCalls(path) : undefined;
  const fixed = guard?.text ?? (knobCalls === undefined ? state.takeReply(path) : undefined);
  const ruleCall = knobCalls === undefined && fixed === undefined ? pickToolCall(messages, tools) : undefined;
  const calls = knobCalls ?? (ruleCall === undefined ? [] : [ruleCall]);
  const plan = planGeneration({
    text: fixed ?? formatReply(format, chatReplyText(messages)),
    thinking: thinks ? (state.takeThinking(path) ?? THINKING_TEXT) : undefined,
    toolCalls: toolCallsOf(state, calls),
    numPredict: options.numPredict,
    stop: options.stop,
  });
  const promptTokens = countTokens(renderChatPrompt(messages, tools));
  const stream = request.stream ?? true;
  return renderGeneration({
    plan,
    shape: chatShape(modelText),
    stream,
    metrics: generationMetrics(promptTokens, plan.evalCount, warm, state.tokenDelayMs),
    signal,
    tokenDelayMs: guard === undefined ? state.tokenDelayMs : 0,
    dropAfter: stream ? state.takeDrop(path) : undefined,
    errorAfter: stream ? state.takeStreamError(path) : undefined,
  });
}
