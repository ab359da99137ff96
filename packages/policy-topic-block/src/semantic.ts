import { z } from 'zod';
import type { CustomTopic } from './custom-topic.js';
import type { TopicDefinition } from './topic-definition.js';
import type { TopicMatch } from './topic-matcher.js';

/**
 * Semantic mode: compare an embedding of the text with embeddings of each topic's description and
 * examples, and match at `threshold` cosine similarity or above. Off unless configured.
 */
export const semanticConfigSchema = z.strictObject({
  /** Id of the embedding target (a configured `ollama:embedding:*` target). */
  target: z.string().trim().min(1),
  /** Cosine similarity at or above which a topic matches, in (0, 1]. */
  threshold: z.number().gt(0).lte(1),
});

/** Semantic mode settings as written in config. */
export type SemanticConfig = z.infer<typeof semanticConfigSchema>;

/** The embeddings of one topic's probe texts (see {@link topicProbeTexts}). */
export interface TopicEmbedding {
  readonly topic: string;
  readonly vectors: readonly (readonly number[])[];
}

/** The texts to embed for a topic: its description, then its examples (built-ins) or terms (custom). */
export function topicProbeTexts(topic: TopicDefinition | CustomTopic): string[] {
  const texts: string[] = [];
  if (topic.description !== undefined) texts.push(topic.description);
  if ('examples' in topic) texts.push(...topic.examples);
  else texts.push(...(topic.phrases ?? []));
  return texts;
}

/** Cosine similarity of two vectors of equal length; 0 when either is all zeros. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new RangeError(`cannot compare embeddings of different lengths (${a.length} and ${b.length})`);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  return dot / Math.sqrt(normA * normB);
}

/**
 * The topics whose closest probe embedding is at least `threshold` similar to the text's, best
 * first; the score is that similarity and the signal `semantic_similarity`.
 */
export function matchSemantic(
  topics: readonly TopicEmbedding[],
  text: readonly number[],
  threshold: number,
): TopicMatch[] {
  const matches: TopicMatch[] = [];
  for (const { topic, vectors } of topics) {
    let best = Number.NEGATIVE_INFINITY;
    for (const vector of vectors) best = Math.max(best, cosineSimilarity(vector, text));
    if (best >= threshold)
      matches.push({ topic, score: Math.min(1, best), signals: ['semantic_similarity'] });
  }
  return matches.sort((a, b) => b.score - a.score);
}
