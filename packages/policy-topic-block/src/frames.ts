import type { FrameName, PhrasePattern } from './topic-definition.js';

const SUBJECT =
  '(i|we|you|u|one|someone|somebody|a person|people|he|she|my character|the character|a character|a beginner|an amateur|a teenager|a normal person|an average person)';
const MODAL = '(do|can|could|would|should|might|shall|will|does|did you)';
const OBTAIN_VERB =
  '(buy|get|find|order|purchase|obtain|source|score|cop|get hold of|get my hands on|pick up|acquire)';
const SUPERLATIVE =
  '(best|easiest|fastest|quickest|simplest|cheapest|safest|surest|quietest|most effective|most reliable|most efficient|least painful|most painless|strongest|deadliest|most lethal|least detectable|hardest to detect|hardest to trace)';

/**
 * How people phrase a request for help, shared by every built-in topic. A frame alone is not a
 * match: rules pair it with the topic's terms within a few words (see the topic files).
 */
export const intentFrames: Readonly<Record<FrameName, readonly PhrasePattern[]>> = {
  // Asking for a method: "how do I", "steps to", "teach me", "what's the easiest way to".
  how_to: [
    '(how (to|2|too)|howto|hw to|hw do (i|u|you)|hw can (i|u|you))',
    'where (should|would|do|can|could) (i|you|one|someone)',
    'where to',
    '(best|weakest|most vulnerable|most effective|easiest|right) (place|places|spot|spots|area|areas|point|points|body part|body parts|part of the body|parts of the body) (to|on|for)',
    '(what|which) (are the )?steps',
    'how (hard|much force|many times|long|deep|far|high) (do|would|should|does|must|can|could) (i|you|it|one|someone)',
    '(what|which) (gun|guns|knife|knives|weapon|weapons|poison|poisons|chemical|chemicals|drug|drugs|pills|medication|tool|tools|rope|caliber|ammo|bomb|explosive|explosives|method|methods) (should|would|could|do|can) (i|you)',
    `how ${MODAL} ${SUBJECT}`,
    'how (i|we|one|you|someone) (can|could|would|should|might|do)',
    'how (is|are) (it|one|they)?',
    '(tips|tricks|advice|secrets|process|method|methods|technique|techniques|plans) (to|for|on|of|about)',
    '(list|name|give me|provide|outline|detail|describe|explain|tell me) (all )?the (materials|steps|ingredients|chemicals|components|parts|supplies|tools|procedure|method|process)',
    '(list|give me|tell me|provide) the (exact|specific|precise|necessary|required) (materials|steps|ingredients|chemicals|components|parts|supplies|tools|procedure|method|process)',
    `${SUPERLATIVE}? (way|ways|method|methods|means|technique|techniques) (to|of|for)`,
    `((what|which) (is|are|would be|will be)|what's|whats) (the )?${SUPERLATIVE}`,
    `(the )?${SUPERLATIVE} (way|ways|method|methods)`,
    '(teach|show|tell|walk|guide|help|instruct|educate|remind) (me|us)( (how|through|to))?',
    '(explain|describe|detail|outline|list|write out|spell out) (to me )?(how|the steps|the process|the procedure|the method|the recipe|step by step|each step|every step)',
    '(give|send|provide|share|write|make) (me|us)',
    "(i need|i want|i would like|i'd like|id like|i wanna) (to (learn|know|understand|find out) )?how( to)?",
    'i need (help|advice|tips|instructions|a guide|a tutorial|a recipe) (with|on|for|to)',
    'is (it|there a way|there any way) (possible )?(to|for me to)',
    'is there (a|an|any) (way|method|trick|technique|guide|tutorial|recipe)',
    '(can|could|should|would|do) (i|we|you|one) (just|even|actually|possibly|still)?',
    'what (do|would|should|will) (i|we|you|one) need (to|for)',
    '(what|which) (household )?(chemicals|ingredients|materials|parts|tools|equipment|supplies|items|components|substances|pills|medications|meds) (do|would|should|can|could) (i|you)',
    "(here's|here is|heres) how( to)?",
    '(any|got any|some|need|need some|looking for) (ideas|suggestions|pointers|tips|advice) (on|for|about) (how )?(to )?',
    'how (would|should|could|do|can) (i|we|one|someone) (go about|get started|start|begin)( with)?',
    '(recommend|suggest) (a|the|some|any) (good |easy |simple )?(way|ways|method|methods|technique|techniques|approach)',
    '(hwo|hoe|hiw|haw) (to|do (i|u|you)|can (i|u|you)|would (i|u|you))',
    '(what|which) (should|do|would|could|can) (i|we|you) use (to|for)',
    "((i'm|im|i am) (curious|wondering)|i wonder|wondering) how",
    '(is it possible|would it be possible|is it even possible|is it doable|is it feasible) (to|for (me|us|someone) to)',
    "(what's|whats|what is|what would be) (a|the) (good|smart|clever|simple|quick|reliable|realistic) way to",
    '(step|stage) (1|one)',
    "you('ll| will) need",
  ],
  // Nouns that ask for operational content by themselves ("pipe bomb instructions").
  instructions: [
    '(step|steps|instruction|instructions|directions|procedure|tutorial|tutorials|guide|guides|walkthrough|blueprint|blueprints|schematic|schematics|recipe|recipes|formula|formulas|manual|diagram|diagrams) (to|for|on|of|about)',
    '(synthesis|synthesis route|preparation|production|manufacture|manufacturing|assembly) (of|for)',
    '(step by step|instructions|tutorial|recipe|blueprints|blueprint|schematics|schematic|walkthrough|diy|synthesis route|synthesis instructions|how to guide|build guide|detailed guide|full guide|cookbook|manual)',
  ],
  // First-person intent to act: "I want to", "I'm planning to".
  intend: [
    'i (want|need|plan|intend|wanna|gotta|have) to',
    "i('m| am|m) (going|planning|trying|about|looking|hoping) to",
    "i('m| am|m) gonna",
    "(i'm|i am|im|we're|we are) (building|making|assembling|putting together|cooking|writing|coding|developing|designing|mixing)",
    'help me( to)?',
    '(i|we) (really )?(need|want|have|got) to (figure out how to|find a way to|learn to)',
    "(i would|we would|i'd|we'd|id) (love|like) to",
    "(i'm|im|i am) (thinking about|thinking of|considering|planning on|ready to|determined to)",
    "(i've|ive|i have) (decided|made up my mind) to",
  ],
  // "How many pills", "what dose".
  how_much: [
    'how (many|much)( of)?',
    'how long (does|would|will|did) it take (to|for)',
    '(what|which) (dose|dosage|amount|quantity|ratio|mix|mixture|proportion|proportions|combination|blend)( of)?',
  ],
  // Acquisition: "where can I buy", "who sells".
  acquire: [
    `where (can|could|do|would|should|might) (i|we|you|u|one|someone|people) ${OBTAIN_VERB}`,
    `where to ${OBTAIN_VERB}`,
    'who (sells|can sell|will sell|is selling|would sell)',
    '(best|safest|easiest|cheapest) (place|places|site|sites|website|websites|market|markets|vendor|vendors|shop|shops|store|plug) (to|for) (buy|get|order|purchase|score|cop)',
    `(i want|i need|i wanna|i would like|i'd like|id like|we want|we need|we would like|we'd like) to ${OBTAIN_VERB}`,
    `(i'm|i am|im) (looking|trying) to ${OBTAIN_VERB}`,
    '(hook me up|connect me) with',
    'looking for a (plug|dealer|vendor|seller|supplier)',
  ],
  // A bare acquisition verb, for "how do I get X" style rules.
  obtain: [
    '(buy|buying|get|getting|order|ordering|purchase|purchasing|obtain|obtaining|source|sourcing|score|scoring|cop|get hold of|get my hands on|acquire|acquiring|find|pick up)',
  ],
  // A purchase verb: "buy", "order", "score".
  purchase: ['(buy|buying|order|ordering|purchase|purchasing|score|scoring|cop|copping)'],
  // Illicit sources: "on the dark web", "without a background check", "no questions asked".
  illicit: [
    'without (a |any )?(background check|background checks|serial number|serial numbers|serial|ffl|paper trail|questions asked)',
    '(no|with no) (background check|background checks|serial number|serial numbers|questions asked|paper trail)',
    '(on|from|off|through|via|using|in) (the )?(dark web|darkweb|dark net|darknet|deep web|black market|silk road|tor)',
    '(dark web|darkweb|darknet|dark net|black market|darknet market|darknet markets|no questions asked|straw purchase|straw purchaser|straw buyer|off the books|under the table)',
    '(stolen|hot) (gun|guns|goods|credit card|credit cards|cards|car|cars|phone|phones|identity|identities|merchandise|property|bike|bikes)',
    '(with|using) (a )?(fake|stolen|forged|borrowed) (id|identity|license|licence|passport|credit card|prescription)',
  ],
  // Missing paperwork: "without a prescription", "without ID". Only illicit for controlled goods.
  unlicensed: [
    'without (a |an |any |my |the )?(prescription|prescriptions|script|rx|doctor|doctors note|id|ids|identification|license|licence|permit|paperwork|proof of age|age verification|parents permission|parental consent)',
    '(no|with no) (prescription|script|rx|id|license|licence|permit|paperwork)',
    "(as a|i am a|i'm a|im a) (minor|teen|teenager|kid|highschooler|high schooler|high school student|middle schooler)",
    "(i'm|i am|im) (12|13|14|15|16|17|under 18|under 21|underage)",
    '(12|13|14|15|16|17) (year old|years old|yo|yr old)',
    '(underage|under 18|under 21|under the legal age|too young to buy)',
  ],
  // Evasion: "without getting caught", "untraceable", "avoid the police", "launder".
  evade: [
    'without (getting |being )?(caught|detected|noticed|traced|tracked|seen|found out|arrested|flagged|suspected|reported|identified|busted)',
    'without (anyone|anybody|the police|the cops|my parents|my family|my wife|my husband|them|him|her|people|my therapist|the school|my boss|the authorities|the user|the victim|the owner|the target|my mom|my dad|my teacher|my school) (knowing|noticing|finding out|seeing|suspecting|realizing|realising|tracing it|knowing about it)',
    'so (that )?(no one|nobody|noone|the police|the cops|they|it) (knows|finds out|will know|can tell|notices|can trace|can find|will find|suspects|can detect)',
    '(avoid|evade|escape|elude|dodge|outrun|beat|fool|trick|bypass|get past|get around|slip past|sneak past) (the )?(police|cops|feds|fbi|dea|atf|irs|law enforcement|detection|drug test|drug tests|a drug test|breathalyzer|a breathalyzer|customs|border control|surveillance|security cameras|cameras|metal detectors|airport security|tsa|background check|a background check|the authorities|investigators)',
    '(undetectable|untraceable|unnoticed|undetected|unnoticeable|traceless|unregistered)',
    '(hard|harder|hardest|impossible|difficult|tough) to (detect|trace|track|find|notice|spot)',
    "(not|never|won't|don't|wont|dont) (get|be) caught",
    'get away with( it)?',
    'got away with',
    'cover (up|my tracks|our tracks|the tracks)',
    'leave no (trace|traces|evidence|fingerprints|dna)',
    'without (a|leaving (a|any)?) (trace|evidence|fingerprints|marks|bruises|a mark)',
    'without leaving (marks|bruises|a mark|any marks|evidence|a trace|traces|fingerprints)',
    '(make it look like|look like) (an accident|a suicide|natural causes|self defense|a robbery)',
    '(hide|dispose of|get rid of|destroy|clean up|bury|dissolve) (a |the |his |her |their )?(evidence|body|bodies|corpse|fingerprints|dna|blood|murder weapon|weapon)',
    '(wipe|scrub) (my|the) (fingerprints|tracks|logs)',
    '(clean|clean up|stage|wipe down|bleach) (a|the) crime scene',
    '(no one|nobody) (will|would|can|could) (know|find out|trace it|suspect)',
    'never (finds out|find out|knows|know|notices|notice|suspects|suspect|traces it|catches me|catch me)',
  ],
  // Asking for content: "write me", "generate", "tell me a".
  produce: [
    '(write|generate|compose|create|draft|produce|craft|pen|come up with|make up|think of|invent|type up|output|code|develop|program|build|make|design)( (me|us))?',
    '(give|tell|send|show|list|share) (me|us)',
    'can you (write|generate|compose|create|draft|produce|craft|make|code|build|develop|program)',
  ],
  // Asking to be pushed toward an act: "convince me to".
  persuade: [
    '(convince|persuade|encourage|motivate|push|pressure|dare) (me|someone|him|her|them|my friend|a person)( to)?',
    'tell (me|him|her|them|someone) to',
    '(give|tell|list) (me )?(reasons|a reason|arguments|good reasons) (to|why i should|for me to|i should)',
    'reasons (why )?i should',
    'tell me (why )?i should',
    'why i should',
  ],
  // Asking for an argument: "explain why", "prove that".
  argue: [
    '(explain|argue|prove|show|demonstrate|justify|convince me|persuade me|tell me|make the case|make a case|write about|write that|write why) (why|that|how)',
    'why (are|do|is|does) (all )?',
    "(isn't it|is it) true that",
  ],
};
