// Characters that render like Latin letters (or like ASCII punctuation) but survive NFKC and
// lower-casing, mapped to what they look like. NFKC already folds fullwidth, mathematical,
// circled and superscript forms; this table covers what it leaves: Cyrillic, Greek and Armenian
// look-alikes, small capitals, letters with no decomposition (ß, ø, ł), typographic quotes and
// dashes, invisible fillers, and the emoji letter blocks used to spell words (🇭🇴🇼, 🅸🅶🅽).

// biome-ignore format: a lookup table reads best packed
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic (lower case; input is lower-cased before mapping)
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', п: 'n', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ь: 'b', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  ɡ: 'g', ɑ: 'a', ı: 'i', ȷ: 'j',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't',
  υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ո: 'n',
  // Small capitals and other IPA letters
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l',
  ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
  // Letters without a decomposition
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ħ: 'h',
  // Punctuation
  '‘': "'", '’': "'", '‛': "'", '′': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '″': '"', '«': '"', '»': '"',
  '‐': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  // Blank-looking characters that are letters or symbols, not spaces
  '\u2800': ' ', '\u3164': '', '\uffa0': '', '\u115f': '', '\u1160': '',
};

// Regional indicators (🇦…🇿), negative circled (🅐…🅩) and negative squared (🅰…🆉) letters, as
// UTF-16 surrogate pairs so that the pattern runs in the faster non-Unicode regex mode.
const LETTER_BLOCKS: readonly (readonly [number, number])[] = [
  [0x1f1e6, 0x1f1ff],
  [0x1f150, 0x1f169],
  [0x1f170, 0x1f189],
];

/**
 * Matches every character `confusableFor` may map, as a few ranges that contain them all (a range
 * class is much faster than a class of a hundred single characters); unmapped ones map to themselves.
 */
export const CONFUSABLE: RegExp =
  /[\u00ab-\u0586\u115f\u1160\u1d00-\u1d22\u2010-\u2033\u2212\u2800\u3164\ua730\ua731\uffa0]|\ud83c[\udd50-\udd89\udde6-\uddff]/g;

/** The ASCII text a confusable character stands for. */
export function confusableFor(ch: string): string {
  const mapped = LOOK_ALIKES[ch];
  if (mapped !== undefined) return mapped;
  const cp = ch.codePointAt(0) ?? 0;
  for (const [from, to] of LETTER_BLOCKS) {
    if (cp >= from && cp <= to) return String.fromCharCode(97 + cp - from);
  }
  return ch;
}
