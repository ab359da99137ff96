// Language identification for findings and for the `languages` option, with franc-min (trigram
// profiles of the most spoken languages, MIT). franc reads at most 2,048 characters; we give it
// the first LANGUAGE_SAMPLE so the cost stays flat on long inputs.
import { franc } from 'franc-min';

/** How many leading characters are read to identify the language. */
export const LANGUAGE_SAMPLE = 600;

// ISO 639-3 codes franc returns → the codes the `languages` option is written in.
const CODES: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  deu: 'de',
  fra: 'fr',
  cmn: 'zh',
  ita: 'it',
  por: 'pt',
  jpn: 'ja',
  rus: 'ru',
  kor: 'ko',
  arb: 'ar',
  hin: 'hi',
  nld: 'nl',
  pol: 'pl',
  tur: 'tr',
};

// franc chooses among these only: close neighbours outside the list (Bulgarian and Ukrainian for
// Russian, Galician for Portuguese) would otherwise win on short texts.
const ONLY = Object.keys(CODES);

/**
 * The language of `text` as a two-letter code among the fifteen the detector knows, or `und` when
 * the text is too short or mixed to tell.
 */
export function identifyLanguage(text: string): string {
  const code = franc(text.slice(0, LANGUAGE_SAMPLE), { minLength: 8, only: ONLY });
  return CODES[code] ?? 'und';
}
