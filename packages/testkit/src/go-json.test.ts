import { describe, expect, it } from 'vitest';
import { goJsonStringify, goQuote, goQuoteChar, nodeToValue, parseGoJson } from './go-json.js';

const syntaxErrors = [
  {
    name: 'an unquoted key',
    body: '{bad}',
    message: "invalid character 'b' looking for beginning of object key string",
  },
  {
    name: 'a trailing comma',
    body: '{"a":1,}',
    message: "invalid character '}' looking for beginning of object key string",
  },
  { name: 'a truncated body', body: '{"model":"llama3.3"', message: 'unexpected EOF' },
  { name: 'a truncated string', body: '{"model":"lla', message: 'unexpected EOF' },
  { name: 'a missing colon', body: '{"a" 1}', message: "invalid character '1' after object key" },
  {
    name: 'a missing comma',
    body: '{"a":1 "b":2}',
    message: `invalid character '"' after object key:value pair`,
  },
  { name: 'a bad array', body: '[1 2]', message: "invalid character '2' after array element" },
  { name: 'a bare word', body: 'hello', message: "invalid character 'h' looking for beginning of value" },
  {
    name: 'a misspelt literal',
    body: '{"a":tru}',
    message: "invalid character '}' in literal true (expecting 'e')",
  },
  {
    name: 'a raw newline in a string',
    body: '{"a":"x\ny"}',
    message: "invalid character '\\n' in string literal",
  },
  { name: 'a bad escape', body: '{"a":"\\q"}', message: "invalid character 'q' in string escape code" },
  { name: 'a bare minus', body: '{"a":-}', message: "invalid character '}' in numeric literal" },
  {
    name: 'a byte-order mark',
    body: '\ufeff{}',
    message: "invalid character 'ï' looking for beginning of value",
  },
  {
    name: 'a single quote',
    body: "{'a':1}",
    message: "invalid character '\\'' looking for beginning of object key string",
  },
];

describe('parseGoJson', () => {
  it.each(syntaxErrors)('reports $name in Go words', ({ body, message }) => {
    expect(parseGoJson(body)).toEqual({ ok: false, eof: false, message });
  });

  it.each(['', '   ', '\n\t '])('treats %j as EOF (missing body)', (body) => {
    expect(parseGoJson(body)).toEqual({ ok: false, eof: true, message: 'EOF' });
  });

  it('reads only the first value and ignores trailing bytes', () => {
    const result = parseGoJson('{"a":[1,2.5,"x\\u0041",true,null]} trailing garbage {');
    expect(result.ok && nodeToValue(result.node)).toEqual({ a: [1, 2.5, 'xA', true, null] });
  });

  it('keeps the raw text of nested values', () => {
    const result = parseGoJson('{"format": { "type" : "object" } }');
    if (!result.ok || result.node.kind !== 'object') throw new Error('expected an object');
    expect(result.node.entries[0]?.[1].raw).toBe('{ "type" : "object" }');
  });
});

describe('goJsonStringify', () => {
  it('escapes <, > and & like Go json.Marshal', () => {
    expect(goJsonStringify({ text: '<b>&</b>' })).toBe('{"text":"\\u003cb\\u003e\\u0026\\u003c/b\\u003e"}');
  });

  it('escapes U+2028 and U+2029', () => {
    expect(goJsonStringify('a\u2028b\u2029')).toBe('"a\\u2028b\\u2029"');
  });
});

describe('goQuote', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('say "hi"\n\u0001')).toBe('"say \\"hi\\"\\n\\x01"');
    expect(goQuoteChar('"')).toBe(`'"'`);
  });
});
