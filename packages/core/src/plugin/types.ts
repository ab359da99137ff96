import type { z } from 'zod';
import type { AuditDecision, AuditRecord } from '../audit/record.js';
import type { TargetConfig } from '../config/types.js';
import type { Decision, Finding, TextSegment } from './decision.js';
import type { ProviderInstance } from './provider-types.js';

/** The version of the plugin contract this core implements; definitions are stamped with it. */
export const CONTRACT_VERSION = 1;

/** The kinds of endpoint a target serves and a policy may be scoped to. */
export type EndpointKind = 'chat' | 'completion' | 'embedding';

/** A request as the policy chain shows it to policies. */
export interface PolicyRequest {
  readonly endpoint: EndpointKind;
  readonly targetId: string;
  readonly model: string;
  readonly segments: readonly TextSegment[];
  /** Tokens the client allowed for the answer, if it said. */
  readonly maxTokens: number | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Which part of an answer a response hook is reading: the answer text, the model's reasoning
 * ("thinking"), or one tool call's arguments (a JSON string, re-serialised without escapes).
 */
export type AnswerPart = 'content' | 'reasoning' | 'tool_arguments';

/**
 * An answer as the policy chain shows it to policies: one part of it, assembled. `onResponse` is
 * called once per part present (reasoning, then the text, then each tool call's arguments); a
 * `modify` with `text` replaces that part, a `block` ends the whole answer.
 */
export interface PolicyResponse {
  readonly endpoint: EndpointKind;
  readonly targetId: string;
  readonly model: string;
  readonly text: string;
  readonly finishReason: string | null;
  /** The part `text` is; `content` for the answer text. */
  readonly part: AnswerPart;
  /**
   * The request's texts as the upstream received them (after the request rules), for rules that
   * judge an answer in the light of its prompt (a guard model classifying the last turn). Empty
   * when the host does not say.
   */
  readonly prompt: readonly TextSegment[];
}

/** A match a {@link TextScanner} reports, in offsets of the scanned text. */
export interface ScanMatch {
  readonly start: number;
  readonly end: number;
  /** Finding type, e.g. `ssn`. */
  readonly type: string;
  /** Text that replaces the match; absent means the match blocks the answer. */
  readonly replacement?: string;
}

/**
 * A policy's view of an answer as a stream of text. The chain holds back `holdback` trailing
 * characters, so a match split across chunks is found whole and redacted exactly as it would be
 * in the assembled answer.
 */
export interface TextScanner {
  /** Longest span a match can cover, lookahead context included. */
  readonly holdback: number;
  /** Characters before a match that decide it (context words), kept after they are sent. */
  readonly lookbehind: number;
  /** All matches in `text`, sorted by start, not overlapping. */
  scan(text: string): readonly ScanMatch[];
  /**
   * Optional, for lower latency: how far a stream buffer may be released now. Returns an index
   * such that, whatever text follows, no match will start before it and end after it, and the
   * matches that end before it are final. Typically the start of a trailing run of characters
   * that could still grow into a match. Without it the chain holds back `holdback` characters.
   * Must never be less safe than that (the chain uses the smaller of the two holdbacks only when
   * this says more may go, so a wrong answer here leaks: property-test it).
   */
  safeEnd?(buffer: string): number;
}

/**
 * What an answer transform gives back for the text it was handed: the text to send on (in a
 * stream, what may go out now) and what it did.
 */
export interface AnswerTransformStep {
  readonly text: string;
  /**
   * Set when the answer ends with this text, cut short: nothing after it is sent, and the answer's
   * `finish_reason` becomes `length`.
   */
  readonly finishReason?: 'length';
  /** What the transform did, for the audit record (counts and names, never text). */
  readonly findings?: readonly Finding[];
}

/**
 * One answer's run of an incremental transform. The chain pushes the answer text in pieces (a
 * whole answer in one piece) and then ends it. For any cutting of a text, the steps' texts must
 * join to what one push of the whole text and `end()` give; the run holds back whatever it
 * cannot decide yet (its own look-ahead, e.g. a word that may continue in the next piece).
 */
export interface AnswerTransformRun {
  push(text: string): AnswerTransformStep;
  /** The answer text is complete: release what is held back. */
  end(): AnswerTransformStep;
}

/**
 * A rule's rewrite of the answer text (the `content` part; reasoning and tool-call arguments are
 * not handed to it), run after the rule's scanner or `onResponse`. `incremental` transforms work
 * on streams as they flow, so their targets' streams stay incremental; `buffered` ones need the
 * whole answer, so their targets' streams are assembled before anything is sent.
 */
export type AnswerTransform =
  | {
      readonly mode: 'incremental';
      /** Starts the transform on one answer. */
      start(): AnswerTransformRun;
    }
  | {
      readonly mode: 'buffered';
      /** Transforms a whole answer text. */
      apply(text: string): AnswerTransformStep;
    };

/** A request as a {@link RequestCheck} sees it: the request after every `onRequest` rule, and their decisions. */
export interface CheckedRequest extends PolicyRequest {
  /**
   * What the request rules decided before the checks ran (their findings carry scores), so a check
   * can act as a second opinion only where a detector was unsure.
   */
  readonly decisions: readonly AuditDecision[];
}

/**
 * A slow judgement of the request (a call to a model), run after every `onRequest` rule. `parallel`
 * checks run while the upstream call is already under way: nothing of its answer reaches the
 * client until every parallel check allowed, and a block aborts the upstream call. `sequential`
 * checks run before the upstream is called. A check returns `allow` or `block`; it cannot rewrite
 * the request (in parallel mode the upstream already has it), so a `modify` fails closed.
 */
export interface RequestCheck {
  readonly mode: 'parallel' | 'sequential';
  /** `signal` aborts when the client goes away or another check blocked the request. */
  check(request: CheckedRequest, signal: AbortSignal): Promise<Decision>;
}

/**
 * The answer as an {@link AnswerCheck} sees it: the answer text up to the end of the part being
 * judged, after every other response rule (so what the client would get), with the prompt it answers.
 */
export interface AnswerWindow {
  readonly endpoint: EndpointKind;
  readonly targetId: string;
  readonly model: string;
  /** The request's texts as the upstream received them (after the request rules). */
  readonly prompt: readonly TextSegment[];
  /** The answer text from its start to the end of this window. */
  readonly text: string;
  /** Where the new part, not judged before, starts in `text` (0 for a whole answer). */
  readonly start: number;
  /** Whether `text` is the whole answer (a whole answer, or a stream's last window). */
  readonly final: boolean;
}

/**
 * A slow judgement of the answer text (a call to a model), run after every other response rule.
 * A whole answer (not streamed, or a buffered stream) is judged once. An incremental stream is cut
 * into windows of at least `windowChars` characters: once that much is pending, a window takes what
 * has arrived up to its last white space (text without spaces is taken whole); each window is held back
 * until every check allowed it, so nothing unjudged reaches the client. Windows are judged while
 * the next ones arrive, at most `maxInFlight` of them at a time, and released in order. A block ends
 * the answer (`content_filter`) before the window it judged, or before an earlier window still
 * being judged; what earlier windows released stays sent. A check returns `allow` or `block`: a
 * `modify` fails closed, as a throw does.
 */
export interface AnswerCheck {
  /** Characters of answer text a window waits for in incremental streams (the last one may be shorter). */
  readonly windowChars: number;
  /** Windows of one answer judged at the same time; more wait (and so does the upstream). */
  readonly maxInFlight?: number;
  /** `signal` aborts when the client goes away or another check blocked the answer. */
  check(window: AnswerWindow, signal: AbortSignal): Promise<Decision>;
}

/** Hooks a live policy instance offers. All are optional. */
export interface PolicyHooks {
  onRequest?(request: PolicyRequest): Decision | Promise<Decision>;
  onResponse?(response: PolicyResponse): Decision | Promise<Decision>;
  /**
   * Present when the policy acts on answers as a scanner; the chain then runs it on whole answers
   * and, in incremental mode, on streams (see {@link TextScanner}). Takes the place of onResponse.
   */
  readonly responseScanner?: TextScanner;
  /** Rewrites the answer text, whole or as it streams (see {@link AnswerTransform}). */
  readonly answerTransform?: AnswerTransform;
  /** Judges the request slowly, beside or before the upstream call (see {@link RequestCheck}). */
  readonly requestCheck?: RequestCheck;
  /** Judges the answer slowly, whole or in windows of a stream (see {@link AnswerCheck}). */
  readonly answerCheck?: AnswerCheck;
}

/** What {@link PolicyContext.chat} answers: the model's text and what the call cost. */
export interface PolicyChatResult {
  readonly text: string;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number };
}

