/**
 * Generated hard negatives for the learned layer (#20): ordinary requests that use the blocked
 * topics' words in everyday senses (breaking into an industry, laundering a sweater, smuggling
 * snacks into a cinema, killing a process, shooting a photo, a film that bombed, stealing the show,
 * hacking a recipe, …) and prevention questions (making a bike harder to steal). Each sense is a
 * list of activities; each activity is asked in several request wordings ("how do I", "what's the
 * best way to", "step by step", "without anyone noticing" where it fits), so the gate learns that
 * a request frame with one of these words is not a request for harm. Written from the issue's list
 * of senses, never from the blind sets. Deterministic: a seeded generator picks the wordings.
 */

/** An everyday activity (a verb phrase after "how do I") and whether a secrecy frame fits it. */
type Activity = readonly [phrase: string, secret?: 'secret'];

const SENSES: Readonly<Record<string, readonly Activity[]>> = {
  break_into: [
    ['break into the consulting industry without an MBA'],
    ['break into tech sales after ten years of teaching'],
    ['break into the European market with our small skincare brand'],
    ['break into voice acting from my bedroom studio'],
    ['break into UX research with a psychology degree'],
    ['break into the Japanese snack market as a US startup'],
    ['break into freelance copywriting with no portfolio'],
    ['break into product management from customer support'],
    ['break into the wedding photography business in a crowded city'],
    ['break into a new pair of leather hiking boots before a trip'],
    ['break in a stiff baseball glove'],
    ['break into the top 100 on the Etsy search results'],
  ],
  launder: [
    ['launder a merino wool sweater without it shrinking'],
    ['launder silk pillowcases so they stay soft'],
    ['launder cloth diapers without a strong detergent smell'],
    ['launder a down jacket at home'],
    ['launder a cashmere scarf by hand'],
    ['launder bed sheets after a stomach bug went through the house'],
    ['launder microfiber cleaning towels so they keep absorbing'],
    ['launder a wedding dress that has a wine stain'],
    ['launder my kid’s stuffed animals without ruining them'],
    ['launder white work shirts so the collars stop yellowing'],
  ],
  smuggle: [
    ['smuggle snacks into the cinema in my handbag', 'secret'],
    ['sneak candy into a movie theater', 'secret'],
    ['smuggle vegetables into my toddler’s pasta sauce', 'secret'],
    ['sneak spinach into a fruit smoothie for picky kids', 'secret'],
    ['smuggle a birthday cake into the office before she arrives', 'secret'],
    ['smuggle more protein into my breakfast'],
    ['sneak a love note into my husband’s lunchbox', 'secret'],
    ['sneak extra fibre into baked goods', 'secret'],
    ['smuggle a puppy into my parents’ house as a Christmas surprise', 'secret'],
  ],
  kill: [
    ['kill a process that is holding port 8080'],
    ['kill a zombie process on Ubuntu'],
    ['kill every node process at once on macOS'],
    ['kill a hung Docker container'],
    ['kill a detached tmux session'],
    ['kill weeds between patio pavers without chemicals'],
    ['kill mould in the shower grout'],
    ['kill time during a six-hour layover in Frankfurt'],
    ['kill the background hum in my podcast recording'],
    ['kill it at my first job interview'],
    ['kill the lights from my phone with Home Assistant'],
    ['get rid of fruit flies in the kitchen'],
  ],
  shoot: [
    ['shoot a photo in harsh midday sun'],
    ['shoot a music video on an iPhone'],
    ['shoot a wedding in a dark church without flash'],
    ['shoot portraits with a 50mm lens'],
    ['shoot a time-lapse of the sunset over the harbour'],
    ['shoot a short film on a tiny budget'],
    ['shoot hoops more consistently from the free-throw line'],
    ['shoot an email to my landlord about the broken heater'],
    ['shoot product photos for my candle shop on a white background'],
    ['shoot in RAW and edit in Lightroom'],
  ],
  bomb: [
    ['review a film that bombed at the box office'],
    ['explain why the movie was such a bomb with critics'],
    ['recover after I bombed a presentation at work'],
    ['make hot cocoa bombs that do not crack'],
    ['make fizzy bath bombs with my niece'],
    ['stop my friend from photobombing every group picture'],
    ['study after I bombed my statistics midterm'],
    ['write a funny review of the biggest box-office bombs of the decade'],
  ],
  steal: [
    ['steal the show with my best man speech'],
    ['steal second base in softball'],
    ['steal a few quiet minutes for myself on a busy day'],
    ['steal the look of a designer living room on a budget'],
    ['steal the spotlight in a school talent show'],
    ['teach my players when to steal a base'],
  ],
  hack: [
    ['hack a boxed cake mix so it tastes homemade'],
    ['hack an IKEA Kallax into a bench'],
    ['hack my sleep schedule after a night shift'],
    ['hack instant ramen into a proper dinner'],
    ['hack together a quick Python script to rename my photos'],
    ['hack the grocery budget for a family of five'],
    ['hack my productivity when working from home'],
    ['win a hackathon with a two-person team'],
    ['hack a recipe for vegan brownies with aquafaba'],
  ],
  cut: [
    ['cut ceramic floor tiles around a toilet flange'],
    ['cut a mango into cubes'],
    ['cut my own curtain bangs'],
    ['cut drywall for a new outlet box'],
    ['cut PVC pipe straight without a mitre saw'],
    ['cut a clip out of a long video in Premiere'],
    ['cut carbs without feeling tired all day'],
    ['cut the cable bill and switch to streaming'],
    ['cut a rusted bolt off an old trailer hitch'],
  ],
  other: [
    ['crack an egg with one hand'],
    ['crack a tough case interview question'],
    ['poach an egg without vinegar'],
    ['poach salmon in white wine'],
    ['smoke a brisket on a kettle grill'],
    ['torch the top of a crème brûlée'],
    ['fire a clay pot in a small electric kiln'],
    ['execute a SQL migration without downtime'],
    ['trigger a GitHub Actions workflow by hand'],
    ['inject dependencies into an Angular service'],
    ['nuke my node_modules folder and reinstall'],
    ['blow up a photo to poster size without it getting blurry'],
    ['crush my 5K personal best'],
    ['murder a power ballad at karaoke and still have fun'],
    ['attack a steep climbing route without burning out'],
    ['beat egg whites into stiff peaks'],
    ['beat the final boss in Elden Ring'],
    ['bleed the brakes on my mountain bike'],
    ['bleed a radiator that is cold at the top'],
    ['gut and clean a trout I caught'],
    ['butcher a whole chicken into eight pieces'],
    ['slash prices for a weekend flash sale'],
    ['tail a log file and filter it with grep'],
    ['track a package that says delivered but is not here'],
    ['keep tabs on my monthly spending'],
    ['monitor my CPU temperature while gaming'],
    ['clone a git repository with its submodules'],
    ['clone my laptop’s hard drive to a new SSD'],
    ['override a CSS style from a third-party library'],
    ['drive more traffic to my Etsy shop'],
    ['weed a vegetable bed quickly'],
    ['hang a heavy mirror on plaster walls'],
    ['use the choke on a cold lawnmower'],
    ['dodge rush-hour traffic on my commute'],
    ['plan a surprise party for my wife', 'secret'],
    ['hide Easter eggs so the kids do not find them all in two minutes', 'secret'],
    ['slip a gift into his suitcase before his trip', 'secret'],
    ['get a second slice of cake at the buffet', 'secret'],
  ],
  prevention: [
    ['make my road bike harder to steal outside the office'],
    ['make my car less attractive to thieves'],
    ['protect my catalytic converter from being stolen'],
    ['stop porch pirates from taking my parcels'],
    ['keep my e-scooter from being stolen at the station'],
    ['secure my garage against break-ins'],
    ['protect my grandmother from phone scams'],
    ['spot a card skimmer at a petrol pump'],
    ['check whether my phone has stalkerware on it'],
    ['lock down my home wifi so neighbours cannot use it'],
    ['recognise a phishing email at work'],
    ['keep cleaning chemicals away from my toddler'],
    ['make my laptop useless to a thief'],
    ['keep my wallet safe from pickpockets on the metro'],
  ],
};

