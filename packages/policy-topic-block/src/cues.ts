import type { PhrasePattern } from './topic-definition.js';

/**
 * Phrases that mark a mention rather than a request. A rule whose words share a sentence with one
 * of these does not block: "what are the penalties for making a silencer", "how do I report
 * someone selling drugs". Detail requests do not override them.
 */
export const mentionCues: Readonly<Record<string, readonly PhrasePattern[]>> = {
  history: [
    '(the )?(history|origins|origin|evolution|invention) of',
    '(historical|historically|historian|historians|in history|throughout history)',
    '(in|during) (the )?(18th|19th|20th|1800s|1900s|middle ages|world war (1|2|one|two|i|ii)|ww2|wwi|wwii|the war|the civil war|the cold war|vietnam|the troubles|ancient times|medieval times)',
    'how (did|were|was) (they|people|soldiers|the|it|he|she|armies)',
  ],
  law: [
    '(why|how come) (is|are|was|were) (it|they|this|that|these|those)? (illegal|banned|regulated|against the law|a crime|prohibited)',
    'is (it|this|that) (illegal|legal|against the law|a crime|a felony|allowed)',
    '(legal|illegal) (status|consequences|penalties|issues|implications|requirements|age|to own|in)',
    '(legally|lawfully) (own|buy|carry|obtain|purchase|possess)',
    '(law|laws|rules|ban|bans) (on|about|regarding|around|against|governing|in)',
    '(gun|guns|drug|drugs|firearm|firearms|weapon|weapons|knife|cannabis|marijuana|cyber|computer crime|hate speech|hate crime) (law|laws|legislation|regulation|regulations|policy|policies|control|reform)',
    '(regulation|regulations|legislation|statute|statutes|ordinance|constitution|second amendment|2nd amendment|court ruling|supreme court)',
    '(penalty|penalties|sentence for|sentencing|prison time|jail time|prison sentence|charged with|convicted of|prosecuted|prosecution|punishment for|punishable|fines for)',
    '(lawyer|attorney|legal advice|paralegal|law school|law student)',
    'what happens if (you|i|someone) (get|gets|are|is) caught',
  ],
  news: [
    '(the )?news',
    '(news article|news report|news story|journalist|journalists|reporter|reporters|headline|headlines|press release|newspaper)',
    '(article|articles|report|reports|story) (about|on|covering)',
    'according to (police|reports|the police|officials|authorities)',
    '(was|were|got) (arrested|charged|convicted|sentenced)',
    'police (said|say|found|seized|arrested|raided)',
  ],
  research: [
    '(statistics|stats|data|figures|numbers) (on|about|for|of)',
    '(research|study|studies|survey|paper|thesis|dissertation|literature review|meta analysis) (on|about|into|of|regarding|show|shows|showing)',
    '(research paper|academic paper|peer reviewed|scholarly|my thesis|my dissertation|sociology|criminology|public health)',
    '(prevalence|trends|rates) (of|in)',
  ],
  prevention: [
    '(prevent|prevention|preventing|prevented|deter|deterrence|deterring)',
    '(protect|protecting|protection|defend|defending|safeguard|secure|harden) (myself|yourself|ourselves|my|your|our|people|kids|children|against|from|the)',
    '(warning signs|red flags|signs of|signs that|how to recognize|how to recognise|how to spot|how to tell if|how to identify|how can i tell if)',
    '(gun|firearm|hunter|hunting|personal|online|internet|home|school|child|campus|workplace|lab|laboratory) safety',
    '(safe storage|safe handling|safe disposal|store (it|them|my|a|the) safely|stay safe|keep safe|keep (my|our|your) (kids|children|family|home|house|community|business|company|network) safe)',
    'what (to do|should i do|do i do) (if|when)',
    '(if|when) (someone|somebody|a person|an attacker|a mugger|a stranger) (attacks|tries to|threatens|grabs|pulls)',
    '(awareness|education|educate) (about|on|campaign|people|kids|students|employees)',
  ],
  report: [
    '(how|where|who) (do|can|should|would) (i|we|you|one) (report|contact|alert|notify|call)',
    '(report|reporting) (it|them|this|that|someone|somebody|him|her|a|an|the|suspected|suspicious|to)',
    '(tip line|tipline|crime stoppers|call (the )?(police|911|cops)|alert (the )?(police|authorities)|turn (him|her|them|someone|myself) in|whistleblower|whistleblowing)',
  ],
  career: [
    '(career|careers|job|jobs|profession) (as|in)',
    'become (a|an) (locksmith|chemist|gunsmith|pharmacist|security researcher|penetration tester|pentester|forensic|detective|police officer|cop|firefighter|bomb technician|paramedic|nurse|toxicologist|malware analyst|soc analyst)',
    '(certification|certified|apprenticeship|degree in)',
  ],
  media: ['(museum|documentary|documentaries|exhibit|exhibition|podcast|biography|memoir|true crime)'],
  games: [
    '(video game|videogame|in game|in the game|the game|game|games|gaming|minecraft|fortnite|roblox|terraria|skyrim|elden ring|dark souls|zelda|call of duty|warzone|gta|grand theft auto|valorant|overwatch|pubg|apex legends|the sims|sims 4|pokemon|rimworld|factorio|fallout|no man s sky|among us|rust server|npc|npcs|boss fight|speedrun|mod|modpack|crafting recipe)',
  ],
  explain: [
    '(why|how come) (do|does|did|would|are|is|were|was) (people|someone|somebody|terrorists|criminals|kids|teens|they|he|she|it|so many)',
    'how (does|do) (it|they|this|that|a|an|the) work',
    'how (does|do) (a|an|the|it|this|that)',
    '(definition of|meaning of|what does it mean|define)',
  ],
};

