// Structure features that tell an instruction a text *uses* from one it *quotes*: quotation marks
// around a span, a question about it, code blocks, carriers (JSON, e-mail headers, HTML comments,
// hidden styles). The learned layer weighs them next to the words (issue #19: "what does
// 'ignore all previous instructions' mean?" is a question, not an order). Every pattern is
// bounded, so each test is linear in the text.

const OPEN = '"“”„«»「」『』‘’‚‹›';
// A quoted span of 12 to 600 characters on one line, between any pair of quotation marks.
const QUOTED = new RegExp(`[${OPEN}][^${OPEN}\\n]{12,600}[${OPEN}]`);
const QUESTION = /[?？؟]/;
const QUOTED_QUESTION = new RegExp(`[${OPEN}][^${OPEN}\\n]{12,600}[${OPEN}][^\\n]{0,200}[?？؟]`);
// A question first, then what it asks about in quotation marks: "Is this e-mail phishing? '…'".
const QUESTION_QUOTED = new RegExp(`[?？؟][^\\n]{0,40}[${OPEN}][^${OPEN}\\n]{12,600}[${OPEN}]`);
const CODE = /```|~~~/;
// A closed code block followed by a question on its last line: "```\nShould it be labelled?".
const CODE_QUESTION = /(?:```|~~~)[ \t]*\n[^\n]{0,200}[?？؟][ \t]*$/;
const HTML_COMMENT = /<!--/;
const HIDDEN_STYLE =
  /display\s*:\s*none|font-size\s*:\s*0|visibility\s*:\s*hidden|color\s*:\s*(?:white|#fff)/i;
const HEADER_LINE = /^[^\n:]{2,24}:[ \t]/gm;
const WORDS = /\S+/g;

/** Names of the structure features of `raw` (the text as sent, before normalisation). */
export function structureTags(raw: string): string[] {
  const tags: string[] = [];
  const head = raw.slice(0, 4000);
  if (QUOTED.test(head)) tags.push('st:quoted');
  if (QUESTION.test(raw)) tags.push('st:question');
  if (QUOTED_QUESTION.test(head)) tags.push('st:quoted_question');
  if (QUESTION_QUOTED.test(head)) tags.push('st:question_quoted');
  if (CODE.test(raw)) tags.push('st:code');
  if (CODE_QUESTION.test(raw.slice(-400))) tags.push('st:code_question');
  if (HTML_COMMENT.test(raw)) tags.push('st:html_comment');
  if (HIDDEN_STYLE.test(raw)) tags.push('st:hidden_style');
  const start = raw.trimStart().charCodeAt(0);
  if (start === 0x7b || start === 0x5b) tags.push('st:json');
  const headers = head.slice(0, 400).match(HEADER_LINE)?.length ?? 0;
  if (headers >= 2) tags.push('st:headers');
  if (raw.includes('\n')) tags.push('st:multiline');
  // Rough length band: spaces for most scripts, characters for those written without them.
  const words = Math.max(head.match(WORDS)?.length ?? 0, Math.round(head.length / 6));
  tags.push(words < 10 ? 'len:tiny' : words < 40 ? 'len:short' : words < 150 ? 'len:medium' : 'len:long');
  return tags;
}
