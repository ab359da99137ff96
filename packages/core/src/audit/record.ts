import type { Finding } from '../plugin/decision.js';

/** What one policy rule decided for a request or its answer. */
export interface AuditDecision {
  policy: string;
  rule: string;
  stage: 'request' | 'response';
  action: 'allow' | 'modify' | 'block' | 'error';
  findings: Finding[];
  /**
   * For a request check (a guard model's call): how it ran beside the upstream call, and how long it
   * took. For an answer check: `whole` or `windows` (a stream judged window by window), the time
   * its calls took together, and how many windows it judged.
   */
  check?: { mode: 'parallel' | 'sequential' | 'whole' | 'windows'; duration_ms: number; windows?: number };
}

/** One audit record per request; never carries a key, a token or unredacted text. */
export interface AuditRecord {
  time: string;
  request_id: string;
  key_id: string | null;
  client: string | null;
  method: string;
  endpoint: string;
  target: string | null;
  model: string | null;
  stream: boolean;
  /** How a streamed answer met the response rules: `pass_through`, `incremental` or `buffered`. */
  stream_plan?: 'pass_through' | 'incremental' | 'buffered';
  status: number;
  error_code: string | null;
  decisions: AuditDecision[];
  latency_ms: number;
  ttfb_ms: number | null;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  finish_reason: string | null;
  /** Present only with `log_content`, and then after redaction. */
  prompt?: string;
  answer?: string;
  /** The answer's reasoning text, when it had one; `log_content` only, after redaction. */
  reasoning?: string;
  /** The tool calls the answer made, arguments after redaction; `log_content` only. */
  tool_calls?: { name: string; arguments: string }[];
}
