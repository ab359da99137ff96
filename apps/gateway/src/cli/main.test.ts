import { describe, expect, it } from 'vitest';
import { runKt } from '../test-support/run-kt.js';

const commands = [
  'gateway run',
  'gateway reload',
  'config validate',
  'keys create',
  'audit verify',
  'audit tail',
  'audit query',
] as const;

// Each command's options, as its help must list them, with the defaults it shows.
const optionsInHelp: Record<(typeof commands)[number], string[]> = {
  'gateway run': [
    '--policy-config FILE',
    '--listen HOST:PORT',
    '(default: server.listen, else 127.0.0.1:41002)',
    '--allow-unauthenticated',
    '--pid-file FILE',
  ],
  'gateway reload': ['--listen HOST:PORT', '(default: 127.0.0.1:41002)', '--pid-file FILE'],
  'config validate': [],
  'keys create': ['--id ID', '(default: key-<time in base 36>)'],
  'audit verify': ['--path DIR', '(default: audit)', '--hmac-key-env NAME'],
  'audit tail': ['--path DIR', '-n, --lines N', '(default: 10)', '-f, --follow'],
  'audit query': ['--from TIME', '--to TIME', '--key-id ID', '--target ID', '--decision D'],
};

describe('kt help', () => {
  it('lists every command for kt --help, and exits 0', async () => {
    const { code, stdout } = await runKt(['--help'], { cwd: '/' });
    expect(code).toBe(0);
    for (const words of commands) expect(stdout).toContain(`  ${words} `);
  });

  it.each(commands)('prints the options of kt %s --help, and exits 0', async (words) => {
    const { code, stdout, stderr } = await runKt([...words.split(' '), '--help'], { cwd: '/' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: kt ${words} `));
    for (const text of [...optionsInHelp[words], '-h, --help']) expect(stdout).toContain(text);
  });

  it('answers -h as --help, even after other arguments', async () => {
    const { code, stdout } = await runKt(['gateway', 'run', '--listen', 'nonsense', '-h'], { cwd: '/' });
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: kt gateway run');
  });

  it.each([
    ['gateway', ['gateway run', 'gateway reload']],
    ['config', ['config validate']],
    ['keys', ['keys create']],
    ['audit', ['audit verify', 'audit tail', 'audit query']],
  ])('lists the commands of the group for kt %s --help', async (group, members) => {
    const { code, stdout } = await runKt([group, '--help'], { cwd: '/' });
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: kt ${group} <command>`));
    for (const words of members) expect(stdout).toContain(words);
  });

  it('serves kt help COMMAND as COMMAND --help', async () => {
    const direct = await runKt(['audit', 'tail', '--help'], { cwd: '/' });
    expect(await runKt(['help', 'audit', 'tail'], { cwd: '/' })).toEqual(direct);
  });
});

describe('kt usage errors', () => {
  it.each([
    [[], 'Usage: kt <command>'],
    [['gatway', 'run'], 'kt: unknown command "gatway"'],
    [['gateway'], 'kt gateway needs a command'],
    [['audit', 'check'], 'kt: unknown command "audit check"'],
    [['gateway', 'run'], 'kt: gateway run needs --policy-config FILE'],
    [['gateway', 'run', '--port', '1'], "kt: Unknown option '--port'"],
    [['gateway', 'run', '--policy-config', 'a.yaml', '--listen', 'localhost'], 'expected HOST:PORT'],
    [['config', 'validate'], 'kt: config validate needs at least 1 FILE'],
    [['keys', 'create', 'extra'], "kt: Unexpected argument 'extra'"],
    [['audit', 'tail', '-n', 'ten'], 'kt: --lines "ten": expected a whole number'],
    [
      ['audit', 'query', '--decision', 'deny'],
      'kt: --decision "deny": expected allow, modify, block or error',
    ],
  ])('exits 2 for kt %j, with the message and the usage', async (args, message) => {
    const { code, stdout, stderr } = await runKt(args, { cwd: '/' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: kt ');
  });

  it("prints the failing command's own usage", async () => {
    const { stderr } = await runKt(['audit', 'query', '--from', 'yesterday'], { cwd: '/' });
    expect(stderr).toContain('Usage: kt audit query');
    expect(stderr).toContain('--decision D');
  });
});
