import {
  type AnswerWindow,
  allow,
  block,
  type CheckedRequest,
  type Decision,
  definePolicy,
  type Finding,
  type PolicyChatResult,
  type PolicyContext,
} from '@keeptrusts/core';
import { type GuardModelConfig, guardModelConfig } from './config.js';
import {
  findCategory,
  type GuardCategory,
  graniteRisks,
  llamaGuardCategories,
  shieldGemmaHarms,
} from './formats/categories.js';
import { requestTurns, responseTurns, type Turn } from './formats/conversation.js';
import { customFormat } from './formats/custom.js';
import type { GuardFormat, Verdict } from './formats/format.js';
import { graniteGuardian } from './formats/granite-guardian.js';
import { llamaGuard3 } from './formats/llama-guard-3.js';
import { shieldGemma } from './formats/shieldgemma.js';

/** The categories a rule enforces, resolved from what it wrote (all of the format's when it wrote none). */
function enforced(config: GuardModelConfig): GuardCategory[] {
  const pick = (list: readonly GuardCategory[], fallback: readonly GuardCategory[]) =>
    config.categories === undefined ? [...fallback] : config.categories.map((c) => findCategory(list, c)!);
  switch (config.format) {
    case 'llama_guard_3':
      return pick(llamaGuardCategories, llamaGuardCategories);
    case 'shieldgemma':
      return pick(shieldGemmaHarms, shieldGemmaHarms);
    case 'granite_guardian':
      return pick(graniteRisks, [graniteRisks[0]!]);
    case 'custom':
      return (config.categories ?? []).map((name) => ({ code: name, slug: name, name }));
  }
}

function formatFor(config: GuardModelConfig, categories: readonly GuardCategory[]): GuardFormat {
  switch (config.format) {
    case 'llama_guard_3':
      return llamaGuard3({ prompt: config.prompt, categories });
    case 'shieldgemma':
      return shieldGemma({ prompt: config.prompt, categories });
    case 'granite_guardian':
      return graniteGuardian({ categories });
    case 'custom':
      return customFormat({
        template: config.custom!.template,
        unsafe: new RegExp(config.custom!.unsafe_pattern),
        categories,
      });
  }
}

/** Characters of a streamed answer per guard call when the rule does not say. */
const DEFAULT_WINDOW_CHARS = 400;
/** Windows of one answer judged at once when the rule does not say. */
const DEFAULT_WINDOWS_IN_FLIGHT = 2;

/** Why a guard call gave no verdict, as findings and reasons name it. */
type Failure = 'timeout' | 'upstream_error' | 'unreadable_verdict';

/** What one judgement of a turn came to. */
type Judgement =
  | { kind: 'verdict'; verdict: Verdict; usage: PolicyChatResult['usage'] }
  | { kind: 'failed'; failure: Failure; detail: string }
  | { kind: 'aborted' };

/**
 * Asks a guard model (Llama Guard 3, ShieldGemma, Granite Guardian or a custom one) served by a
 * configured target whether the prompt, the answer, or both are safe. On prompts it is a request
 * check, run beside the upstream call (`mode: parallel`) or before it (`sequential`); on answers it
 * is an answer check: a whole answer is judged once, an incremental stream window by window, each
 * window held until its verdict.
 */
export const guardModel = definePolicy({
  type: 'guard_model',
  configSchema: guardModelConfig,
  defaultAppliesTo: ['chat', 'completion'],
  targetRefs: (config) => [{ path: ['target'], id: config.target, kinds: ['chat'] }],
  create(config, context) {
    const chat = context.chat;
    if (chat === undefined || context.chatTargets === undefined) {
      throw new Error('guard_model needs a host that lets policies call chat targets, and this one does not');
    }
    if (!context.chatTargets.includes(config.target)) {
      throw new Error(
        `target "${config.target}" is not a chat target; chat targets: ${context.chatTargets.join(', ') || 'none'}`,
      );
    }
    const categories = enforced(config);
    const format = formatFor(config, categories);
    const enforcedCodes = new Set(categories.map((c) => c.code.toUpperCase()));
    const judge = (turns: readonly Turn[], signal: AbortSignal | undefined) =>
      judgeTurns(format, turns, config, chat, signal);
    const decide = (judgement: Judgement, what: 'prompt' | 'answer'): Decision =>
      decision(
        judgement,
        what,
        config,
        format,
        config.format === 'llama_guard_3' && config.categories !== undefined ? enforcedCodes : undefined,
      );

    const scansRequests = config.scan !== 'response';
    const scansAnswers = config.scan !== 'request';
    return {
      ...(scansRequests
        ? {
            requestCheck: {
              mode: config.mode,
              async check(request: CheckedRequest, signal: AbortSignal) {
                if (config.when === 'uncertain' && !inBand(request, config.band!)) return allow();
                const turns = requestTurns(request.segments);
                if (turns.length === 0) return allow();
                return decide(await judge(turns, signal), 'prompt');
              },
            },
          }
        : {}),
      ...(scansAnswers
        ? {
            answerCheck: {
              windowChars: config.window_chars ?? DEFAULT_WINDOW_CHARS,
              maxInFlight: config.windows_in_flight ?? DEFAULT_WINDOWS_IN_FLIGHT,
              // The guard judges the answer text up to the window's end (reasoning and tool-call
              // arguments are not its input), as the assistant turn the client will have seen.
              async check(window: AnswerWindow, signal: AbortSignal) {
                if (window.text.trim() === '') return allow();
                return decide(await judge(responseTurns(window.prompt, window.text), signal), 'answer');
              },
            },
          }
        : {}),
    };
  },
});

