/**
 * A separate OS process that appends decisions to a store, for the multi-process and kill -9 tests.
 * Usage: node --import tsx test/store/writer-process.ts URL COUNT CLIENT KEY_PREFIX
 * Prints `WROTE <id> <idempotencyKey>` only after each append resolved, i.e. was durably written.
 */
import { openStore } from '../../src/store/open-store.js';
import { newDecision } from '../contracts/decision-builder.js';
import { testStoreOptions } from '../support/test-store.js';

const [url, countText, clientName, keyPrefix] = process.argv.slice(2);
if (url === undefined || countText === undefined || clientName === undefined || keyPrefix === undefined) {
  console.error('usage: writer-process.ts URL COUNT CLIENT KEY_PREFIX');
  process.exit(2);
}
const store = await openStore(
  testStoreOptions(url, { logger: { info: () => {}, warn: () => {}, error: (m) => console.error(m) } }),
);
const types = ['strategic', 'transactional', 'partnership', 'problem_solving'] as const;
for (let i = 0; i < Number(countText); i++) {
  const key = `${keyPrefix}:${i}`;
  const stored = await store.decisions.append(
    newDecision({ idempotencyKey: key, clientName, type: types[i % 4] ?? 'strategic' }),
  );
  process.stdout.write(`WROTE ${stored.id} ${key}\n`);
}
await store.close();
