import { describe, expect, it } from 'vitest';
import { parseOpenAICliArgs } from './cli-args.js';
import { defaultOpenAIModels } from './models.js';

describe('parseOpenAICliArgs', () => {
  it('defaults to a vLLM simulator on 127.0.0.1:8000 with no key', () => {
    expect(parseOpenAICliArgs([])).toEqual({
      kind: 'start',
      options: {
        flavour: 'vllm',
        host: '127.0.0.1',
        port: 8000,
        apiKey: undefined,
        tokenDelayMs: 0,
        embeddings: false,
      },
    });
  });

  it.each([
    ['llamacpp', 8080],
    ['lmstudio', 1234],
  ])('uses %s’s usual port', (flavour, port) => {
    expect(parseOpenAICliArgs(['--flavour', flavour])).toMatchObject({
      kind: 'start',
      options: { flavour, port },
    });
  });

  it('reads every flag, renaming and resizing the generation model', () => {
    const command = parseOpenAICliArgs([
      '--flavour=llamacpp',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--api-key',
      'k',
      '--model',
      'qwen.gguf',
      '--context-length',
      '2048',
      '--embeddings',
      '--token-delay-ms',
      '5',
    ]);
    expect(command).toEqual({
      kind: 'start',
      options: {
        flavour: 'llamacpp',
        host: '0.0.0.0',
        port: 0,
        apiKey: 'k',
        tokenDelayMs: 5,
        embeddings: true,
        models: [{ ...defaultOpenAIModels.llamacpp[0], id: 'qwen.gguf', contextLength: 2048 }],
      },
    });
  });

  it.each([
    [['--flavour', 'tgi'], '--flavour must be one of vllm, llamacpp, lmstudio, got "tgi"'],
    [['--port', 'x'], '--port must be a non-negative integer, got "x"'],
    [['--context-length=-3'], '--context-length must be a non-negative integer, got "-3"'],
  ])('rejects %j', (args, message) => {
    expect(parseOpenAICliArgs(args)).toEqual({ kind: 'error', message });
  });

  it('prints help and rejects unknown flags with the usage', () => {
    expect(parseOpenAICliArgs(['-h'])).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('kt-openai-sim'),
    });
    expect(parseOpenAICliArgs(['--verbose'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('Usage:'),
    });
  });
});
