import type { Admission } from './limit-store.js';

/**
 * A duration as OpenAI writes it in `x-ratelimit-reset-*` (Go's notation, to the millisecond):
 * `20ms`, `1s`, `59.5s`, `6m0s`.
 */
export function formatReset(ms: number): string {
  const whole = Math.max(0, Math.ceil(ms));
  if (whole < 1000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const seconds = (whole % 60_000) / 1000;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}

/** `Retry-After` in whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The `x-ratelimit-*` headers OpenAI sends, for the budgets the key has: `-requests` for requests
 * per minute, `-tokens` for tokens per minute.
 */
export function rateLimitHeaders(admission: Admission): [string, string][] {
  const headers: [string, string][] = [];
  const { requests, tokens } = admission;
  if (requests !== undefined) {
    headers.push(
      ['x-ratelimit-limit-requests', String(requests.limit)],
      ['x-ratelimit-remaining-requests', String(requests.remaining)],
      ['x-ratelimit-reset-requests', formatReset(requests.resetMs)],
    );
  }
  if (tokens !== undefined) {
    headers.push(
      ['x-ratelimit-limit-tokens', String(tokens.limit)],
      ['x-ratelimit-remaining-tokens', String(tokens.remaining)],
      ['x-ratelimit-reset-tokens', formatReset(tokens.resetMs)],
    );
  }
  return headers;
}