/** What the host hands a policy when it creates an instance. */
export interface PolicyContext {
  /** Id of the policy (the `policies[].id`) this rule belongs to. */
  readonly policyId: string;
  /** Embeds texts through a configured embedding target, for semantic detectors. */
  readonly embed?: (target: string, texts: readonly string[], signal?: AbortSignal) => Promise<number[][]>;
  /** Ids of the configured embedding targets `embed` accepts, so a rule can check its own at start. */
  readonly embeddingTargets?: readonly string[];
  /**
   * Asks a configured chat target (a guard model) through the host's own provider instance, never
   * through the policy chain; the host counts the call in its metrics.
   */
  readonly chat?: (
    target: string,
    request: {
      messages: readonly { role: 'system' | 'user' | 'assistant'; content: string }[];
      maxTokens?: number;
    },
    signal: AbortSignal,
  ) => Promise<PolicyChatResult>;
  /** Ids of the configured chat targets `chat` accepts. */
  readonly chatTargets?: readonly string[];
}

/**
 * A target a rule's settings name, so the loader checks it exists (and serves `kind`) and reports
 * the rule's file, line and `path` when it does not.
 */
export interface RuleTargetRef {
  /** Where in the rule the id is written, e.g. `['target']`. */
  readonly path: readonly (string | number)[];
  readonly id: string;
  /** The endpoint kinds the target must serve; any when absent. */
  readonly kinds?: readonly EndpointKind[];
}