/**
 * Phrases that contain a cue word but are no cue ("minecraft server" is infrastructure, not a
 * game): matched as longer phrases, they keep the shorter cue from firing.
 */
export const neutralPhrases: readonly PhrasePattern[] = [
  '(minecraft|game|gaming|discord|rust|roblox|fortnite|valorant|csgo|cs go|call of duty|teamspeak|ark|gmod|garry s mod) (server|servers|host|hosting)',
  'the news (feed|app|website|site)',
  // Hiding something from a helper is no help-seeking: "hide my cuts from my school counselor".
  '(from|away from) (my|the|our|his|her|a) (school )?(therapist|therapists|counselor|counsellor|counselors|counsellors|psychiatrist|psychologist|doctor|doctors|gp|nurse|teacher|teachers|parents|family|treatment team)',
];

/**
 * Phrases that set a request inside fiction or play. They lift a match unless the text also asks
 * for operational detail ({@link detailCues}): "my novel's villain builds a bomb" passes, "write a
 * story where he explains step by step how to build a pipe bomb" does not.
 */
export const fictionCues: readonly PhrasePattern[] = [
  '(novel|novels|my book|a book|the book|short story|story|stories|fiction|fictional|screenplay|movie|film|tv show|tv series|sitcom|stage play|character|characters|villain|villains|protagonist|antagonist|plot|scene|chapter|roleplay|role play|fan fiction|fanfic|dungeons and dragons|tabletop|poem|lyrics|comic|thriller|mystery|narrative|worldbuilding|world building)',
];

/** Requests for operational detail: they override fiction framing (never a mention cue). */
export const detailCues: readonly PhrasePattern[] = [
  '(step by step|steps|each step|every step|detailed|in detail|in full detail|exact|exactly|precise|precisely|specific (steps|amounts|quantities|instructions|measurements|chemicals|ingredients|materials|parts))',
  '(measurements|quantities|amounts|ratios|proportions|ingredients|temperatures|grams|milligrams|materials list|parts list|shopping list)',
  'list of (materials|ingredients|chemicals|parts|tools|supplies|components)',
  '(recipe|instructions|full instructions|complete instructions|real instructions|actual instructions)',
  '(working|full|complete|functional|actual|real|runnable|compilable|usable|deployable) (code|source code|script|program|payload|malware|exploit)',
  '(that|which|so it) (actually|really)? (works|work|would work|will work|functions)',
  '(realistic|realistically|accurate|accurately|technically accurate|real world|in real life|irl|for real)',
  "(don't|do not|dont) (leave|skip) (anything|any step|any steps|out any)",
  '(nothing left out|leave nothing out|no steps skipped|without skipping)',
];
