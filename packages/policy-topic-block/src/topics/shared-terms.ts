import type { PhrasePattern } from '../topic-definition.js';

/**
 * Asking for a text *about* a subject ("write an essay on ransomware", "a blog post about ghost
 * gun laws"): a mention for topics whose harm is operational detail. Hate speech does not use it,
 * since there the text itself is the harm.
 */
export const writingAboutCues: readonly PhrasePattern[] = [
  '(timeline|table|chart|comparison) of',
  '(essay|essays|article|articles|summary|summarize|summarise|report|overview|blog post|explanation|presentation|lesson|lecture|quiz|paragraph|newsletter|briefing|memo|explainer|faq|infographic|book report|term paper|op ed|speech|debate) (about|on|explaining|describing|covering|regarding|summarizing|summarising|discussing|analyzing|analysing|of|for|against|arguing)',
];