/**
 * A policy plugin as authored: its rule `type`, config schema and factory. `Config` is what the
 * schema produces (what `create` gets), `Written` what it accepts (the rule as written in YAML).
 */
export interface PolicyDefinition<Config = unknown, Written = unknown> {
  readonly kind: 'policy';
  readonly contract: number;
  /** snake_case, exactly as written in YAML: `pii_detection`. */
  readonly type: string;
  readonly configSchema: z.ZodType<Config, Written>;
  /** Endpoint kinds the policy acts on when the config does not scope it. */
  readonly defaultAppliesTo?: readonly EndpointKind[];
  /** The targets a rule's settings name, for the loader's cross-checks; none when absent. */
  targetRefs?(config: Config): readonly RuleTargetRef[];
  create(config: Config, context: PolicyContext): PolicyHooks | Promise<PolicyHooks>;
}

/** What the host hands a provider when it creates an instance for a target. */
export interface ProviderContext {
  /** Reads an environment variable (for `secret_key_ref`); injectable for tests. */
  readonly env: (name: string) => string | undefined;
  /**
   * How the target's model names compare, when another provider handed the target over (see
   * {@link ProviderDelegation}): the handing provider's `sameModel`. Absent otherwise: the provider
   * compares names its own way.
   */
  readonly sameModel?: (configured: string, served: string) => boolean;
}

/**
 * A provider's answer to "who serves this target?": another registered provider, named as provider
 * strings name it, which speaks the API the target asked for (an `ollama` target written with
 * `format: openai` is served by the `openai` provider at Ollama's `/v1`). The host resolves the name
 * through its registry (`createProviderInstance`); neither plugin imports the other.
 */