// Whether a detector the band names scored the request inside the band: only then is the guard asked.
function inBand(request: CheckedRequest, band: NonNullable<GuardModelConfig['band']>): boolean {
  return request.decisions.some(
    (d) =>
      d.rule === band.rule &&
      (band.policy === undefined || d.policy === band.policy) &&
      d.findings.some(
        (f) =>
          (band.finding === undefined || f.type === band.finding) &&
          f.score !== undefined &&
          f.score >= band.min &&
          f.score <= band.max,
      ),
  );
}

async function judgeTurns(
  format: GuardFormat,
  turns: readonly Turn[],
  config: GuardModelConfig,
  chat: NonNullable<PolicyContext['chat']>,
  signal: AbortSignal | undefined,
): Promise<Judgement> {
  const timeout = AbortSignal.timeout(config.timeout_ms);
  const bounded = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  const asks = format.asks(turns);
  try {
    const answers = await Promise.all(
      asks.map((ask) =>
        chat(config.target, { messages: ask.messages, maxTokens: config.max_tokens }, bounded).then(
          (result) => ({ ask, result }),
        ),
      ),
    );
    const categories: string[] = [];
    const usage = { promptTokens: 0, completionTokens: 0 };
    let safe = true;
    for (const { ask, result } of answers) {
      usage.promptTokens += result.usage.promptTokens;
      usage.completionTokens += result.usage.completionTokens;
      const verdict = format.parse(result.text, ask);
      if (!verdict.safe) {
        safe = false;
        categories.push(...verdict.categories);
      }
    }
    return {
      kind: 'verdict',
      verdict: safe ? { safe: true } : { safe: false, categories: [...new Set(categories)] },
      usage,
    };
  } catch (error) {
    if (signal?.aborted === true) return { kind: 'aborted' };
    if (timeout.aborted) {
      return { kind: 'failed', failure: 'timeout', detail: `no verdict within ${config.timeout_ms} ms` };
    }
    if ((error as Error).name === 'UnreadableVerdict') {
      return { kind: 'failed', failure: 'unreadable_verdict', detail: (error as Error).message };
    }
    return { kind: 'failed', failure: 'upstream_error', detail: (error as Error).message };
  }
}

function decision(
  judgement: Judgement,
  what: 'prompt' | 'answer',
  config: GuardModelConfig,
  format: GuardFormat,
  only: ReadonlySet<string> | undefined,
): Decision {
  if (judgement.kind === 'aborted') return allow();
  if (judgement.kind === 'failed') {
    const finding: Finding = {
      type: 'guard_error',
      count: 1,
      signals: [judgement.failure, `on_error: ${config.on_error}`],
    };
    if (config.on_error === 'allow') return allow([finding]);
    return block({
      code: 'guard_unavailable',
      reason: `the guard model "${config.target}" gave no verdict on the ${what} (${judgement.detail}); on_error: block`,
      findings: [finding],
    });
  }
  const { verdict } = judgement;
  if (verdict.safe) return allow([{ type: 'safe', count: 1 }]);
  const named = verdict.categories.map((code) => {
    const known = format.categories.find((c) => c.code.toUpperCase() === code.toUpperCase());
    return known === undefined || known.code === known.slug ? code : `${known.code}: ${known.name}`;
  });
  // Llama Guard names every category it sees; a rule that lists categories enforces only those.
  const enforced =
    only === undefined ? verdict.categories : verdict.categories.filter((c) => only.has(c.toUpperCase()));
  if (only !== undefined && enforced.length === 0 && verdict.categories.length > 0) {
    return allow([{ type: 'unsafe_not_enforced', count: 1, signals: named }]);
  }
  return block({
    code: 'guard_model',
    reason: `the guard model "${config.target}" judged the ${what} unsafe${named.length === 0 ? '' : ` (${named.join(', ')})`}`,
    findings: [{ type: 'unsafe', count: 1, signals: named }],
  });
}
