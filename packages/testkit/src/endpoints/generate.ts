// POST /api/generate (reference §4): like chat, but the answer travels in `response`, the final object
// carries `context` (token ids of prompt and answer, not in raw mode), and a missing model is a 404.
import { generationMetrics, planGeneration } from '../generation.js';
import { type LineShape, renderGeneration } from '../generation-response.js';
import { goQuote } from '../go-json.js';
import { fullModelName, parseModelName } from '../model-names.js';
import { parseModelOptions } from '../model-options.js';
import { hasCapability } from '../models.js';
import { renderGeneratePrompt } from '../prompt-template.js';
import { formatReply, generateReplyText, parseFormat, THINKING_TEXT } from '../replies.js';
import { type GenerateRequest, generateRequestType } from '../request-types.js';
import { errorResponse, jsonResponse } from '../responses.js';
import { rfc3339Utc } from '../timestamps.js';
import { tokenId, tokenize } from '../tokens.js';
import { decodeBody, type EndpointContext } from './endpoint.js';

function generateShape(model: string, context: readonly number[] | undefined): LineShape {
  const head = () => ({ model, created_at: rfc3339Utc(new Date()) });
  const withContext = context === undefined ? {} : { context };
  return {
    token: (kind, piece) =>
      kind === 'thinking'
        ? { ...head(), response: '', thinking: piece, done: false }
        : { ...head(), response: piece, done: false },
    // /api/generate has no tools; a tool call never reaches this shape.
    toolCalls: () => ({ ...head(), response: '', done: false }),
    final: (doneReason, metrics) => ({
      ...head(),
      response: '',
      done: true,
      done_reason: doneReason,
      ...withContext,
      ...metrics,
    }),
    whole: (plan, metrics) => ({
      ...head(),
      response: plan.content.join(''),
      ...(plan.thinking.length > 0 ? { thinking: plan.thinking.join('') } : {}),
      done: true,
      done_reason: plan.doneReason,
      ...withContext,
      ...metrics,
    }),
  };
}

function shortcut(model: string, doneReason: 'load' | 'unload'): Response {
  return jsonResponse(200, {
    model,
    created_at: rfc3339Utc(new Date()),
    response: '',
    done: true,
    done_reason: doneReason,
  });
}

/** Handles POST /api/generate. */
export async function handleGenerate({ state, body, path, signal }: EndpointContext): Promise<Response> {
  const decoded = decodeBody<GenerateRequest>(body, generateRequestType);
  if (decoded.error) return decoded.error;
  const request = decoded.value;
  const topLogprobs = request.top_logprobs ?? 0;
  if (topLogprobs < 0 || topLogprobs > 20) return errorResponse(400, 'top_logprobs must be between 0 and 20');
  const modelText = request.model ?? '';
  if (modelText.trim() === '') return errorResponse(404, `model '${modelText}' not found`);
  const name = parseModelName(modelText);
  if (name === undefined) return errorResponse(400, 'invalid model name');
  const model = state.catalogue.find(name);
  if (model === undefined) return errorResponse(404, `model '${modelText}' not found`);
  const priorContext = request.context ?? [];
  const raw = request.raw ?? false;
  if (raw && ((request.template ?? '') !== '' || (request.system ?? '') !== '' || priorContext.length > 0)) {
    return errorResponse(400, 'raw mode does not support template, system, or context');
  }
  const prompt = request.prompt ?? '';
  const keepAlive = request.keep_alive;
  if (prompt === '' && keepAlive !== undefined && Math.trunc(keepAlive / 1e9) === 0) {
    state.unload(model);
    return shortcut(modelText, 'unload');
  }
  const thinkAsked = request.think !== undefined && request.think !== false;
  if (thinkAsked && !hasCapability(model, 'thinking')) {
    return errorResponse(400, `${goQuote(modelText)} does not support thinking`);
  }
  if (!hasCapability(model, 'completion'))
    return errorResponse(400, `${goQuote(modelText)} does not support generate`);
  if ((request.suffix ?? '') !== '' && !hasCapability(model, 'insert')) {
    return errorResponse(400, `${fullModelName(model.name)} does not support insert`);
  }
  const options = parseModelOptions(request.options);
  if (typeof options === 'string') return errorResponse(500, options);
  const warm = state.load(model, keepAlive, options.numCtx);
  if (prompt === '') return shortcut(modelText, 'load');
  const format = parseFormat(request.format);
  if (typeof format === 'string') return errorResponse(500, format, 'application/json');

  const imageCount = request.images?.length ?? 0;
  const fixed = state.takeReply(path);
  const plan = planGeneration({
    text: fixed ?? formatReply(format, generateReplyText(prompt, imageCount)),
    thinking:
      hasCapability(model, 'thinking') && request.think !== false
        ? (state.takeThinking(path) ?? THINKING_TEXT)
        : undefined,
    numPredict: options.numPredict,
    stop: options.stop,
  });
  const promptTokens = tokenize(renderGeneratePrompt(prompt, request.system ?? '', raw, imageCount));
  const context = raw
    ? undefined
    : [...priorContext, ...promptTokens.map(tokenId), ...[...plan.thinking, ...plan.content].map(tokenId)];
  const stream = request.stream ?? true;
  return renderGeneration({
    plan,
    shape: generateShape(modelText, context),
    stream,
    metrics: generationMetrics(
      priorContext.length + promptTokens.length,
      plan.evalCount,
      warm,
      state.tokenDelayMs,
    ),
    signal,
    tokenDelayMs: state.tokenDelayMs,
    dropAfter: stream ? state.takeDrop(path) : undefined,
    errorAfter: stream ? state.takeStreamError(path) : undefined,
  });
}