/** Request wordings around an activity; `{a}` is the activity. */
const FRAMES: readonly string[] = [
  'How do I {a}?',
  "What's the best way to {a}?",
  'What is the most effective way to {a}?',
  'Step by step, how can I {a}?',
  'Teach me how to {a}.',
  'Any tips to {a}?',
  'Give me a plan to {a}.',
  'Is there an easy way to {a}?',
  'I need to {a}. Where do I start?',
  'whats the quickest way to {a}',
  'Can you walk me through how to {a}?',
  'Explain like I am a beginner how to {a}.',
  'how can i {a}',
  'Best way to {a}?',
  'What do I need to {a}? Please list the tools and steps.',
];
const SECRET_FRAMES: readonly string[] = [
  'How do I {a} without anyone noticing?',
  'How can I {a} without getting caught?',
  'Best way to {a} so nobody finds out?',
];

/** Mulberry32: a small deterministic generator, so a retrain sees the same texts. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every generated hard negative: each activity in `perActivity` request wordings (plus one secrecy
 * wording where it fits), with its sense.
 */
export function everydaySenseTexts(perActivity = 4): { sense: string; text: string }[] {
  const random = seeded(20);
  const out: { sense: string; text: string }[] = [];
  for (const [sense, activities] of Object.entries(SENSES)) {
    for (const [phrase, secret] of activities) {
      const frames = [...FRAMES];
      for (let i = 0; i < perActivity && frames.length > 0; i++) {
        const [frame] = frames.splice(Math.floor(random() * frames.length), 1);
        out.push({ sense, text: frame!.replace('{a}', phrase) });
      }
      if (secret === 'secret') {
        const frame = SECRET_FRAMES[Math.floor(random() * SECRET_FRAMES.length)]!;
        out.push({ sense, text: frame.replace('{a}', phrase) });
      }
    }
  }
  return out;
}
