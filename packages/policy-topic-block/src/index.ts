// Matching
export { createTopicMatcher, MATCH_THRESHOLD } from './topic-matcher.js';
export type { TopicMatch, TopicMatcher, TopicMatcherOptions } from './topic-matcher.js';
export { normalizeText } from './normalize.js';

// Built-in topics and the shared lexicon they use
export { builtinTopics, builtinTopicNames } from './builtin-topics.js';
export { intentFrames } from './frames.js';
export { detailCues, fictionCues, mentionCues } from './cues.js';
export type { FrameName, PhrasePattern, TopicDefinition, TopicRule } from './topic-definition.js';

// Config
export { scanTargets, topicBlockConfig } from './config.js';
export type { TopicBlockConfig } from './config.js';
export { checkCustomPattern, customTopicSchema } from './custom-topic.js';
export type { CustomTopic } from './custom-topic.js';

// Semantic mode
export { cosineSimilarity, matchSemantic, semanticConfigSchema, topicProbeTexts } from './semantic.js';
export type { SemanticConfig, TopicEmbedding } from './semantic.js';
