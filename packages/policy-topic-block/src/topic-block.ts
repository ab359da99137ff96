import { allow, block, definePolicy, type Finding, type TextSegment } from '@keeptrusts/core';
import { builtinTopics } from './builtin-topics.js';
import { topicBlockConfig } from './config.js';
import type { CustomTopic } from './custom-topic.js';
import { matchSemantic, type TopicEmbedding, topicProbeTexts } from './semantic.js';
import { createTopicMatcher, type TopicMatch, type TopicMatcher } from './topic-matcher.js';

// Roles whose text states what the caller asks for; system prompts and tool output describe, not ask.
const requestRoles = new Set<string | undefined>(['user', undefined]);

/**
 * Blocks requests (and, with `scan: response` or `both`, answers) that ask for help with a denied
 * topic. The lexical matcher needs an intent frame plus topic terms and lets mentions pass; the
 * optional semantic mode also compares embeddings with the topics' descriptions.
 */
export const topicBlock = definePolicy({
  type: 'topic_block',
  configSchema: topicBlockConfig,
  defaultAppliesTo: ['chat', 'completion'],
  create(config, context) {
    const topics = [...config.topics, ...config.custom];
    // The learned models were fitted to requests; answers are read by the lexicon alone.
    const requestMatcher = createTopicMatcher({ topics, learned: config.learned });
    const answerMatcher = config.learned ? createTopicMatcher({ topics, learned: false }) : requestMatcher;
    const semantic = config.semantic;
    if (semantic !== undefined) {
      if (context.embed === undefined || context.embeddingTargets === undefined) {
        throw new Error('semantic mode needs an embedding target, and this host offers none');
      }
      if (!context.embeddingTargets.includes(semantic.target)) {
        const known = context.embeddingTargets.join(', ') || 'none';
        throw new Error(
          `semantic.target "${semantic.target}" is not an embedding target; embedding targets: ${known}`,
        );
      }
    }
    const definitions: (CustomTopic | (typeof builtinTopics)[number])[] = [
      ...builtinTopics.filter((t) => config.topics.includes(t.name)),
      ...config.custom,
    ];
    // Topic embeddings are computed once, on first use, so start-up does not depend on the upstream.
    let probes: Promise<TopicEmbedding[]> | undefined;
    const topicEmbeddings = () => {
      probes ??= Promise.all(
        definitions.map(async (topic) => ({
          topic: topic.name,
          vectors: await context.embed!(semantic!.target, topicProbeTexts(topic)),
        })),
      ).catch((error: unknown) => {
        probes = undefined;
        throw error;
      });
      return probes;
    };

    async function check(texts: readonly string[], matcher: TopicMatcher): Promise<TopicMatch[]> {
      const matches = texts.flatMap((text) => matcher.match(text));
      if (semantic !== undefined && texts.length > 0) {
        const topics = await topicEmbeddings();
        const vectors = await context.embed!(semantic.target, texts);
        for (const vector of vectors) matches.push(...matchSemantic(topics, vector, semantic.threshold));
      }
      return matches;
    }

    function decide(matches: TopicMatch[], what: string) {
      if (matches.length === 0) return allow();
      const findings: Finding[] = [];
      for (const m of matches) {
        const existing = findings.find((f) => f.type === m.topic);
        if (existing === undefined)
          findings.push({ type: m.topic, count: 1, score: m.score, signals: m.signals });
      }
      return block({
        code: 'topic_blocked',
        reason: `the ${what} asks for help with ${findings.map((f) => f.type).join(', ')}`,
        findings,
      });
    }

    const scanRequests = config.scan === 'request' || config.scan === 'both';
    const scanAnswers = config.scan === 'response' || config.scan === 'both';
    return {
      ...(scanRequests
        ? {
            async onRequest(request: { segments: readonly TextSegment[] }) {
              const texts = request.segments.filter((s) => requestRoles.has(s.role)).map((s) => s.text);
              return decide(await check(texts, requestMatcher), 'prompt');
            },
          }
        : {}),
      ...(scanAnswers
        ? {
            async onResponse(response: { text: string }) {
              return decide(await check([response.text], answerMatcher), 'answer');
            },
          }
        : {}),
    };
  },
});
