// Go's encoding/json, as far as Ollama's request decoding and response encoding show it: a scanner that
// reads only the first JSON value and reports errors in Go's words, and an encoder that escapes <, > and &.

/** A parsed JSON value that remembers where it sits in the source text (for json.RawMessage fields). */
export type JsonNode =
  | {
      readonly kind: 'object';
      readonly entries: ReadonlyArray<readonly [string, JsonNode]>;
      readonly raw: string;
    }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[]; readonly raw: string }
  | { readonly kind: 'string'; readonly value: string; readonly raw: string }
  | { readonly kind: 'number'; readonly value: number; readonly raw: string }
  | { readonly kind: 'bool'; readonly value: boolean; readonly raw: string }
  | { readonly kind: 'null'; readonly raw: string };

/** The outcome of reading a request body the way gin's ShouldBindJSON does. */
export type GoParseResult =
  | { readonly ok: true; readonly node: JsonNode }
  | { readonly ok: false; readonly eof: boolean; readonly message: string };

const MAX_DEPTH = 10000;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class GoSyntaxError extends Error {
  readonly eof: boolean;
  constructor(message: string, eof = false) {
    super(message);
    this.eof = eof;
  }
}

/** Quotes a character the way Go's json scanner does in `invalid character '…'` messages. */
export function goQuoteChar(char: string): string {
  if (char === "'") return "'\\''";
  if (char === '"') return `'"'`;
  // Go's scanner reports the offending byte, so a multi-byte character shows as its first UTF-8 byte
  // read as Latin-1 (a BOM is 'ï').
  const code = char.codePointAt(0) ?? 0;
  const byte = code > 0x7f ? (new TextEncoder().encode(char)[0] ?? code) : code;
  const quoted = goQuote(String.fromCharCode(byte));
  return `'${quoted.slice(1, -1)}'`;
}

/** Quotes a string like Go's strconv.Quote (`%q`), close enough for error messages. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    switch (char) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\v':
        out += '\\v';
        break;
      case '\u0007':
        out += '\\a';
        break;
      default:
        if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
        else out += char;
    }
  }
  return `${out}"`;
}

class Scanner {
  readonly text: string;
  pos = 0;
  constructor(text: string) {
    this.text = text;
  }

  fail(context: string): never {
    const char = this.text[this.pos];
    if (char === undefined) throw new GoSyntaxError('unexpected EOF', true);
    throw new GoSyntaxError(`invalid character ${goQuoteChar(char)} ${context}`);
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos++;
      else break;
    }
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new GoSyntaxError('exceeded max depth');
    this.skipSpace();
    const start = this.pos;
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(depth, start);
      case '[':
        return this.array(depth, start);
      case '"': {
        const value = this.string();
        return { kind: 'string', value, raw: this.text.slice(start, this.pos) };
      }
      case 't':
        this.literal('true');
        return { kind: 'bool', value: true, raw: 'true' };
      case 'f':
        this.literal('false');
        return { kind: 'bool', value: false, raw: 'false' };
      case 'n':
        this.literal('null');
        return { kind: 'null', raw: 'null' };
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(start);
        return this.fail('looking for beginning of value');
    }
  }

  object(depth: number, start: number): JsonNode {
    this.pos++;
    const entries: Array<[string, JsonNode]> = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', entries, raw: this.text.slice(start, this.pos) };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('after object key');
      this.pos++;
      entries.push([key, this.value(depth + 1)]);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return { kind: 'object', entries, raw: this.text.slice(start, this.pos) };
      }
      this.fail('after object key:value pair');
    }
  }

  array(depth: number, start: number): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items, raw: this.text.slice(start, this.pos) };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return { kind: 'array', items, raw: this.text.slice(start, this.pos) };
      }
      this.fail('after array element');
    }
  }

  string(): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) return this.fail('');
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < ' ') this.fail('in string literal');
      if (c !== '\\') {
        out += c;
        this.pos++;
        continue;
      }
      this.pos++;
      const e = this.text[this.pos];
      const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        this.pos++;
      } else if (e === 'u') {
        this.pos++;
        let hex = '';
        for (let i = 0; i < 4; i++) {
          const h = this.text[this.pos];
          if (h === undefined || !/[0-9a-fA-F]/.test(h)) this.fail('in \\u hexadecimal character escape');
          hex += h;
          this.pos++;
        }
        out += String.fromCharCode(Number.parseInt(hex, 16));
      } else {
        this.fail('in string escape code');
      }
    }
  }

  literal(word: string): void {
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      if (this.text[this.pos] !== word[i])
        this.fail(`in literal ${word} (expecting ${goQuoteChar(word[i] ?? '')})`);
      this.pos++;
    }
  }

  number(start: number): JsonNode {
    const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
    if (this.text[this.pos] === '-') {
      this.pos++;
      if (!isDigit(this.text[this.pos])) this.fail('in numeric literal');
    }
    if (this.text[this.pos] === '0') this.pos++;
    else while (isDigit(this.text[this.pos])) this.pos++;
    if (this.text[this.pos] === '.') {
      this.pos++;
      if (!isDigit(this.text[this.pos])) this.fail('after decimal point in numeric literal');
      while (isDigit(this.text[this.pos])) this.pos++;
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++;
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++;
      if (!isDigit(this.text[this.pos])) this.fail('in exponent of numeric literal');
      while (isDigit(this.text[this.pos])) this.pos++;
    }
    const raw = this.text.slice(start, this.pos);
    return { kind: 'number', value: Number(raw), raw };
  }
}

/**
 * Reads the first JSON value of a body like Go's json.Decoder: whitespace-only input is EOF, a truncated
 * value is `unexpected EOF`, and bytes after the first value are ignored.
 */
export function parseGoJson(text: string): GoParseResult {
  const scanner = new Scanner(text);
  scanner.skipSpace();
  if (scanner.pos >= text.length) return { ok: false, eof: true, message: 'EOF' };
  try {
    return { ok: true, node: scanner.value(0) };
  } catch (error) {
    if (error instanceof GoSyntaxError) return { ok: false, eof: false, message: error.message };
    throw error;
  }
}

/** Converts a parsed node to a plain JavaScript value (objects keep the last duplicate key, as Go does). */
export function nodeToValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.entries) out[key] = nodeToValue(value);
      return out;
    }
    case 'array':
      return node.items.map(nodeToValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** Serialises a value like Go's json.Marshal: `<`, `>`, `&`, U+2028 and U+2029 are escaped inside strings. */
export function goJsonStringify(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  });
}
