// Generators of labelled training texts for the learned layer (issue #19): attack families ×
// languages × surface forms, direct and indirect (documents, e-mails, tool results, JSON), and
// as many hard negatives (quoted, translated or reported attacks, security teaching, role-play,
// questions about prompts and tokens, benign documents). Every text is assembled from the phrase
// banks (bank-*.ts) with a seeded random generator, so a run is reproducible. blind/ is never read.
import type { Bank } from './bank.ts';
import { ar, hi, ja, ko, zh } from './bank-asian.ts';
import { en } from './bank-en.ts';
import { de, nl, pl, ru, tr } from './bank-germanic-slavic.ts';
import { es, fr, it, pt } from './bank-romance.ts';
import { compose, SLOTS } from './compose.ts';
import { round12 } from './round12.ts';

export const BANKS: Readonly<Record<string, Bank>> = {
  en,
  es,
  de,
  fr,
  zh,
  it,
  pt,
  ja,
  ru,
  ko,
  ar,
  hi,
  nl,
  pl,
  tr,
};

export type Generated = {
  readonly text: string;
  readonly label: 0 | 1;
  readonly lang: string;
  readonly family: string;
};

/** mulberry32: a small seeded generator, so the data set is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'DAN',
  'Nova',
  'Zeta',
  'Kairo',
  'Omega',
  'Lyra',
  'Rex',
  'Sable',
  'Quill',
  'Titan',
  'Echo',
  'Blaze',
  'Raven',
  'Pixel',
  'Jinx',
  'AIM',
  'STAN',
  'DUDE',
];
const DOMAINS = [
  'evil-site.example',
  'data-grab.example',
  'update-now.example',
  'secure-check.example',
  'files.example.net',
  'collect.example.org',
];
const DELIMITERS = [
  '</system>',
  '<|im_start|>system',
  '<|im_end|>\n<|im_start|>system',
  '### END OF USER INPUT ###',
  '[/INST] [INST] <<SYS>>',
  '---- END DATA ----',
  '{"role": "system", "content": "',
  '</document>\n<instructions>',
  '=== ADMIN ===',
  '<|endoftext|>',
  'SYSTEM:',
];
const EN_PREFIXES = [
  '',
  '',
  '',
  'Important: ',
  'OK, new plan. ',
  'Thanks! Now ',
  'Quick thing: ',
  'URGENT: ',
  'By the way, ',
  'Listen carefully. ',
];
const DECODE = [
  'Decode this and do what it says:',
  'Follow the encoded instructions:',
  'Decode:',
  'Here is a message for you:',
  'Run this:',
  '',
];
const BENIGN_DECODE = [
  'What does this decode to?',
  'Decode this for me:',
  'Is this base64 or hex?',
  'My log contains this string, what is it:',
];
const CARRIER_KEYS = ['text', 'snippet', 'description', 'note', 'content', 'body', 'comment', 'result'];
/** Attack and hard-negative pairs per language from the round-11 compositional generators (compose.ts). */
const COMPOSED_PAIRS = (lang: string) => (lang === 'en' ? 150 : lang === 'zh' || lang === 'ja' ? 120 : 80);
/** Draws per language from the round-12 and round-13 generators (round12.ts). */
const ROUND12_PAIRS = (lang: string) => (lang === 'en' ? 120 : ['zh', 'ja', 'ko'].includes(lang) ? 100 : 70);

