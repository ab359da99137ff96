/** What a policy found: counts, types and scores, never the matched text. */
export interface Finding {
  /** What was found, e.g. `ssn`, `instruction_override`, `weapons_manufacturing`. */
  type: string;
  count: number;
  score?: number;
  /** Names of the signals that fired, for detectors that score. */
  signals?: readonly string[];
  /** Language of the text the finding came from (ISO 639-1 where known), for detectors that identify it. */
  language?: string;
  /** Which request text held it: the segment id and its message role (`prompt` for role-less texts). */
  segment?: { readonly id: number; readonly role: string };
}

/** A text a request carries, as policies see it. */
export interface TextSegment {
  /** Stable index of the segment within the request. */
  readonly id: number;
  /** Role of the message the text belongs to; absent for completion prompts and embedding inputs. */
  readonly role?: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
  /** Where the text sits in the request. */
  readonly source: 'message' | 'tool_arguments' | 'prompt' | 'embedding_input';
  readonly text: string;
}

/** The policy lets the request or answer through untouched. */
export interface AllowDecision {
  readonly kind: 'allow';
  readonly findings: readonly Finding[];
}

/** The policy rewrites some texts (or caps the answer length) and reports what it found. */
export interface ModifyDecision {
  readonly kind: 'modify';
  readonly findings: readonly Finding[];
  /** New text per segment id (requests). */
  readonly segments?: ReadonlyMap<number, string>;
  /** New answer text (responses). */
  readonly text?: string;
  /** Upper bound for the tokens the upstream may generate. */
  readonly maxTokens?: number;
  /** Set when the answer was cut short. */
  readonly finishReason?: 'length' | 'content_filter';
}

/** The policy stops the request, or ends the answer. */
export interface BlockDecision {
  readonly kind: 'block';
  readonly code: string;
  readonly reason: string;
  readonly findings: readonly Finding[];
  /** For answers: the checked text before the blocking point, which is still delivered. */
  readonly text?: string;
}

/** What a policy hook returns. */
export type Decision = AllowDecision | ModifyDecision | BlockDecision;

/** Lets the request or answer through, optionally recording what was seen. */
export function allow(findings: readonly Finding[] = []): AllowDecision {
  return { kind: 'allow', findings };
}

/** Rewrites texts or caps tokens; see {@link ModifyDecision}. */
export function modify(
  change: Omit<ModifyDecision, 'kind' | 'findings'> & { findings?: readonly Finding[] },
): ModifyDecision {
  return { ...change, kind: 'modify', findings: change.findings ?? [] };
}

/** Stops the request (400 `content_filter`) or ends the answer (`finish_reason: content_filter`). */
export function block(details: {
  code: string;
  reason: string;
  findings?: readonly Finding[];
}): BlockDecision {
  return { kind: 'block', code: details.code, reason: details.reason, findings: details.findings ?? [] };
}
