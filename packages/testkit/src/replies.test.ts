import { describe, expect, it } from 'vitest';
import { parseGoJson } from './go-json.js';
import { chatReplyText, exampleFromSchema, parseFormat, pickToolCall } from './replies.js';
import type { WireTool } from './request-types.js';

function node(text: string) {
  const parsed = parseGoJson(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.node;
}

const weather: WireTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: node(
      '{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city"]}',
    ),
  },
};

describe('chatReplyText', () => {
  it('quotes the last user message', () => {
    const messages = [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'second' },
    ];
    expect(chatReplyText(messages)).toBe('You said: "second"');
  });

  it('mentions a tool result when the last message is one', () => {
    const messages = [
      { role: 'user', content: 'weather?' },
      { role: 'tool', content: '11 degrees', tool_name: 'get_weather' },
    ];
    expect(chatReplyText(messages)).toBe('The get_weather tool returned: 11 degrees');
  });
});

describe('parseFormat', () => {
  it.each([
    ['"json"', { kind: 'json' }],
    ['""', { kind: 'text' }],
    ['null', { kind: 'text' }],
    ['{"type":"object"}', { kind: 'schema', schema: { type: 'object' } }],
  ])('reads %s', (raw, expected) => {
    expect(parseFormat(node(raw))).toEqual(expected);
  });

  it('rejects anything else with the raw value quoted', () => {
    expect(parseFormat(node('"xml"'))).toBe(
      'invalid format: "\\"xml\\""; expected "json" or a valid JSON Schema object',
    );
  });
});

describe('exampleFromSchema', () => {
  it('fills required properties with plausible values', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer', minimum: 18 },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        nickname: { type: 'string' },
      },
      required: ['name', 'age', 'tags'],
    };
    expect(exampleFromSchema(schema)).toEqual({ name: 'example', age: 18, tags: ['a'] });
  });
});

describe('pickToolCall', () => {
  it('calls a tool the last user message names, with key=value arguments', () => {
    const messages = [{ role: 'user', content: 'Use get_weather city=Tokyo days=3, please' }];
    expect(pickToolCall(messages, [weather])).toEqual({
      name: 'get_weather',
      arguments: { city: 'Tokyo', days: 3 },
    });
  });

  it('fills required arguments from the schema when the message gives none', () => {
    const messages = [{ role: 'user', content: 'GET_WEATHER now' }];
    expect(pickToolCall(messages, [weather])).toEqual({
      name: 'get_weather',
      arguments: { city: 'example' },
    });
  });

  it('does not call a tool that is not named, nor after a tool result', () => {
    expect(pickToolCall([{ role: 'user', content: 'what is the weather' }], [weather])).toBeUndefined();
    expect(pickToolCall([{ role: 'tool', content: 'get_weather said 11' }], [weather])).toBeUndefined();
  });
});