export interface ProviderDelegation {
  /** The provider name (or alias) that serves the target instead. */
  readonly provider: string;
  /** The base URL that provider is given; default the target's own. */
  readonly baseUrl?: string;
  /** The target fields that provider's `configSchema` parses; default none (`{}`). */
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * Target fields a provider fills in when the config leaves them out. Each is optional: without a
 * default, a target that does not write the field has none (`baseUrl`/`secretKeyEnv` undefined).
 */
export interface ProviderDefaults {
  /** `base_url` when not written: the server's root, e.g. `http://localhost:11434`. */
  readonly baseUrl?: string;
  /** `secret_key_ref.env` when not written: the variable holding the upstream's bearer token. */
  readonly secretKeyEnv?: string;
}

/**
 * A provider plugin: turns OpenAI-shaped calls into a model server's native API. Everything the
 * gateway knows about a kind of model server comes from here: the names that select it in provider
 * strings, the endpoint kinds it serves, its defaults, its own target fields and how it names models.
 * `Options` is what `configSchema` produces from those fields (what `create` finds in `target.options`),
 * `Written` what it accepts.
 */
export interface ProviderDefinition<Options = unknown, Written = unknown> {
  readonly kind: 'provider';
  readonly contract: number;
  /** The first part of provider strings: `ollama` in `ollama:chat:llama3.3`. */
  readonly name: string;
  /**
   * Further names that select this provider with other defaults (a `vllm` alias of an
   * OpenAI-compatible provider changes only the default port). Empty when it has none.
   */
  readonly aliases: Readonly<Record<string, ProviderDefaults>>;
  /** The endpoint kinds it serves; the first is the kind of a bare provider string (`ollama`). */
  readonly kinds: readonly EndpointKind[];
  /** Target fields filled in when not written; an alias's defaults take precedence. */
  readonly defaults: ProviderDefaults;
  /**
   * Validates the provider's own target fields (those beside core's `id`, `provider`, `model`,
   * `base_url`, `secret_key_ref`, timeouts, `weight`, ...); the loader reports its problems by file
   * and line, like a rule's. Without one, a target has no fields beyond core's.
   */
  readonly configSchema: z.ZodType<Options, Written>;
  /** The keys `configSchema` reads, so the loader can tell them from misspelt keys. */
  readonly fields: readonly string[];
  /**
   * Whether a model name a client sent names a target's configured model (Ollama: `llama3.3` and
   * `llama3.3:latest` are one model). The default is plain equality.
   */
  sameModel(configured: string, requested: string): boolean;
  /**
   * Hands a target to another provider when its settings ask for an API this one does not speak
   * (see {@link ProviderDelegation}); `undefined` means this provider serves it. Absent when it
   * never delegates. The target keeps this definition for routing and model names.
   */
  delegate?(target: TargetConfig<Options>): ProviderDelegation | undefined;
  create(target: TargetConfig<Options>, context: ProviderContext): ProviderInstance;
}

/** An audit sink: receives one record per request. */
export interface AuditSink {
  /**
   * Takes one record. A sink that promises durability per record (the file sink under
   * `fsync: always`) returns a promise that settles once the record is on storage: the gateway
   * holds the answer (a stream's `[DONE]`) until then, so no answered request goes unrecorded
   * after a crash.
   */
  append(record: AuditRecord): void | Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Whether the sink can accept records now; a failing sink shows in readiness. */
  healthy(): boolean;
  /** When true, the gateway answers 503 `audit_unavailable` while the sink is unhealthy rather than serve unaudited. */
  readonly failClosed?: boolean;
  /** When true, records carry the prompt and answer (after redaction); otherwise the gateway keeps no copy. */
  readonly wantsContent?: boolean;
  /** Records taken but not yet stored, and appends refused so far; the gateway's `/metrics` shows them. */
  stats?(): AuditSinkStats;
}

/** What a sink reports for `/metrics`. */
export interface AuditSinkStats {
  pendingRecords: number;
  rejectedRecords: number;
  /**
   * Records a sink keeps in a local spool while its store cannot be reached (they count as stored),
   * its size in bytes, and the age in seconds of the oldest one (0 when empty). Absent for sinks
   * without a spool.
   */
  spool?: { records: number; bytes: number; oldestAgeSeconds: number };
}

/** What the host hands a sink. */
export interface AuditSinkContext {
  /** Directory relative paths in the sink config resolve against (the first config file's). */
  readonly baseDir: string;
  readonly env: (name: string) => string | undefined;
  readonly now?: () => Date;
  /** Tells the operator something the sink handled on its own (a stale lock taken over, a torn tail kept aside). */
  readonly warn?: (message: string) => void;
  /**
   * This gateway process's instance id (`server.instance_id`, `KT_INSTANCE_ID`, else host name and
   * pid): unique among the instances running at once, so a shared store can keep them apart.
   */
  readonly instanceId?: string;
}

/** An audit sink plugin, named in `policies.chain` as written (`audit-logger`); `Config` and `Written` as for policies. */
export interface AuditSinkDefinition<Config = unknown, Written = unknown> {
  readonly kind: 'audit_sink';
  readonly contract: number;
  readonly type: string;
  readonly configSchema: z.ZodType<Config, Written>;
  create(config: Config, context: AuditSinkContext): AuditSink | Promise<AuditSink>;
}

/** What a plugin package default-exports. */
export interface PluginManifest {
  readonly kind: 'plugin';
  readonly name: string;
  readonly version: string;
  /** semver range of the core contract the plugin was built for, e.g. `^0.1.0`. */
  readonly core?: string;
  readonly policies: readonly PolicyDefinition<unknown>[];
  readonly providers: readonly ProviderDefinition<unknown>[];
  readonly sinks: readonly AuditSinkDefinition<unknown>[];
}
