// The gateway cannot run the model's tokenizer, so texts are counted by a documented
// approximation: a run of letters, digits or underscores counts one token per started 5
// characters (about the length of a BPE token in English text), any other visible character one
// token, and white space none. Plugins share it: response_length cuts answers with it (and also
// caps the upstream's own token count, so this count is its safety net), and a provider whose
// upstream reports no usage can estimate it.

const piece = /[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

/** Approximate token count of a text (see the comment at the top of this file). */
export function approximateTokens(text: string): number {
  let count = 0;
  for (const match of text.matchAll(piece)) count += weight(match[0]);
  return count;
}

function weight(token: string): number {
  return /^[\p{L}\p{M}\p{N}_]/u.test(token) ? Math.ceil(token.length / 5) : 1;
}

/** Cuts a text after the last whole piece that keeps it within `maxTokens`; undefined when it fits. */
export function truncateToTokens(text: string, maxTokens: number): string | undefined {
  let count = 0;
  for (const match of text.matchAll(piece)) {
    count += weight(match[0]);
    if (count > maxTokens) return text.slice(0, match.index);
  }
  return undefined;
}

/**
 * The incremental form of {@link truncateToTokens}: fed any chunking of a text, it emits exactly
 * what the whole-text function keeps. It holds back only a trailing run of word characters,
 * whose weight is not known until it ends.
 */
export class TokenLimiter {
  private count = 0;
  private pending = '';
  private stopped = false;
  private readonly maxTokens: number;

  constructor(maxTokens: number) {
    this.maxTokens = maxTokens;
  }

  /** Whether the limit was reached; nothing more will be emitted. */
  get done(): boolean {
    return this.stopped;
  }

  push(chunk: string): string {
    if (this.stopped) return '';
    const text = this.pending + chunk;
    // Keep back a trailing word run: it may continue in the next chunk.
    const tail = /[\p{L}\p{M}\p{N}_]+$/u.exec(text);
    const cut = tail === null ? text.length : tail.index;
    this.pending = text.slice(cut);
    return this.consume(text.slice(0, cut));
  }

  end(): string {
    if (this.stopped) return '';
    const rest = this.pending;
    this.pending = '';
    return this.consume(rest);
  }

  private consume(text: string): string {
    for (const match of text.matchAll(piece)) {
      this.count += weight(match[0]);
      if (this.count > this.maxTokens) {
        this.stopped = true;
        return text.slice(0, match.index);
      }
    }
    return text;
  }
}