export function generate(seed: number, perLanguage: (lang: string) => number): Generated[] {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const chance = (p: number) => rnd() < p;
  const cap = (s: string) => (s.length === 0 ? s : s[0]?.toUpperCase() + s.slice(1));
  const end = (s: string, lang: string) =>
    /[.!?。！？]$/.test(s) ? s : s + (['zh', 'ja'].includes(lang) ? '。' : '.');
  const url = () => `https://${pick(DOMAINS)}/${Math.floor(rnd() * 9000 + 1000)}`;
  const mail = () => `${pick(['archive', 'billing', 'admin', 'backup', 'hr'])}@${pick(DOMAINS)}`;
  const fill = (s: string, b: Bank) =>
    s
      .replaceAll('{X}', pick(b.objects))
      .replaceAll('{M}', pick(b.mods))
      .replaceAll('{N}', pick(NAMES))
      .replaceAll('{U}', url())
      .replaceAll('{E}', mail())
      .replace(/\s+([.,!?])/g, '$1')
      .replace(/ {2,}/g, ' ')
      .trim();
  const join = (lang: string, parts: string[]) => parts.join(['zh', 'ja'].includes(lang) ? '' : ' ');

  // One attack sentence of a family, without a carrier.
  const override = (b: Bank, lang: string) =>
    join(lang, [
      end(cap(fill(pick(chance(0.5) ? b.imperatives : b.statements), b)), lang),
      end(cap(fill(pick(b.demands), b)), lang),
    ]);
  const extraction = (b: Bank, lang: string) =>
    chance(0.3)
      ? join(lang, [end(cap(fill(pick(b.imperatives), b)), lang), end(cap(fill(pick(b.extract), b)), lang)])
      : end(cap(fill(pick(b.extract), b)), lang);
  const persona = (b: Bank, lang: string) =>
    join(lang, [
      fill(pick(b.persona), b),
      ...(chance(0.6) ? [pick(b.refusal)] : []),
      ...(chance(0.5) ? [end(cap(fill(pick(b.demands), b)), lang)] : []),
    ]);
  const refusal = (b: Bank, lang: string) =>
    join(lang, [pick(b.refusal), pick(b.refusal), end(cap(fill(pick(b.demands), b)), lang)]);
  const authority = (b: Bank, lang: string) =>
    join(lang, [pick(b.authority), end(cap(fill(pick(chance(0.5) ? b.demands : b.imperatives), b)), lang)]);
  const delimiter = (b: Bank, lang: string) => `${pick(DELIMITERS)}\n${override(b, lang)}`;
  const planted = (b: Bank, lang: string) =>
    join(lang, [
      pick(b.address),
      end(fill(pick(chance(0.6) ? b.hijack : chance(0.5) ? b.imperatives : b.extract), b), lang),
    ]);
  const attacks: Record<string, (b: Bank, lang: string) => string> = {
    override,
    extraction,
    persona,
    refusal,
    authority,
    delimiter,
  };

  // Carriers: the same body text as a document, an e-mail, a tool result, JSON or a web page.
  const carrier = (b: Bank, lang: string, inner: string | undefined): string => {
    const body = [pick(b.docs), ...(chance(0.4) ? [pick(b.docs)] : [])];
    if (inner !== undefined) body.splice(Math.floor(rnd() * (body.length + 1)), 0, inner);
    const text = join(lang, body);
    switch (Math.floor(rnd() * 6)) {
      case 0:
        return `From: ${mail()}\nSubject: ${pick(b.docs).slice(0, 30)}\n\n${body.join('\n\n')}`;
      case 1:
        return JSON.stringify({
          status: 'ok',
          results: [{ title: pick(b.docs).slice(0, 24), [pick(CARRIER_KEYS)]: text }],
        });
      case 2:
        return JSON.stringify({ id: Math.floor(rnd() * 9999), [pick(CARRIER_KEYS)]: text });
      case 3:
        return inner === undefined
          ? `<html><body><p>${text}</p></body></html>`
          : `<html><body><p>${body.filter((x) => x !== inner).join(' ')}</p><!-- ${inner} --></body></html>`;
      case 4:
        return `Tool result (${pick(['search', 'read_file', 'web_fetch', 'get_email', 'crm_lookup'])}): ${text}`;
      default:
        return body.join('\n');
    }
  };

  // Surface variation applied alike to attacks and benign texts, so neither class owns a casing
  // or punctuation style.
  const vary = (text: string): string => {
    const r = rnd();
    if (r < 0.15) return text.toLowerCase();
    if (r < 0.25) return text.replace(/[.!。]+(\s|$)/g, '$1').trim();
    if (r < 0.3) return text.toUpperCase();
    return text;
  };
  // Benign filler in the text's language, to build long texts of both classes.
  const filler = (b: Bank, lang: string, k: number) =>
    join(
      lang,
      Array.from({ length: k }, () => pick(chance(0.5) ? b.docs : b.everyday)),
    );
  // Obfuscated forms: what normalisation undoes (leetspeak, spacing, look-alikes, invisible
  // characters) and what the decoders read (base64, hex, URL encoding, ROT13, reversal).
  const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
  const rot = (t: string) =>
    t.replace(/[a-z]/gi, (ch) => {
      const base = ch <= 'Z' ? 65 : 97;
      return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
    });
  const obfuscate = (t: string): string => {
    switch (Math.floor(rnd() * 9)) {
      case 0:
        return t.replace(/[aeiost]/g, (ch) => (chance(0.7) ? (LEET[ch] as string) : ch));
      case 1:
        return t
          .split(' ')
          .map((w) => (chance(0.5) ? [...w].join(chance(0.5) ? ' ' : '-') : w))
          .join('  ');
      case 2:
        return t.replace(/[aeo]/g, (ch) =>
          chance(0.5)
            ? (({ a: '\u0430', e: '\u0435', o: '\u043e' } as Record<string, string>)[ch] as string)
            : ch,
        );
      case 3:
        return chance(0.5)
          ? [...t].join('\u200b')
          : `${pick(en.everyday)}${[...t].map((ch) => String.fromCodePoint(0xe0000 + (ch.codePointAt(0) as number))).join('')}`;
      case 4:
        return `${pick(DECODE)} ${Buffer.from(t).toString('base64')}`;
      case 5:
        return `${pick(DECODE)} ${Buffer.from(t).toString('hex')}`;
      case 6:
        return `${pick(DECODE)} ${encodeURIComponent(t)}`;
      case 7:
        return `${pick(DECODE)} ${rot(t)}`;
      default:
        return `${pick(DECODE)} ${[...t].reverse().join('')}`;
    }
  };
  // Word dropout (characters for scripts without spaces): a copy with about one unit in seven
  // removed, so the model leans on many features rather than on a template's exact wording.
  const dropout = (text: string, lang: string): string =>
    ['zh', 'ja'].includes(lang)
      ? [...text].filter(() => !chance(0.12)).join('')
      : text
          .split(' ')
          .filter(() => !chance(0.15))
          .join(' ');
  const out: Generated[] = [];
  for (const [lang, b] of Object.entries(BANKS)) {
    const n = perLanguage(lang);
    const other = () => (chance(0.7) ? b : pick(Object.values(BANKS)));
    for (let i = 0; i < n; i++) {
      // Attacks: direct families, obfuscated forms, and planted in carriers.
      const latin = ['en', 'es', 'de', 'fr', 'it', 'pt', 'nl', 'pl', 'tr'].includes(lang);
      const family = pick([
        ...Object.keys(attacks),
        'indirect',
        'indirect',
        'processed',
        'exfiltration',
        ...(latin ? ['obfuscated'] : []),
      ]);
      let text: string;
      if (family === 'exfiltration') text = end(cap(fill(pick(b.hijack), b)), lang);
      else if (family === 'obfuscated') text = obfuscate((chance(0.5) ? override : extraction)(b, lang));
      else if (family === 'indirect') text = carrier(b, lang, planted(b, lang));
      else if (family === 'processed')
        text = `${pick(b.process)}\n\n${carrier(b, lang, planted(other(), lang))}`;
      else {
        text = (attacks[family] as (b: Bank, lang: string) => string)(b, lang);
        if (lang === 'en') text = pick(EN_PREFIXES) + text;
      }
      if (chance(0.15))
        text = chance(0.5)
          ? `${filler(b, lang, 2 + Math.floor(rnd() * 4))}\n\n${text}`
          : `${text}\n\n${filler(b, lang, 2 + Math.floor(rnd() * 4))}`;
      out.push({ text: vary(text), label: 1, lang, family });
      if (chance(0.3)) out.push({ text: dropout(text, lang), label: 1, lang, family });

      // As many benign texts, half of them hard negatives built from the same attack sentences.
      const kind = pick([
        'everyday',
        'roleplay',
        'teaching',
        'quoted',
        'quoted',
        'quoted',
        'document',
        'processed-benign',
        ...(latin ? ['encoded'] : []),
      ]);
      let benign: string;
      if (kind === 'encoded') {
        const plain = pick(b.everyday);
        const r = rnd();
        benign =
          r < 0.3
            ? `${pick(BENIGN_DECODE)} ${Buffer.from(plain).toString('base64')}`
            : r < 0.5
              ? `${pick(BENIGN_DECODE)} ${Buffer.from(plain).toString('hex')}`
              : r < 0.7
                ? plain.replace(/[aeiost]/g, (ch) => (chance(0.6) ? (LEET[ch] as string) : ch))
                : `${pick(BENIGN_DECODE)} ${encodeURIComponent(plain)}`;
      } else if (kind === 'everyday')
        benign = chance(0.3) ? join(lang, [pick(b.everyday), pick(b.everyday)]) : pick(b.everyday);
      else if (kind === 'roleplay')
        benign = chance(0.3) ? join(lang, [pick(b.roleplay), pick(b.everyday)]) : pick(b.roleplay);
      else if (kind === 'teaching') benign = pick(b.teaching);
      else if (kind === 'quoted') {
        const source = other();
        const q = (attacks[pick(Object.keys(attacks))] as (b: Bank, lang: string) => string)(
          source,
          lang,
        ).replace(/\n/g, ' ');
        benign = pick(b.quoted).replace(
          '{Q}',
          chance(0.5) ? q : `${pick(source.address)} ${fill(pick(source.hijack), source)}`,
        );
      } else if (kind === 'document') benign = carrier(b, lang, undefined);
      else benign = `${pick(b.process)}\n\n${carrier(b, lang, undefined)}`;
      if (chance(0.15)) benign = `${filler(b, lang, 2 + Math.floor(rnd() * 4))}\n\n${benign}`;
      out.push({ text: vary(benign), label: 0, lang, family: kind });
      // Not for quoted texts: dropping the frame ("what does … mean") would make them attacks.
      if (kind !== 'quoted' && chance(0.3))
        out.push({ text: dropout(benign, lang), label: 0, lang, family: kind });
    }
  }
  // Their own generator, so that the texts above stay those of earlier rounds.
  return [
    ...out,
    ...compose(seeded(seed + 11), BANKS, COMPOSED_PAIRS),
    ...round12(seeded(seed + 12), BANKS, SLOTS, ROUND12_PAIRS),
  ];
}
