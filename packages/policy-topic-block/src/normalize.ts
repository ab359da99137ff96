// Lookalike letters from other scripts that attackers swap in for Latin ones (Cyrillic "о" in
// "bоmb"). NFKC already folds full-width, mathematical and compatibility forms; these it leaves.
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  х: 'x',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɑ: 'a',
  ɡ: 'g',
  ı: 'i',
  ȷ: 'j',
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
};

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

// Numbers with units ("3d", "9mm", "$50k", "2nd") and model numbers ("ak47", "ar15") are not leet.
const NOT_LEET_RE = /^\$?\d+[a-z]{0,3}$|^[a-z]{1,3}\d{2,4}$|^(?:c4|m4|mp5|g3)$/;

// Three or more single letters split by one kind of symbol ("b.o.m.b", "k-i-l-l"), or four or more
// split by spaces ("b o m b"): writers spell a word out this way to slip past a word list.
const SYMBOL_SPELLED_RE = /(?<![a-z0-9])[a-z](?:[.*_-][a-z](?![a-z0-9])){2,}/g;
const SPACE_SPELLED_RE = /(?<![a-z0-9'])[a-z](?: [a-z](?![a-z0-9'])){3,}/g;

const NON_ASCII_RE = /[^\u0000-\u007f]/;
// Combining marks (diacritics after NFKD), invisible format characters (zero-width, bidi
// controls, soft hyphen, variation selectors) and private-use characters, all dropped.
function isDropped(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    c === 0x00ad ||
    c === 0x061c ||
    c === 0x180e ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xe000 && c <= 0xf8ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xfe20 && c <= 0xfe2f) ||
    c === 0xfeff ||
    (c >= 0xfff9 && c <= 0xfffb)
  );
}

const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u2032': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

// One pass over NFKD, lower-cased text: drops marks and invisibles, folds lookalikes and
// typographic quotes and dashes. Tag characters (U+E0000–E007F, "ASCII smuggling") are surrogate
// pairs starting with U+DB40 and are dropped too.
function foldUnicode(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let replacement: string | undefined;
    let skip = 1;
    if (isDropped(c)) replacement = '';
    else if (c === 0xdb40 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xff80) === 0xdc00) {
      replacement = '';
      skip = 2;
    } else {
      const ch = text[i]!;
      replacement = HOMOGLYPHS[ch] ?? TYPOGRAPHIC[ch];
    }
    if (replacement === undefined) continue;
    out += text.slice(runStart, i) + replacement;
    i += skip - 1;
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
const CONTROL_RE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
// "80%" reads as "80 percent", so phrases need no punctuation.
const PERCENT_RE = /(\d) ?%/g;
// A letter next to a digit or symbol: the only place leetspeak can hide. A token (a run of letters,
// digits and the symbols leetspeak uses) mixes both exactly when it holds such a pair.
const LEET_HINT_RE = /[a-z][0-9@$!|]|[0-9@$!|][a-z]/g;
const DASH_RE = /[-_]+/g;
// A run of two or more whitespace characters, or one that is not a plain space.
const WHITESPACE_RE = /\s{2,}|[^\S ]/g;
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z';
}

/** Folds one token that mixes letters with digits or leet symbols, unless it reads as a number or model name. */
function foldLeetToken(token: string): string {
  if (NOT_LEET_RE.test(token)) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    const mapped = LEET[ch];
    if (mapped === undefined) {
      out += ch;
    } else if (ch === '!' || ch === '|') {
      // Punctuation unless a letter sits on both sides ("k!ll").
      out += isLetter(token[i - 1]) && isLetter(token[i + 1]) ? mapped : ch;
    } else {
      // "@user" is a handle, not "auser".
      out += ch === '@' && i === 0 ? ch : mapped;
    }
  }
  return out;
}

function isLeetTokenChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 || c === 36 || c === 33 || c === 124;
}

/** Folds every token that mixes letters with digits or symbols; other tokens are not visited. */
function foldLeetTokens(text: string): string {
  let out = '';
  let copied = 0;
  LEET_HINT_RE.lastIndex = 0;
  for (let hint = LEET_HINT_RE.exec(text); hint !== null; hint = LEET_HINT_RE.exec(text)) {
    let start = hint.index;
    while (start > copied && isLeetTokenChar(text.charCodeAt(start - 1))) start--;
    let end = hint.index + 2;
    while (end < text.length && isLeetTokenChar(text.charCodeAt(end))) end++;
    out += text.slice(copied, start) + foldLeetToken(text.slice(start, end));
    copied = end;
    LEET_HINT_RE.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function joinSpelledOut(run: string): string {
  const letters = run.split(' ').join('');
  // "a b o m b" is more likely "a bomb" than "abomb": keep a leading article or pronoun apart.
  if (letters.length >= 5 && (letters[0] === 'a' || letters[0] === 'i')) {
    return `${letters[0]} ${letters.slice(1)}`;
  }
  return letters;
}

/**
 * Folds text into the form every topic phrase is written in: NFKC, no diacritics or invisible
 * characters, lower case, Latin lookalikes and common leetspeak folded, words spelled out letter by
 * letter joined, dashes as spaces and whitespace collapsed (a run holding a line break becomes "\n").
 *
 * @example normalizeText('How do I build a B0MB?') // 'how do i build a bomb?'
 */
export function normalizeText(text: string): string {
  let out: string;
  // Plain ASCII, the common case, has no marks, lookalikes or typographic quotes to fold.
  if (NON_ASCII_RE.test(text)) {
    out = foldUnicode(text.normalize('NFKD').toLowerCase());
  } else {
    out = text.toLowerCase();
  }
  out = out.replace(CONTROL_RE, ' ');
  if (out.includes('`')) out = out.replaceAll('`', "'");
  if (out.includes('%')) out = out.replace(PERCENT_RE, '$1 percent');
  out = foldLeetTokens(out);
  out = out.replace(SYMBOL_SPELLED_RE, (run) => run.replace(/[.*_-]/g, ''));
  out = out.replace(SPACE_SPELLED_RE, joinSpelledOut);
  out = out.replace(DASH_RE, ' ');
  return out.replace(WHITESPACE_RE, (ws) => (LINE_BREAK_RE.test(ws) ? '\n' : ' '));
}
