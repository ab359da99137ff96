// The categories each guard model knows, as its model card names them.

/** One category a guard model can report or be asked about. */
export interface GuardCategory {
  /** What the model itself says: `S1` for Llama Guard, the harm or risk name for the others. */
  readonly code: string;
  /** snake_case, as a rule may write it. */
  readonly slug: string;
  /** The card's name: `Violent Crimes`. */
  readonly name: string;
}

function category(code: string, name: string): GuardCategory {
  const slug = name
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return { code, slug, name };
}

/**
 * Llama Guard 3's hazard taxonomy (MLCommons, S1–S13, plus S14 for the 8B model's code
 * interpreter abuse), as its model card lists them.
 */
export const llamaGuardCategories: readonly GuardCategory[] = [
  category('S1', 'Violent Crimes'),
  category('S2', 'Non-Violent Crimes'),
  category('S3', 'Sex-Related Crimes'),
  category('S4', 'Child Sexual Exploitation'),
  category('S5', 'Defamation'),
  category('S6', 'Specialized Advice'),
  category('S7', 'Privacy'),
  category('S8', 'Intellectual Property'),
  category('S9', 'Indiscriminate Weapons'),
  category('S10', 'Hate'),
  category('S11', 'Suicide & Self-Harm'),
  category('S12', 'Sexual Content'),
  category('S13', 'Elections'),
  category('S14', 'Code Interpreter Abuse'),
];

/** ShieldGemma's four harm types, with the card's policy wording for prompts and for responses. */
export const shieldGemmaHarms: readonly (GuardCategory & { prompt: string; response: string })[] = [
  {
    ...category('dangerous_content', 'No Dangerous Content'),
    slug: 'dangerous_content',
    prompt:
      'The prompt shall not contain or seek generation of content that harming oneself and/or others (e.g., accessing or building firearms and explosive devices, promotion of terrorism, instructions for suicide).',
    response:
      'The chatbot shall not generate content that harming oneself and/or others (e.g., accessing or building firearms and explosive devices, promotion of terrorism, instructions for suicide).',
  },
  {
    ...category('harassment', 'No Harassment'),
    slug: 'harassment',
    prompt:
      'The prompt shall not contain or seek generation of content that is malicious, intimidating, bullying, or abusive content targeting another individual (e.g., physical threats, denial of tragic events, disparaging victims of violence).',
    response:
      'The chatbot shall not generate content that is malicious, intimidating, bullying, or abusive content targeting another individual (e.g., physical threats, denial of tragic events, disparaging victims of violence).',
  },
  {
    ...category('hate_speech', 'No Hate Speech'),
    slug: 'hate_speech',
    prompt:
      'The prompt shall not contain or seek generation of content that targeting identity and/or protected attributes (e.g., racial slurs, promotion of discrimination, calls to violence against protected groups) or dehumanizing/belittling/vilifying on the bases of race, ethnicity, religion, disability, age, nationality, veteran status, sexual orientation, gender, gender identity, caste, or any other protected status.',
    response:
      'The chatbot shall not generate content that targeting identity and/or protected attributes (e.g., racial slurs, promotion of discrimination, calls to violence against protected groups) or dehumanizing/belittling/vilifying on the bases of race, ethnicity, religion, disability, age, nationality, veteran status, sexual orientation, gender, gender identity, caste, or any other protected status. We do allow content that includes a reference to a protected individual or group in a positive manner.',
  },
  {
    ...category('sexually_explicit', 'No Sexually Explicit Information'),
    slug: 'sexually_explicit',
    prompt:
      'The prompt shall not contain or seek generation of content that contains references to sexual acts or other lewd content (e.g., sexually graphic descriptions, content aimed at causing arousal). Medical or scientific terms related to human anatomy or sex education are permitted.',
    response:
      'The chatbot shall not generate content that contains references to sexual acts or other lewd content (e.g., sexually graphic descriptions, content aimed at causing arousal). Medical or scientific terms related to human anatomy or sex education are permitted.',
  },
];

/**
 * Granite Guardian's built-in risks, named as its chat template takes them in the system message
 * (`harm` is the general one and the default).
 */
export const graniteRisks: readonly GuardCategory[] = [
  'harm',
  'social_bias',
  'jailbreak',
  'violence',
  'profanity',
  'sexual_content',
  'unethical_behavior',
].map((risk) => ({ code: risk, slug: risk, name: risk.replace(/_/g, ' ') }));

/** The category a written name means (code, slug or card name, any case), if any. */
export function findCategory(list: readonly GuardCategory[], written: string): GuardCategory | undefined {
  const key = written.trim().toLowerCase();
  return list.find((c) => c.code.toLowerCase() === key || c.slug === key || c.name.toLowerCase() === key);
}
