import { describe, expect, it } from 'vitest';
import {
  chatCompletionBody,
  embeddingListBody,
  encodeEmbeddingBase64,
  modelListBody,
  newCompletionId,
  newResponseMeta,
  randomAlphanumeric,
  textCompletionBody,
} from './openai-responses.js';

const meta = { id: 'chatcmpl-abc', created: 1_700_000_000, model: 'llama3.3' };
const usage = { prompt_tokens: 26, completion_tokens: 298, total_tokens: 324 };

describe('chatCompletionBody', () => {
  it('builds a chat.completion with one choice', () => {
    expect(
      chatCompletionBody(
        { content: 'Hello!', toolCalls: [], finishReason: 'stop', usage },
        {
          ...meta,
          systemFingerprint: 'fp_ollama',
        },
      ),
    ).toEqual({
      id: 'chatcmpl-abc',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'llama3.3',
      system_fingerprint: 'fp_ollama',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello!', refusal: null },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage,
    });
  });

  it('sends content null next to tool calls when there is no text, and reasoning when present', () => {
    const body = chatCompletionBody(
      {
        content: '',
        reasoning: 'The user wants the weather.',
        toolCalls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
          },
        ],
        finishReason: 'tool_calls',
        usage,
      },
      meta,
    );
    expect(body.choices[0].message).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
      reasoning: 'The user wants the weather.',
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' } },
      ],
    });
    expect(body.choices[0].finish_reason).toBe('tool_calls');
  });
});

describe('textCompletionBody', () => {
  it('builds a text_completion with one choice', () => {
    expect(
      textCompletionBody({ text: 'Once upon', finishReason: 'length', usage }, { ...meta, id: 'cmpl-1' }),
    ).toEqual({
      id: 'cmpl-1',
      object: 'text_completion',
      created: 1_700_000_000,
      model: 'llama3.3',
      choices: [{ index: 0, text: 'Once upon', finish_reason: 'length', logprobs: null }],
      usage,
    });
  });
});

describe('embeddings', () => {
  it('encodes little-endian float32 bytes as base64', () => {
    expect(encodeEmbeddingBase64([0.1, -0.2, 0.3])).toBe('zczMPc3MTL6amZk+');
    expect(encodeEmbeddingBase64([])).toBe('');
  });

  it('builds the list body in input order, as floats or base64', () => {
    const result = { embeddings: [[0.1, -0.2, 0.3], [1]], promptTokens: 8 };
    expect(embeddingListBody(result, { model: 'nomic-embed-text' })).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.1, -0.2, 0.3] },
        { object: 'embedding', index: 1, embedding: [1] },
      ],
      model: 'nomic-embed-text',
      usage: { prompt_tokens: 8, total_tokens: 8 },
    });
    expect(embeddingListBody(result, { model: 'm', encodingFormat: 'base64' }).data[0]?.embedding).toBe(
      'zczMPc3MTL6amZk+',
    );
  });
});

describe('ids', () => {
  it('makes OpenAI-shaped ids', () => {
    expect(newCompletionId('chat')).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(newCompletionId('completion')).toMatch(/^cmpl-[A-Za-z0-9]{29}$/);
    expect(newCompletionId('chat')).not.toBe(newCompletionId('chat'));
    expect(randomAlphanumeric(8)).toMatch(/^[A-Za-z0-9]{8}$/);
  });

  it('stamps a fresh id and the current unix time', () => {
    const m = newResponseMeta('chat', 'llama3.3');
    expect(m.model).toBe('llama3.3');
    expect(Number.isInteger(m.created)).toBe(true);
    expect(m.id.startsWith('chatcmpl-')).toBe(true);
  });
});

describe('modelListBody', () => {
  it('lists models in OpenAI form', () => {
    expect(modelListBody([{ id: 'llama3.3:latest', created: 1, ownedBy: 'library' }])).toEqual({
      object: 'list',
      data: [{ id: 'llama3.3:latest', object: 'model', created: 1, owned_by: 'library' }],
    });
  });
});
