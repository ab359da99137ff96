import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1:11434 with no delay and no token', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'start',
      options: { host: '127.0.0.1', port: 11434, tokenDelayMs: 0, requireToken: undefined },
    });
  });

  it('reads every flag', () => {
    const args = ['--host', '0.0.0.0', '--port', '0', '--token-delay-ms', '20', '--require-token', 't'];
    expect(parseCliArgs(args)).toEqual({
      kind: 'start',
      options: { host: '0.0.0.0', port: 0, tokenDelayMs: 20, requireToken: 't' },
    });
  });

  it('prints help', () => {
    expect(parseCliArgs(['--help'])).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('kt-ollama-sim'),
    });
  });

  it.each([
    [['--port', 'abc'], '--port must be a non-negative integer, got "abc"'],
    [['--token-delay-ms=-1'], '--token-delay-ms must be a non-negative integer, got "-1"'],
  ])('rejects %j', (args, message) => {
    expect(parseCliArgs(args)).toEqual({ kind: 'error', message });
  });

  it('rejects unknown flags with the usage', () => {
    expect(parseCliArgs(['--verbose'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('Usage:'),
    });
  });
});
