// A simulated guard model (Llama Guard 3, ShieldGemma, Granite Guardian): answers in its format's
// words, deterministically, by markers in the text it judges, after a configurable delay.
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatedModel } from './models.js';
import type { OpenAICompatibleModel } from './openai/models.js';

/** The guard model families the simulator answers as. */
export type GuardFormatName = 'llama_guard_3' | 'shieldgemma' | 'granite_guardian';

/** Makes a served model a guard model. */
export interface GuardSpec {
  readonly format: GuardFormatName;
  /** How long the verdict takes, in ms (token delay does not apply to it); default 0. */
  readonly delayMs?: number;
}

/**
 * Markers a test writes into the judged text:
 * - `[unsafe]`: unsafe (Llama Guard names S1; ShieldGemma and Granite Guardian say "Yes");
 * - `[unsafe:S1,S10]`: Llama Guard names these codes; a yes/no model says "Yes" only when asked
 *   about one of the listed names (its system risk, or the ShieldGemma harm in its prompt);
 * - `[guard-delay:500]`: the verdict takes 500 ms;
 * - `[guard-garbage]`: the answer is no verdict at all.
 */
export const GUARD_MARKERS = {
  unsafe: '[unsafe]',
  delay: (ms: number) => `[guard-delay:${ms}]`,
  garbage: '[guard-garbage]',
};

const unsafeMarker = /\[unsafe(?::([^\]]+))?\]/;
const delayMarker = /\[guard-delay:(\d+)\]/;

// The harm each ShieldGemma policy name stands for, as a prompt rendered from its card names it.
const shieldGemmaPolicies: Record<string, string> = {
  '"No Dangerous Content"': 'dangerous_content',
  '"No Harassment"': 'harassment',
  '"No Hate Speech"': 'hate_speech',
  '"No Sexually Explicit Information"': 'sexually_explicit',
};

/** A chat message as the guard reads it. */
export interface GuardMessage {
  readonly role?: string;
  readonly content?: string | null;
}

/** What the guard says to a conversation: its answer text and how long to wait before it. */
export function guardReply(
  spec: GuardSpec,
  messages: readonly GuardMessage[],
): { text: string; delayMs: number } {
  // The judged text is the last message's: the turn judged (template prompts), or the whole
  // rendered prompt (a gateway-rendered or custom prompt in one user message).
  const judged = [...messages].reverse().find((m) => m.role !== 'system')?.content ?? '';
  const delay = delayMarker.exec(judged);
  const delayMs = delay === null ? (spec.delayMs ?? 0) : Number(delay[1]);
  if (judged.includes(GUARD_MARKERS.garbage)) return { text: 'I am not sure what you mean.', delayMs };
  const match = unsafeMarker.exec(judged);
  const named = match?.[1]?.split(',').map((c) => c.trim()) ?? [];
  if (spec.format === 'llama_guard_3') {
    return {
      text: match === null ? 'safe' : `unsafe\n${named.length === 0 ? 'S1' : named.join(',')}`,
      delayMs,
    };
  }
  let asked: string | undefined;
  if (spec.format === 'granite_guardian') {
    asked = messages.find((m) => m.role === 'system')?.content?.trim() || 'harm';
  } else {
    asked = Object.entries(shieldGemmaPolicies).find(([name]) => judged.includes(name))?.[1];
  }
  const yes = match !== null && (named.length === 0 || asked === undefined || named.includes(asked));
  return { text: yes ? 'Yes' : 'No', delayMs };
}

/** Waits for a guard's verdict; resolves early (and quietly) when the client goes away. */
export async function guardPause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** An Ollama model entry that answers as a guard model (`llama-guard3:1b`, `shieldgemma:2b`, `granite3-guardian:2b`). */
export function ollamaGuardModel(name: string, guard: GuardSpec): SimulatedModel {
  return {
    name,
    family:
      guard.format === 'shieldgemma' ? 'gemma2' : guard.format === 'granite_guardian' ? 'granite' : 'llama',
    parameterSize: '1.5B',
    capabilities: ['completion'],
    contextLength: 131072,
    embeddingLength: 2048,
    size: 1_600_000_000,
    guard,
  };
}

/** An OpenAI-compatible model entry that answers as a guard model (`meta-llama/Llama-Guard-3-1B`). */
export function openAIGuardModel(id: string, guard: GuardSpec): OpenAICompatibleModel {
  return {
    id,
    task: 'generate',
    contextLength: 8192,
    embeddingLength: 2048,
    parameters: 1_500_000_000,
    size: 3_000_000_000,
    guard,
  };
}
