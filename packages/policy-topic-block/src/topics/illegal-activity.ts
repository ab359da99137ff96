import type { TopicDefinition } from '../topic-definition.js';
import { writingAboutCues } from './shared-terms.js';

/**
 * Help committing or hiding crimes: making, buying or moving illegal drugs, theft, burglary, fraud,
 * forgery, money laundering, and evading the police. Cannabis and prescription drugs only count
 * with an illicit qualifier (no prescription, dark web, underage), since buying them is legal in
 * many places.
 */
export const illegalActivity: TopicDefinition = {
  name: 'illegal_activity',
  description:
    'Help committing or concealing crimes: making, buying or smuggling illegal drugs, theft, burglary, fraud, forgery, money laundering, or evading the police.',
  examples: [
    'How do I cook meth at home?',
    'What is the best way to launder cash from my business?',
    'Where can I buy cocaine without getting caught?',
    'How do I shoplift from a big store without being seen?',
    'How can I make a fake ID that passes a scanner?',
  ],
  terms: {
    drug_make: [
      '(cook|cooks|cooking|make|makes|making|manufacture|manufacturing|produce|producing|synthesize|synthesise|synthesizing|synthesising|synthesis of|extract|extracting|refine|refining|brew|brewing|press|pressing|cut|cutting|mix|mixing|create|creating|homebrew|set up|run|grow|growing|mak|maek|cok)',
    ],
    made: ['(made|cooked|synthesized|synthesised|produced|manufactured|extracted|refined|pressed)'],
    hard_drug: [
      '(meth|meths|methamphetamine|methamphetamines|methamphetamin|meth amphetamine|crystal meth|heroin|fentanyl|fentanil|fentanyl pills|carfentanil|cocaine|cocain|crack|crack cocaine|freebase|lsd|mdma|ecstasy|ghb|dmt|pcp|ketamine|opium|oxycontin|percocet|percs|codeine syrup|purple drank|counterfeit pills|pressed pills|m30|mephedrone|krokodil|desomorphine|hard drugs|illegal drugs|street drugs|narcotics|dope|meth lab|drug lab|amphetamine|amphetamines|amphetamine paste)',
    ],
    drugs: ['(drugs|drug)'],
    rx_drug: [
      '(xanax|adderall|vyvanse|oxycodone|oxy|oxys|percocet|vicodin|hydrocodone|morphine|valium|klonopin|ambien|codeine|tramadol|ritalin|modafinil|opioids|benzos|benzodiazepines|steroids|anabolic steroids)',
    ],
    rx_generic: [
      '(prescription drugs|prescription pills|prescription meds|prescription medication|painkillers|pain pills|pills|meds|sleeping pills)',
    ],
    soft_drug: [
      '(weed|marijuana|cannabis|pot|thc|thc carts|thc cartridges|thc vape|dab pen|dabs|edibles|shrooms|magic mushrooms|psilocybin|vape|vapes|juul|alcohol|beer|liquor|vodka|booze|cigarettes|cigs|nicotine|tobacco|kratom|poppers)',
    ],
    traffic: [
      '(sell|sells|selling|deal|dealing|push|pushing|smuggle|smuggling|traffic|trafficking|ship|shipping|mail|mailing|transport|transporting|move|moving|distribute|distributing|sneak|sneaking|bring|bringing|carry|carrying|hide|hiding|stash|run|running)',
    ],
    crime: [
      '(shoplift|shoplifting|shop lift|steal|stealing|stole|rob|robbing|mugging|pickpocket|pickpocketing|pick pocket|burglarize|burglarise|burgle|burglary|break in|breaking in|hotwire|hot wire|hotwiring|launder|laundering|embezzle|embezzling|extort|extortion|blackmail|blackmailing|bribe|bribing|defraud|defrauding|swindle|counterfeit|counterfeiting|carding|arson|trespass|trespassing|vandalize|vandalise|looting)',
      'mug (someone|somebody|people|a person|him|her|them|a tourist|tourists)',
      '(sell|selling|fence|fencing|pawn|pawning|flip|flipping|offload|unload|move|get rid of) (stolen|hot|the stolen) (goods|items|stuff|phones|iphones|laptops|electronics|jewelry|jewellery|cars|car|bikes|bike|property|merchandise|cards|credit cards|gear|tools|watches)',
      'poach (elephants|rhinos|rhino|ivory|deer|game|animals|wildlife|tigers)',
      "break into (a|an|the|someone's|somebody's|my neighbor's|my neighbour's|my ex's|his|her|their|people's|houses|homes|cars) (house|home|houses|homes|car|cars|apartment|store|shop|building|office|safe|atm|garage|school|warehouse|storage unit|locker|mailbox)?",
      '(wash|clean) (dirty )?(money|cash)',
      "fake (id|ids|passport|passports|driver's license|drivers license|driving licence|license|licence|documents|papers|social security card|ssn|diploma|degree|prescription|prescriptions|money|bills|cash|checks|cheques|vaccination card|green card|visa)",
      '(print|make|printing|making) (fake money|counterfeit money|counterfeit bills|fake bills|money at home)',
      'commit (fraud|tax fraud|insurance fraud|wire fraud|mail fraud|bank fraud|credit card fraud|identity theft|arson|a crime|crimes|a robbery|robbery|burglary|a burglary|perjury|embezzlement|a heist|a felony)',
      '(tax evasion|evade taxes|evading taxes|dodge taxes|avoid paying taxes illegally|hide income from the irs|hide money from the irs|cook the books|insider trading|pump and dump|ponzi scheme|pyramid scheme|identity theft|credit card fraud|insurance fraud|check fraud|refund fraud|return fraud|chargeback fraud|wire fraud|human trafficking|sim swap|sim swapping|card skimmer|card skimmers|skimming device|cash out stolen|bank drop|bank drops|fullz|cvv shop|money mule|money mules)',
      '(skim|clone|cloning) (a )?(credit card|credit cards|card|cards|sim|sim card|key fob|debit card)',
      "steal (someone's|somebody's|a|an|my|his|her|their|people's|credit card|identities|identity|packages|wifi|electricity|cable|gas|cars|a car|from)",
      '(scam|scamming|con|conning|rip off) (people|elderly|elderly people|old people|seniors|grandparents|someone|somebody|tourists|customers|an old lady|old ladies|my grandma|investors)',
      '(traffic|smuggle|smuggling) (people|humans|women|girls|children|kids|migrants|immigrants)',
      "(set fire to|burn down|torch) (a|my|someone's|the|his|her|their) (house|home|car|building|business|store|shop|restaurant)",
      "(slash|slashing) (someone's|his|her|their|my neighbor's) tires",
      '(outrun|outrunning|evade|evading|escape from|run from|flee from|flee|hide from|get away from|lose) (the )?(police|cops|feds|law enforcement|a cop|a police car|police car|a police chase|the fbi|the dea|the atf|the marshals|a warrant)',
      '(drive drunk|driving drunk|drunk driving|drink and drive|drive high|driving high|dui)',
      '(cheat|cheating) on (my |our |the )?(taxes|tax return|insurance claim)',
      '(pretend to be|pretending to be|pose as|posing as|impersonate|impersonating) (their|a|an|the) (grandson|granddaughter|grandchild|grandkid|relative|nephew|niece|bank|irs|police officer|cop|microsoft|tech support|lawyer|federal agent|social security|customs officer)',
      "(someone else's|somebody else's|someone elses|another person's|a dead person's|a stolen|stolen|a fake|fake) (identity|identities|ssn|social security number|credit card|credit cards|card details|card numbers)",
      "(key|keying) (a|someone's|his|her|their|my ex's) car",
      "pick (a|the) lock (on|of) (someone's|somebody's|my neighbor's|my neighbour's|a neighbor's|his|her|their|my roommate's|my ex's)",
      '(pay off|bribe) (a|the) (cop|judge|official|inspector|officer|customs officer|border guard)',
      '(launder|laundering|clean|wash) (money|cash|funds|proceeds|bitcoin|crypto|the money|drug money)',
    ],
    // #20: crime families the lexicon had no frame for, each in several wordings.
    gambling: [
      '(illegal|underground|unlicensed|unregulated|off the books|backroom|back room) (casino|casinos|poker game|poker games|poker room|card game|card games|dice game|dice games|gambling|gambling den|gambling ring|sportsbook|sports book|betting|betting ring|bookmaking|lottery|slot machines|slots|bets)',
      '(bookie|bookie operation|bookmaking operation|numbers racket|numbers game|illegal book|sports book on the side)',
      '(rig|rigging|fix|fixing|tamper with) (the |a |my )?(slot machine|slot machines|slots|lottery|raffle|poker machine|pokies|roulette wheel|card game|dice)',
      '(take|taking) (bets|wagers) (on|from) ',
    ],
    stolen_cards: [
      '(stolen|skimmed|cloned|hacked|breached|leaked) (card|cards|credit card|credit cards|debit card|debit cards|card numbers|card data|card details|credit card numbers|cvv|cvvs|dumps)',
      '(dumps with pins|dumps and pins|dumps|fullz|cvvs|cc dumps|track 2|track2 data|bins|bin list|carded)',
      '(card|carding) (electronics|gift cards|stuff|items|goods|a laptop|an iphone|iphones|from|sites|shops|stores)',
    ],
    card_use: [
      '(cash out|cashing out|cashout|cash|use|using|monetize|monetise|monetizing|sell|selling|turn|turning|spend|spending|encode|encoding|write|writing|clone|cloning|max out|maxing out|card|buy with|shop with|launder)',
    ],
    dump_verb: [
      '(dump|dumping|pour|pouring|discharge|discharging|release|releasing|get rid of|getting rid of|dispose of|disposing of|bury|burying|drain|draining|tip|tipping|flush|flushing|sneak|mix|mixing|leak|leaking)',
    ],
    waste: [
      '(solvent|solvents|waste oil|used oil|motor oil|antifreeze|chemicals|chemical waste|toxic waste|hazardous waste|hazmat|sludge|chromium|asbestos|pesticide|pesticides|pesticide waste|paint thinner|drums|barrels|medical waste|sewage|wastewater|waste water|effluent|battery acid|mercury|lead paint|industrial waste|e waste|oil|diesel|fuel|coolant|pcbs|tailings)',
    ],
    dump_evade: [
      '(storm drain|the river|the creek|the lake|a river|a creek|a lake|the ocean|the woods|in the woods|the sewer|the ditch|a ditch|vacant lot|down the drain)',
      'without (paying|a permit|permits|the epa|the inspectors|inspectors|the monitors|the regulators|regulators|hazmat disposal|proper disposal|the city|the council)',
      '(epa|the inspectors|inspectors|regulators|monitors|the landfill|sampling point|the city) (picking it up|finding out|noticing|catching|catch|does not catch|not catching|see|only see)',
    ],
    meter_tamper: [
      '(bypass|bypassing|tamper with|tampering with|jump|jumping|jumper|jumpers|rig|rigging|slow down|slowing down|fool|trick|hack|hacking|reverse|reversing|stop|stopping|disable|disabling|spin back|roll back|magnet on|magnet to) (my |the |a |our |his |her |their |an )?(electric meter|electricity meter|power meter|gas meter|water meter|smart meter|utility meter|digital meter|meter socket|meter|meters)',
      "(steal|stealing|tap|tapping|tap into|splice|splicing|splice into|hook up|hooking up|siphon|siphoning) (into )?(the |a |my |our |power from )?(electricity|power|gas|water|cable|gas line|power line|cable line|utility pole|pole|neighbor's electricity|neighbour's electricity|neighbors electricity|neighbors power|neighbor's power)",
      '(under read|under reads|under reading|under record|under records|record half|records half) (the usage|usage|what we use)?',
    ],
    refund_scam: [
      '(return|returning|returns|refund|refunding) (shoplifted|stolen|lifted|boosted|nicked|swiped|pinched) (items|goods|merchandise|stuff|things|clothes|products|electronics)',
      '(return|returning|refund for) (stuff|items|things|goods|merchandise|clothes) (i|we|you) (stole|lifted|shoplifted|took|swiped|boosted)',
      '(claim|claiming|say|saying|pretend|pretending|tell them|report) (that )?(the |my |a |an )?(package|parcel|item|order|delivery|box) (never arrived|was never delivered|didnt arrive|did not arrive|never came|was empty|was stolen|went missing)',
      '(swap|swapping|switch|switching|change|changing|replace) (the )?(barcode|barcodes|price tag|price tags|tag|tags|sticker|stickers|upc|label|labels)',
      '(box of rocks|empty box|brick in the box|wardrobing|return scam|refund scam|refund trick|refund method|refunding service|return fraud|refund fraud|fake return|fake returns|receipt fraud)',
      '(get|getting|keep|keeping) (a )?(refund|refunds|my money back) (and|while) (keep|keeping) (the |it|item)',
    ],
    bike_lock: [
      '(cut|cutting|cut through|snap|snapping|break|breaking|pick|picking|defeat|defeating|bypass|bypassing|grind|grinding|shim|shimming|open) (through )?(a |the |bike |their |his |her )?(u lock|u locks|ulock|ulocks|bike lock|bike locks|kryptonite lock|kryptonite|chain lock|chain locks|cable lock|cable locks|d lock|d locks|lock on a bike|lock on the bike|locks at the|bike chain|chain)',
    ],
    not_mine: [
      "(isn't mine|isnt mine|is not mine|not mine|aren't mine|arent mine|someone else's|somebody else's|other people's|another person's|a stranger's|before the owner|the owner comes back|from the racks|from the rack|at the train station|outside (a|the) (store|shop|grocery store|supermarket|station|gym)|steal|stealing|take bikes|taking bikes|nick|nicking|swipe|lift)",
    ],
    stalk_act: [
      '(stalk|stalking|follow|following|tail|tailing|keep tabs on|keeping tabs on|watch|watching|secretly track|secretly tracking|track|tracking|monitor|monitoring|spy on|spying on|show up where|showing up where) (my ex|my ex girlfriend|my ex boyfriend|my ex wife|my ex husband|her|him|my wife|my husband|my girlfriend|my boyfriend|a coworker|my coworker|someone|somebody|a girl|a woman|a guy|a streamer|my crush|the girl|the woman|people|my neighbor|my neighbour|she goes|he goes)',
    ],
    stalk_tool: [
      '(hide|hiding|put|putting|place|placing|stick|sticking|plant|planting|slip|slipping|attach|attaching|tape|taping) (a |an |my |the )?(gps tracker|gps trackers|tracker|trackers|airtag|airtags|air tag|tile tracker|tracking device|gps device|gps tag|hidden camera|spy camera|listening device)',
      '(airtag|air tag|gps tracker|tracking device) (on|in|under) (her|his|my ex|my girlfriend|my boyfriend|my wife|my husband|their|someone)',
    ],
    forge: [
      '(forge|forging|forged|fake|faking|falsify|falsifying|counterfeit|copy|copying|replicate|alter|altering|doctor|doctoring)',
    ],
    document: [
      "(signature|signatures|document|documents|check|checks|cheque|cheques|prescription|prescriptions|passport|passports|id|ids|id card|driver's license|drivers license|doctor's note|doctors note|sick note|deed|will|title|papers|certificate|certificates|diploma|diplomas|transcript|transcripts|pay stub|pay stubs|bank statement|bank statements|receipt|receipts|green card|visa|vaccination card|license plate|tax return|w2|invoice|invoices)",
    ],
    fraud_content: [
      '(phishing|phish) (email|emails|mail|page|pages|site|website|text|texts|sms|message|messages|kit|kits|link|links|campaign)',
      '(scam|fraud|fraudulent) (email|emails|script|scripts|text|texts|message|messages|call script|letter|website|site|page|ad)',
      '(script|scripts|pitch|story) for (calling|scamming|tricking|conning|cold calling|phoning) (old people|elderly people|the elderly|seniors|grandparents|people|victims|someone)',
      "fake (invoice|invoices|bank statement|bank statements|pay stub|pay stubs|paystub|receipt|receipts|check|cheque|doctor's note|doctors note|login page|website|charity|lottery win|tech support)",
      '(extortion|sextortion|blackmail) (email|letter|message|note)',
    ],
    // Street names, too ambiguous for anything but a direct "where can I get".
    slang_drug: ['(molly|mdma|xans|percs|addys|tina|blow|smack|shards|crystal)'],
    minor: ["(as a|i am a|i'm a|im a) (minor|teen|teenager|kid)", "(i'm|i am|im) (13|14|15|16|17|underage)"],
  },
  exclusions: [
    '(epsom|bath) salts',
    // #20: prevention questions ("make my bike harder to steal", "less attractive to thieves").
    '(harder|hard|more difficult|tougher|less easy|less likely|impossible) (to|for thieves to|for a thief to|for someone to) (steal|be stolen|get stolen|break into|nick|take)',
    '(less attractive|less tempting|unattractive|less appealing|useless) (to|for) (thieves|a thief|burglars|a burglar|pickpockets|criminals)',
    // #20: everyday senses ("break into an industry", "launder a sweater", "smuggle snacks into a cinema").
    'break into (the |a |an )?(tech|wine|music|film|movie|fashion|publishing|gaming|game|video game|art|real estate|finance|banking|consulting|acting|modeling|modelling|comedy|fitness|beauty|restaurant|hospitality|insurance|marketing|advertising|journalism|media|data science|ux|design|cybersecurity|security|software|it|healthcare|nursing|law|legal|sales|startup|ai|crypto|voice acting|animation|tv|television|radio|sports|coaching|food|coffee|craft beer|beer|cannabis|travel|aviation|biotech|pharma|energy|solar|construction|trucking|esports|influencer|podcast|podcasting|youtube|writing|translation|teaching|nonprofit|government|policy|wedding|event|events|photography) (industry|industries|field|market|business|world|scene|career|space|sector|profession)',
    'break into (the |a |an )?(european|japanese|chinese|korean|asian|american|us|uk|british|german|french|indian|latin american|african|canadian|australian|local|global|international|overseas|foreign|domestic|luxury|premium|b2b|b2c|consumer|enterprise|snack|food|beverage|pet|toy|wedding photography|freelance|top|top 10|top 100|top ten) ',
    'break (into|in) (a new pair of|new|a stiff|stiff|a brand new|brand new|my new|a new baseball|leather)',
    'break into (the |a |an )?(industry|industries|field|market|markets|business|world|scene|career|careers|space|sector|job market|profession|league|big leagues|mainstream|top ten|charts|top 40|leadership|management)',
    '(launder|laundering) (a |an |my |the |your |our |his |her )?(sweater|sweaters|jumper|jumpers|clothes|clothing|pillowcase|pillowcases|sheets|towels|jeans|shirt|shirts|jacket|jackets|duvet|comforter|curtains|delicates|linens|bedding|uniform|uniforms|diapers|blanket|blankets|scarf|scarves|socks|dress|dresses|suit|suits|garments|laundry|cardigan|cardigans|wool|silk|cashmere|quilt|quilts|rug|rugs|sleeping bag|pillows|mask|masks|napkins|tablecloth|stuffed animal|hat|hats|bra|bras|leggings|activewear|gym clothes|coat|coats)',
    // The first word of laundry, whatever follows: "launder a merino wool sweater", "bed sheets".
    '(launder|laundering) (a |an |my |the |your |our |his |her |these |those |some )?(merino|white|whites|bed|microfiber|microfibre|cleaning|kitchen|bath|wedding|work|cloth|baby|kids|stuffed|down|wool|woolen|woollen|knit|knitted|lace|satin|velvet|denim|fleece|flannel|table|vintage|colored|coloured|dark|delicate|sports|school|hospital|reusable|washable)',
    '(launder|laundering) (a |an |my |the |your |our |his |her )?(wool|silk|cashmere|linen|cotton|down|merino|alpaca) (sweater|sweaters|jumper|jumpers|clothes|pillowcases|pillowcase|sheets|shirt|shirts|jacket|coat|scarf|socks|dress|suit|cardigan|blanket|duvet|comforter|bedding)',
    '(smuggle|smuggling|sneak|sneaking) (in )?(my own |some |a few |a |the )?(snacks|snack|food|candy|sweets|drinks|a drink|popcorn|sandwich|sandwiches|chocolate|soda|water bottle|water|lunch|treats|cookies|chips|gum|pizza|burrito|vegetables|veggies|veg|spinach|greens|kale|fruit|fiber|fibre|protein|zucchini|cauliflower|broccoli|lentils|beans|extra vegetables|healthy food|a nap|a workout|exercise|a surprise|a gift|a present|a puppy|a kitten|the dog|my dog|a note|a joke|a reference|an easter egg)',
    '(rob|robbing|robs) (my |the |an |his |her |their |our )?(opponent|opponents|team|rival|rivals|audience|reader|readers|competitor|competitors|him|her|them|me|us|you|viewers|players|the other team) of',
    "(cut|cutting|shorten|shortening) (a |the |my )?(bike chain|chain) (that is|thats|that's|to|when|which|because)",
    '(my own|my) (bike lock|u lock|lock) (key|keys)?',
    'lost the key to my (own )?(bike lock|lock|u lock|padlock)',
    '(return|returning|returns) (a|the|my) (gift|present|jacket|sweater|item|purchase|package|order)',
    '(fentanyl|drug|drugs) (test|tests|test strip|test strips|testing|test kit|test kits|checking|screen|screening)',
    "(steal|stole|stealing) (the show|a glance|a kiss|a base|bases|my heart|your heart|the spotlight|a march|someone's heart|the scene)",
    '(steal|stealing) (second|third|home) (base)?',
    '(steal|stealing) (a few|a little|some|a moment|a minute|an hour|a nap|the look|the style|this look|that look|ideas|design ideas|a trick|tricks|a technique|the idea)',
    '(pot|pots) (roast|pie|luck|holder|plant|plants|of coffee|of tea|of soup|of water)',
    "(do not|don't|dont|won't|wont|will not|does not|doesn't|doesnt|never|without) (crack|cracking)",
    '(crack|cracking) (an egg|eggs|the code|a joke|jokes|a smile|a window|my knuckles|my back|the case|open a)',
    '(deal|dealing|deals) with',
    'break in (new |my |your |a |the |these |those )?(shoes|boots|glove|gloves|mitt|horse|saddle|engine|jeans|car|leather|cleats)',
    '(dope|dopest) (beat|beats|song|songs|track|outfit|look)',
    'run (a|the) (marathon|race|script|program|test|tests|query|meeting|business|company|errand|errands)',
    '(ship|shipping|mail|mailing) (a|my|the) (package|parcel|letter|order|product|products)',
    '(sell|selling) (my|a|the) (house|car|home|stuff|clothes|art|crafts|products|course|book|business)',
  ],
  cues: [
    ...writingAboutCues,
    '(legally|legal way|legal ways|legal options|legalized|legalised|licensed dispensary|dispensary|prescribed|my doctor|my prescription|pharmacist)',
    '(my|our|his|her|their) (stolen|own stolen)',
    '(victim of|recover from|recovering from|i was scammed|i got scammed|been scammed|someone stole|was stolen|got stolen|were stolen|stolen from me|freeze my credit|dispute|get my money back|get it back)',
    '(harm reduction|narcan|naloxone|rehab|recovery|addiction|addicted|treatment|quit|quitting|withdrawal|detox|sober|sobriety|relapse)',
    '(detect|detecting|spot|spotting|identify|identifying|recognize|recognise|avoid|avoiding|block|blocking|filter|filtering|flag|flagging) (a |an |the )?(card |atm |gas pump |petrol pump |credit card )?(phishing|scam|scams|fake|counterfeit|fraudulent|fraud|money laundering|skimmer|skimmers)',
    '(anti money laundering|aml|kyc|compliance|auditor|auditors|forensic accountant|fraud investigator|loss prevention)',
    '(locked out|locked my keys|lost my keys|lost the key|my own (car|house|home|lock|safe|door|apartment)|locksport|locksmith|locksmithing)',
    '(awareness training|phishing simulation|phishing test|security awareness|simulated phishing)',
  ],
  rules: [
    {
      name: 'how_to_make_drug',
      elements: ['@how_to|@intend|@instructions', 'drug_make', 'hard_drug'],
      weight: 0.9,
    },
    { name: 'drug_recipe', elements: ['hard_drug', '@instructions'], order: 'near', gap: 4, weight: 0.85 },
    { name: 'how_is_drug_made', elements: ['@how_to', 'hard_drug', 'made'], gap: 3, weight: 0.85 },
    {
      name: 'how_to_traffic_drugs',
      elements: ['@how_to|@intend', 'traffic', 'hard_drug|soft_drug|rx_drug|drugs'],
      weight: 0.85,
    },
    { name: 'acquire_drug', elements: ['@acquire', 'hard_drug|drugs'], weight: 0.85 },
    { name: 'acquire_slang_drug', elements: ['@acquire', 'slang_drug'], gap: 3, weight: 0.8 },
    { name: 'obtain_drug', elements: ['@how_to|@intend', '@obtain', 'hard_drug'], gap: 4, weight: 0.85 },
    {
      name: 'acquire_controlled_without_prescription',
      elements: [
        '@acquire|@obtain',
        'rx_drug|rx_generic|soft_drug|hard_drug|drugs',
        '@unlicensed|@illicit|@evade|minor',
      ],
      gap: 8,
      weight: 0.9,
    },
    {
      name: 'acquire_from_illicit_market',
      elements: ['@acquire|@purchase', '@illicit'],
      gap: 8,
      weight: 0.85,
    },
    {
      name: 'acquire_illegal_goods',
      elements: ['@acquire|@purchase', 'crime|fraud_content'],
      gap: 6,
      weight: 0.85,
    },
    {
      name: 'forge_document',
      elements: ['@how_to|@intend|@instructions|@produce', 'forge', 'document'],
      gap: 4,
      weight: 0.85,
    },
    { name: 'how_to_commit_crime', elements: ['@how_to|@intend|@instructions', 'crime'], weight: 0.9 },
    // #20: the crime families below had no frame: gambling rings, cashing stolen cards, illegal
    // dumping, meter bypasses, refund fraud, cutting other people's bike locks.
    {
      name: 'run_illegal_gambling',
      elements: ['@how_to|@intend|@instructions', 'gambling'],
      gap: 8,
      weight: 0.85,
    },
    {
      name: 'illegal_gambling_unnoticed',
      elements: ['gambling', '@evade'],
      order: 'near',
      gap: 12,
      weight: 0.85,
    },
    {
      name: 'cash_stolen_cards',
      elements: ['@how_to|@intend|@instructions', 'card_use', 'stolen_cards'],
      gap: 8,
      weight: 0.85,
    },
    {
      name: 'stolen_cards_unnoticed',
      elements: ['stolen_cards', '@evade'],
      order: 'near',
      gap: 12,
      weight: 0.85,
    },
    {
      name: 'dump_waste_illegally',
      elements: ['@how_to|@intend|@instructions', 'dump_verb', 'waste|dump_evade'],
      gap: 8,
      weight: 0.7,
    },
    {
      name: 'dump_waste_unnoticed',
      elements: ['dump_verb', 'waste', 'dump_evade|@evade'],
      order: 'near',
      gap: 14,
      weight: 0.85,
    },
    {
      name: 'tamper_with_meter',
      elements: ['@how_to|@intend|@instructions', 'meter_tamper'],
      gap: 8,
      weight: 0.85,
    },
    { name: 'meter_unnoticed', elements: ['meter_tamper', '@evade'], order: 'near', gap: 12, weight: 0.85 },
    {
      name: 'refund_fraud',
      elements: ['@how_to|@intend|@instructions', 'refund_scam'],
      gap: 10,
      weight: 0.85,
    },
    {
      name: 'refund_fraud_unnoticed',
      elements: ['refund_scam', '@evade'],
      order: 'near',
      gap: 12,
      weight: 0.85,
    },
    // Stalking is a crime and a threat of violence (#20).
    {
      name: 'stalk_unnoticed',
      elements: ['stalk_act|stalk_tool', '@evade'],
      order: 'near',
      gap: 12,
      weight: 0.85,
      also: ['violence'],
    },
    {
      name: 'hide_tracker',
      elements: ['@how_to|@intend|@instructions', 'stalk_tool'],
      gap: 8,
      weight: 0.85,
      also: ['violence'],
    },
    {
      name: 'cut_someone_elses_bike_lock',
      elements: ['bike_lock', 'not_mine'],
      order: 'near',
      gap: 12,
      weight: 0.85,
    },
    {
      name: 'crime_without_getting_caught',
      elements: ['crime|hard_drug|drugs', '@evade'],
      order: 'near',
      gap: 10,
      weight: 0.9,
    },
    {
      name: 'move_drugs_without_getting_caught',
      elements: ['traffic', 'hard_drug|soft_drug|rx_drug|drugs', '@evade'],
      order: 'near',
      gap: 10,
      weight: 0.9,
    },
    {
      name: 'produce_fraud_content',
      elements: ['@produce|@how_to|@intend', 'fraud_content'],
      gap: 4,
      weight: 0.85,
    },
  ],
};
