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
    '(fentanyl|drug|drugs) (test|tests|test strip|test strips|testing|test kit|test kits|checking|screen|screening)',
    "(steal|stole|stealing) (the show|a glance|a kiss|a base|bases|my heart|your heart|the spotlight|a march|someone's heart|the scene)",
    '(pot|pots) (roast|pie|luck|holder|plant|plants|of coffee|of tea|of soup|of water)',
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
    '(detect|detecting|spot|spotting|identify|identifying|recognize|recognise|avoid|avoiding|block|blocking|filter|filtering|flag|flagging) (a |an |the )?(phishing|scam|scams|fake|counterfeit|fraudulent|fraud|money laundering|skimmer|skimmers)',
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
