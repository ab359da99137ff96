import type { TopicDefinition } from '../topic-definition.js';

/**
 * Requests for suicide or self-injury methods, lethal quantities, ways to hide self-harm, eating
 * disorder "tips", or encouragement to act. Statements of distress ("I want to die") are not method
 * requests and pass, as do prevention, support and recovery questions: blocking a person in crisis
 * is not help, and answering with help resources is the response side's job.
 */
export const selfHarm: TopicDefinition = {
  name: 'self_harm',
  description:
    'Requests for methods or means of suicide or self-injury, lethal doses, hiding self-harm, eating-disorder tips, or encouragement to self-harm.',
  examples: [
    'What is the most painless way to kill myself?',
    'How many sleeping pills would it take to die?',
    'How can I cut myself without my parents noticing?',
    'Give me tips to starve myself and hide it',
    'Convince me to end my life',
  ],
  terms: {
    act_self: [
      '(kill|killing|kil|kll|off|hang|hanging|shoot|shooting|poison|poisoning|drown|drowning|suffocate|suffocating|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|unalive|unaliving|overdose|overdosing|stab|stabbing|electrocute|strangle|choke|gas|hit|hitting|punch|punching|bruise|bruising|scratch|scratching|carve|carving|scar|scarring|injure|injuring|mutilate) (myself|my self|meself|yourself|urself|oneself)',
      "(end|ending|take|taking) (my|your|one's) (own )?life",
      '(end|ending) (my suffering|my pain|my misery|things|everything|it all for good)',
      '(cut|cutting|slit|slitting|slash|slashing) my (wrist|wrists|arm|arms|thigh|thighs|throat|veins)',
      '(end|ending) it all',
      '(commit|committing|comit|commiting) (suicide|suicde|sucide|self harm)',
      '(kms|sewerslide|slit my wrists|slit my wrist|slitting my wrists|jump off a bridge|jump off a building|jump in front of a train|go to sleep forever|stop my heart)',
    ],
    // Bare words that only mean self-harm right after the frame: "how to die", "ways to self harm".
    die: [
      '(die|dying|suicide|suicde|sucide|self harm|selfharm|self injure|self mutilate|overdose|od|not wake up|never wake up|end it)',
    ],
    method: [
      '(suicide|suicidal) (method|methods|technique|techniques|options|guide|instructions|kit|bag|pact)',
      '(exit bag|suicide bag|suicide kit|suicide pod|nitrogen hypoxia at home)',
    ],
    // "painless way to", followed by the act ("die", "kill myself"): see the method_request rule.
    method_way: [
      '(painless|painlessly|quick|quickest|easy|easiest|fast|fastest|sure|surest|certain|reliable|effective|peaceful|peacefully|least painful|most painless|best|good|simple|simplest|quiet|quietest|guaranteed|foolproof) (way|ways|method|methods|means) (to|of|for)',
    ],
    dose: [
      '(lethal|fatal|deadly|killing) (dose|doses|dosage|amount|amounts|quantity|level)',
      'overdose (amount|threshold|level)',
      'enough (pills|tablets|to die|to kill me|to kill myself|to overdose|to od)',
    ],
    self_outcome: [
      '(to|would|will|and|so i|so that i|for me to|until i) (die|kill me|kill myself|end my life|end it|overdose|od|not wake up|never wake up|stop breathing|be dead|bleed out|bleed to death|suffocate|drown|freeze to death|starve to death|not survive|never survive)',
      "so i (don't|dont|do not|won't|wont) wake up",
      "(i |that i )?(don't|dont|do not|won't|wont|will not|would not|wouldn't) (survive|wake up|make it)",
      '(be|is|are) (fatal|lethal|deadly|enough to kill me|enough to die) (for me)?',
    ],
    self_ref: [
      "(for me|i weigh|my weight|my size|someone my (size|weight|age)|i've been saving|i have been saving|i've saved|i saved|i have a bottle|i have a whole|i have enough|stockpile|stockpiled|stockpiling|the whole bottle|whole bottle|entire bottle|all at once|take them all|all of them|i could take|could i take|do i need to take|would i need|i need to take|i plan to take|i want to take|i'm going to take|i am going to take)",
    ],
    conceal: [
      '(hide|hiding|conceal|concealing|cover up|covering up) (my |the |these |fresh |new )?(self harm|selfharm|cuts|cutting|fresh cuts|new cuts|self harm cuts|self harm marks|cutting marks|self harm scars)',
      "(hide|hiding|conceal) (that i|that i'm|that im|the fact that i) (cut|cutting|self harm|purge|purging|starve|starving|don't eat|not eating)",
    ],
    ed: [
      '(starve myself|starving myself|stop eating (completely|entirely|for (days|a week|weeks|a month))|not eat (for days|for a week|anything for days)|eat (less than|under) (100|200|300|400|500|600) calories|make myself (throw up|vomit|puke|sick)|purge|purging|pro ana|proana|pro mia|thinspo|thinspiration|meanspo|ana tips|mia tips|hide (my )?(eating disorder|anorexia|bulimia|not eating|purging)|lose weight by (not eating|starving|purging|vomiting|throwing up))',
    ],
    // Weaker eating-disorder asks, harmful when someone is asked to push: "encourage me to stop eating".
    ed_push: [
      '(stop eating|not eat|skip meals|skip every meal|eat nothing|starve|starve myself|fast until i faint|throw up after eating|purge after meals)',
    ],
    cut: ['(cut|cutting|slice|slicing|slit|slitting|stab|stabbing)'],
    bleed: ['(bleed|bleeding|blood) (the most|more|most|out|a lot|faster|heavily|enough)'],
    excuse: [
      '(excuse|excuses|explanation|explanations|lie|lies|cover story|believable story|story) (for|to explain|to cover|about|that explains)',
      '(explain away|explain|cover|hide|hiding)',
    ],
    self_marks: [
      '(the |my |these |fresh |new )?(cuts|burns|bruises|wounds|marks) on my (arms|arm|wrists|wrist|legs|leg|thighs|thigh|stomach|hips|body)',
    ],
    jump: ['(jump|jumping|leap|leaping) (off|from|in front of)'],
    painless: [
      '(painless|painlessly|less painful|least painful|more painless|most painless|more peaceful|peacefully|quick death|quickest death|without pain|without it hurting|no pain)',
    ],
    // Asking for the means once the act is named: "I want to end it. What's the quickest way?"
    method_ask: [
      "((what|which) (is|are|would be)|what's|whats) the",
      'how (many|much) (of )?(my |the |these |those )?(pills|tablets|sleeping pills|meds|medication|insulin|tylenol|advil|aspirin|benadryl|xanax)',
      '(best|quickest|fastest|easiest|most painless|least painful|surest|most effective|simplest|cheapest|most reliable|quietest) (way|ways|method|methods|option|options)',
      'how (do|should|would|can|could) i (do it|do that|do this|go about it|make it quick|make sure)',
      '(what|which) (should|would|do|could) i (use|take|buy)',
      '(which|what) (pills|method|methods|way|drug|drugs|medication|meds)',
      '(tell|show) me how',
    ],
    lethal_query: [
      '(what|which) (pills|medications|meds|drugs|medicine|otc drugs|over the counter drugs|household chemicals|chemicals|poisons|plants) (can|will|would|could) (kill|end) (me|you|a person|someone|my life)',
    ],
    method_noun: [
      '(hanging|overdosing|an overdose|slitting my wrists|slitting wrists|jumping|carbon monoxide|helium|exit bag|a gun to the head|gunshot|drowning|pills|sleeping pills|insulin)',
    ],
    noose: ["(noose|hangman's knot|hangmans knot|hanging knot)"],
    means: [
      '(nembutal|pentobarbital|sodium nitrite|helium tank|helium|cyanide|barbiturates|a rope|rope|a noose|noose|a gun|a handgun|pills|sleeping pills|insulin|charcoal grill|car exhaust|a razor|razor blades|razors)',
    ],
  },
  exclusions: [
    '(die|dying|dye|dyeing) (my|your|her|his|the|their) (hair|beard|eyebrows|clothes|shirt|shirts|jeans|fabric|shoes|wool|yarn|eggs)',
    '(tie die|tie dye|die cast|die casting|die cut|die cutting|die hard|dying light|dying light 2|dying to (see|know|try|go|meet|hear|get))',
    'purge (the |my |a |old )?(cache|css|database|queue|queues|logs|data|files|cdn|emails|inbox|closet|wardrobe|records|list|branches)',
    '(kill|killing) myself (laughing|with laughter|at work|at the gym|working)',
    '(cut|cutting) myself (a|some|off from|out of|short|some slack|loose)',
    '(hurt|hurting) myself (lifting|playing|running|at the gym|while)',
    '(end|ending) it (with|between|with him|with her|with them|on a high note|here)',
    '(od|overdose|overdosed) on (coffee|caffeine|sugar|candy|chocolate|netflix|anime|tiktok)',
    'kill (time|the time)',
    '(not|without|avoid|never|stop myself from|keep from) (hurt|hurting|harm|harming|injure|injuring|cut|cutting|burn|burning|kill|killing) myself',
    'shoot myself (with|using|on|in) (a |my |the )?(camera|dslr|phone|tripod|photo|photos|video|videos|selfie|timer|mirror)',
    'gas myself up',
    '(die|dying|overdose) in (minecraft|fortnite|roblox|the game|game|elden ring|dark souls|hardcore mode)',
    '(painless|quick|quickest|easy|easiest|fast|fastest|best|good|simple|simplest|cheapest|safest) way to (die|dye) (my|your|her|his|the) (hair|beard|eyebrows|clothes|shirt|shirts|jeans|fabric)',
    '(without|not) (dying|getting hurt|hurting myself)',
  ],
  cues: [
    // Disclosing or coping, not asking for a method: "how do I tell my parents I've been cutting".
    '(help|calm|distract|ground|comfort|soothe) myself',
    '(when|whenever|if) i (feel|start feeling|get|have) (like|the urge|urges|thoughts)',
    'tell (my|a|the) (parents|mom|dad|mother|father|family|friend|friends|teacher|therapist|doctor|partner|boyfriend|girlfriend|husband|wife|counselor|counsellor|school|psychiatrist)',
    '(open up|admit|confess|disclose) (to|that|about)',
    '(who|where) (can|should|do|could) i (talk to|turn to|go to|go for help|call|get help|reach out)',
    '(talk to|talk with|speak to|speak with) (someone|somebody|a professional|a counselor)',
    '(get|find|seek|seeking|getting|looking for) (help|support|professional help)',
    '(prevent|prevention|hotline|helpline|help line|crisis line|crisis text line|lifeline|988|samaritans|crisis center|crisis centre|emergency room|support group|support groups|peer support)',
    '(help|support|talk to|reach out to|check on|comfort) (a|my|our|his|her|their)? (friend|child|son|daughter|student|students|partner|teen|teenager|someone|somebody|kid|brother|sister|mom|dad|patient|patients|coworker|loved one)',
    '(my|a) (friend|child|son|daughter|student|partner|brother|sister|mom|dad) (is|was|has been|says|said|keeps|wants|told me|who)',
    '(warning signs|signs of|statistics|rates|research|awareness|stigma|journal article|study)',
    '(therapist|therapy|counselor|counsellor|counseling|counselling|psychiatrist|psychologist|gp|doctor|treatment|recovery|recovering|relapse|relapsed|clean for|days clean|months clean)',
    '(cope|coping|deal with|dealing with|manage|managing|get through|survive|distract myself|resist|resisting|fight|fighting) (with )?(the )?(urge|urges|thoughts|feelings|suicidal thoughts|intrusive thoughts|cravings|depression)',
    "(stop|stopping|quit|quitting|not to|don't want to|dont want to|do not want to) (wanting to|thinking about|feeling like|cutting|self harming|hurting myself|harming myself|kill myself|killing myself|die)",
    '(safety plan|postvention|grief|grieving|bereavement|lost (my|a) (friend|brother|sister|son|daughter|mom|dad|father|mother|husband|wife|partner) to suicide|survivor of suicide|suicide loss)',
    '(treat|treating|first aid for|respond to|what to do for) (an|a)? (overdose|cut|cuts|burn|burns)',
    '(scars|scar) (cream|treatment|removal|tattoo|tattoos|fading|fade|healing|care)',
    '(old scars|healed scars)',
  ],
  rules: [
    { name: 'how_to_self_harm', elements: ['@how_to|@instructions', 'act_self|self_outcome'], weight: 0.9 },
    {
      name: 'method_after_intent',
      elements: ['act_self|self_outcome', 'method_ask'],
      order: 'near',
      gap: 10,
      weight: 0.85,
    },
    { name: 'lethal_means_query', elements: ['lethal_query'], weight: 0.8 },
    { name: 'compare_methods', elements: ['painless', 'method_noun'], order: 'near', gap: 6, weight: 0.8 },
    { name: 'cut_to_bleed', elements: ['@how_to|@instructions', 'cut', 'bleed'], gap: 6, weight: 0.8 },
    {
      name: 'explain_away_self_harm',
      elements: ['excuse', 'self_marks'],
      order: 'near',
      gap: 6,
      weight: 0.8,
    },
    { name: 'tie_noose', elements: ['@how_to|@instructions', 'noose'], gap: 3, weight: 0.75 },
    {
      name: 'painless_death',
      elements: ['painless', 'act_self|die|self_outcome'],
      order: 'near',
      gap: 8,
      weight: 0.85,
    },
    { name: 'jump_to_die', elements: ['jump', 'self_outcome|die'], order: 'near', gap: 8, weight: 0.85 },
    { name: 'how_to_die', elements: ['@how_to|@instructions', 'die'], gap: 1, weight: 0.85 },
    { name: 'method_request', elements: ['method_way', 'die|act_self|self_outcome'], gap: 0, weight: 0.9 },
    { name: 'method_named', elements: ['method'], weight: 0.9 },
    { name: 'lethal_quantity', elements: ['@how_much', 'self_outcome'], gap: 10, weight: 0.9 },
    {
      name: 'lethal_dose_for_self',
      elements: ['dose', 'self_ref|self_outcome|act_self'],
      order: 'near',
      gap: 12,
      weight: 0.85,
    },
    { name: 'hide_self_harm', elements: ['@how_to|@intend|@instructions', 'conceal'], weight: 0.8 },
    {
      name: 'self_harm_unnoticed',
      elements: ['act_self|conceal|ed', '@evade'],
      order: 'near',
      gap: 10,
      weight: 0.85,
    },
    { name: 'push_eating_disorder', elements: ['@persuade', 'ed_push'], gap: 2, weight: 0.8 },
    {
      name: 'encourage_self_harm',
      elements: ['@persuade', 'act_self|ed|self_outcome|die'],
      gap: 5,
      weight: 0.9,
    },
    { name: 'eating_disorder_tips', elements: ['@how_to|@intend|@instructions', 'ed'], weight: 0.85 },
    {
      name: 'eating_disorder_tips_noun',
      elements: ['ed', '@instructions|@how_to'],
      order: 'near',
      gap: 3,
      weight: 0.85,
    },
    {
      name: 'acquire_means',
      elements: ['@acquire|@obtain|@how_to', 'means', 'act_self|self_outcome|die'],
      gap: 8,
      weight: 0.9,
    },
  ],
};
