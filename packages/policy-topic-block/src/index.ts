import { createRequire } from 'node:module';
import { definePlugin } from '@keeptrusts/core';
import { topicBlock } from './topic-block.js';

// The topic_block policy
export { topicBlock } from './topic-block.js';

// Matching
export { createTopicMatcher } from './topic-matcher.js';
export { learnedFeatures } from './lexicon-features.js';
export { MATCH_THRESHOLD } from './topic-score.js';
export type { TopicMatch, TopicMatcher, TopicMatcherOptions } from './topic-matcher.js';
export { normalizeText } from './normalize.js';

// Built-in topics and the shared lexicon they use
export { builtinTopics, builtinTopicNames } from './builtin-topics.js';
export { intentFrames } from './frames.js';
export { detailCues, fictionCues, mentionCues } from './cues.js';
export type { FrameName, PhrasePattern, TopicDefinition, TopicRule } from './topic-definition.js';

// Learned layer (models of the built-in topics; words as they read them)
export { LEARNED_SIGNAL, learnedLayer, learnedModelFiles } from './learned.js';
export type { LearnedLayer } from './learned.js';

// Config
export { scanTargets, topicBlockConfig } from './config.js';
export type { TopicBlockConfig } from './config.js';
export { checkCustomPattern, customTopicSchema } from './custom-topic.js';
export type { CustomTopic } from './custom-topic.js';

// Semantic mode
export { cosineSimilarity, matchSemantic, semanticConfigSchema, topicProbeTexts } from './semantic.js';
export type { SemanticConfig, TopicEmbedding } from './semantic.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The plugin manifest the gateway registers. */
export default definePlugin({ name: pkg.name, version: pkg.version, policies: [topicBlock] });
