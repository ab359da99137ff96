import { join } from 'node:path';
import { readAuditRecords } from '@keeptrusts/audit-logger';
import { afterEach, describe, expect, it } from 'vitest';
import { type Stack, seedTargets, startStack } from './harness.js';

const privacy = `policies:
  - id: local-privacy-policy
    rules:
      - type: pii_detection
        action: redact
        patterns: [email]
`;

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

describe('audit by default', () => {
  it('says at start that requests leave no record when no audit sink is configured, and how to add one', async () => {
    stack = await startStack(`${seedTargets}${privacy}`);
    expect(stack.stdout()).toContain(
      'no audit trail: add audit-logger to policies.chain (or "- audit-logger" to a list of policies), ' +
        'with its settings under policy.audit-logger, such as immutable: true\n',
    );
    const stopped = stack;
    stack = undefined;
    await stopped.stop();
    expect(stopped.stdout()).toContain('gateway stopped; every request answered\n');
  });

  it('runs the rules and the audit sink of one file holding a list of policies and the audit chain', async () => {
    stack = await startStack(
      `${seedTargets}${privacy}  - audit-logger\npolicy:\n  audit-logger:\n    immutable: true\n    fsync: always\n    path: ./audit\n`,
    );
    expect(stack.stdout()).not.toContain('no audit trail');
    stack.sim.replyWith('noted');
    await stack.client.chat.completions.create({
      model: 'llama3.3',
      messages: [{ role: 'user', content: 'mail jane.doe@example.com' }],
    });
    expect(JSON.stringify(stack.sim.requests.at(-1)?.body)).not.toContain('jane.doe@example.com');
    const stopped = stack;
    stack = undefined;
    await stopped.stop();
    expect(stopped.stdout()).toContain(
      'gateway stopped; every request answered and its audit record written',
    );
    const dir = stopped.dir;
    const records: Record<string, unknown>[] = [];
    for await (const r of readAuditRecords(join(dir, 'audit'))) records.push(r as Record<string, unknown>);
    expect(records).toMatchObject([
      {
        endpoint: '/v1/chat/completions',
        status: 200,
        decisions: [
          { policy: 'local-privacy-policy', rule: 'pii_detection', stage: 'request', action: 'modify' },
          { policy: 'local-privacy-policy', rule: 'pii_detection', stage: 'response', action: 'allow' },
        ],
      },
    ]);
  });
});
