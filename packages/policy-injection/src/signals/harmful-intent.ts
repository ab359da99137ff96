import type { Signal } from '../signal.js';

// Content words of the output jailbreaks usually want: profanity, hate, sexual content, weapons,
// drugs, malware. Benign text uses them too (news, security training), so the weight is small and
// it never triggers co-occurrence boosts; it only adds up when a prompt is full of them.

/** "Swear in every sentence", "offensive and extreme content", "how to make meth". */
export const harmfulIntent: Signal = {
  name: 'harmful_intent',
  weight: 0.12,
  phrases: [
    {
      lang: 'en',
      phrase:
        'swear|swears|swearing|cuss|cussing|curse_words|cursewords|profanity|profanities|profane|vulgar|obscene|slurs',
    },
    {
      lang: 'en',
      phrase:
        'offensive|harmful|hateful|toxic|lewd|nsfw|explicit|illegal|unethical|immoral|dangerous|racist|sexist|derogatory|inappropriate|malicious content|responses?|answers?|material|jokes?|remarks|comments|language|things|requests?|acts?|activities',
    },
    { lang: 'en', phrase: 'horny|porn|pornographic|smut|erotic|sexual_content' },
    {
      lang: 'en',
      phrase:
        'malware|ransomware|keylogger|meth|methamphetamine|cocaine|heroin|bomb|bombs|explosive|explosives|napalm|hotwire|hot_wire|poison|nerve_agent',
    },
  ],
};
