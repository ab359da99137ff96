import type { TopicDefinition } from './topic-definition.js';
import { hateSpeech } from './topics/hate-speech.js';
import { illegalActivity } from './topics/illegal-activity.js';
import { malware } from './topics/malware.js';
import { selfHarm } from './topics/self-harm.js';
import { violence } from './topics/violence.js';
import { weaponsManufacturing } from './topics/weapons-manufacturing.js';

/** Every built-in topic definition, in the order the README lists them. */
export const builtinTopics: readonly TopicDefinition[] = [
  weaponsManufacturing,
  illegalActivity,
  selfHarm,
  malware,
  hateSpeech,
  violence,
];

/** Names of the built-in topics, as written in YAML `topics:`. */
export const builtinTopicNames: readonly string[] = builtinTopics.map((topic) => topic.name);

/** The built-in topic with this name, if there is one. */
export function findBuiltinTopic(name: string): TopicDefinition | undefined {
  return builtinTopics.find((topic) => topic.name === name);
}
