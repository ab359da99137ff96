import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest, CompletionRequest, EmbeddingRequest } from '../wire/openai.js';
import { requestTexts } from './segments.js';

describe('requestTexts', () => {
  it('lists every text of a chat request and rewrites them in a copy', () => {
    const body: ChatCompletionRequest = {
      model: 'm',
      messages: [
        { role: 'system', content: 'sys' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'part' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
        },
        { role: 'tool', tool_call_id: 'c', content: 'result' },
      ],
    };
    const texts = requestTexts('chat', body);
    expect(texts.segments.map((s) => [s.id, s.role, s.source, s.text])).toEqual([
      [0, 'system', 'message', 'sys'],
      [1, 'user', 'message', 'part'],
      [2, 'assistant', 'tool_arguments', '{"a":1}'],
      [3, 'tool', 'message', 'result'],
    ]);
    const rewritten = texts.apply(
      new Map([
        [1, 'PART'],
        [2, '{"a":2}'],
      ]),
    );
    expect(rewritten.messages[1]).toMatchObject({
      content: [{ type: 'text', text: 'PART' }, { type: 'image_url' }],
    });
    expect(rewritten.messages[2]).toMatchObject({ tool_calls: [{ function: { arguments: '{"a":2}' } }] });
    expect(body.messages[1]).toMatchObject({ content: [{ text: 'part' }, { type: 'image_url' }] });
  });

  it('covers completion prompts and suffixes, and embedding inputs', () => {
    const completion: CompletionRequest = { model: 'm', prompt: ['p'], suffix: 's' };
    expect(
      requestTexts('completion', completion).apply(
        new Map([
          [0, 'P'],
          [1, 'S'],
        ]),
      ),
    ).toMatchObject({ prompt: ['P'], suffix: 'S' });
    const embedding: EmbeddingRequest = { model: 'm', input: ['a', 'b'] };
    expect(requestTexts('embedding', embedding).apply(new Map([[1, 'B']]))).toMatchObject({
      input: ['a', 'B'],
    });
  });
});
