import { type AuditRecord, defineAuditSink } from '@keeptrusts/core';
import { z } from 'zod';
import { testAuditSink } from './test-audit-sink.js';

// A sink that keeps records in memory per directory, copied at append, written at flush or close.
const stores = new Map<string, AuditRecord[]>();
const memorySink = defineAuditSink({
  type: 'memory',
  configSchema: z.strictObject({ name: z.string().min(1) }),
  create(config, context) {
    const key = `${context.baseDir}/${config.name}`;
    const store = stores.get(key) ?? [];
    stores.set(key, store);
    let pending: AuditRecord[] = [];
    const write = async () => {
      store.push(...pending);
      pending = [];
    };
    return {
      append: (record) => {
        pending.push(structuredClone(record));
      },
      flush: write,
      close: write,
      healthy: () => true,
    };
  },
});

testAuditSink(memorySink, {
  config: ({ id }) => ({ name: id }),
  readBack: async ({ dir, config }) => stores.get(`${dir}/${config.name}`) ?? [],
});

testAuditSink(memorySink, { label: 'without read-back', config: () => ({ name: 'x' }) });
