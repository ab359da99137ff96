// The shape of one language's phrase bank for the training generators (generate.ts). Placeholders:
// {X} what an override targets, {D} what the attacker wants, {N} a persona name, {M} an extraction
// modifier, {U} a URL, {E} an e-mail address, {Q} a quoted attack (benign frames only).
export type Bank = {
  /** Things an override targets: "your previous instructions", "the operator's configuration". */
  readonly objects: readonly string[];
  /** Imperative overrides, with {X}: "ignore {X}". */
  readonly imperatives: readonly string[];
  /** Statement-form overrides, with {X}: "{X} no longer apply". */
  readonly statements: readonly string[];
  /** What the attacker wants next. */
  readonly demands: readonly string[];
  /** Extraction requests, optionally with {M}. */
  readonly extract: readonly string[];
  readonly mods: readonly string[];
  /** Persona set-ups with {N}. */
  readonly persona: readonly string[];
  readonly refusal: readonly string[];
  /** Fake notices from an authority. */
  readonly authority: readonly string[];
  /** How a planted instruction addresses the model: "Note to the AI reading this:". */
  readonly address: readonly string[];
  /** Planted tasks, with {U} or {E}. */
  readonly hijack: readonly string[];
  /** Benign: everyday requests. */
  readonly everyday: readonly string[];
  /** Benign: role-play and "act as" requests that are not jailbreaks. */
  readonly roleplay: readonly string[];
  /** Benign: frames that quote, translate, report or ask about {Q}. */
  readonly quoted: readonly string[];
  /** Benign: security teaching, prompts, templates and tokens. */
  readonly teaching: readonly string[];
  /** Benign: document, e-mail and note bodies, some with attack words in everyday senses. */
  readonly docs: readonly string[];
  /** Frames that hand the model a document to process: "Summarise this e-mail:". */
  readonly process: readonly string[];
};
