import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { registerStoreContract } from '../contracts/store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'quadrant-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = { info: () => {}, warn: () => {}, error: () => {} };
let n = 0;

registerStoreContract('sqlite', (options) => {
  n += 1;
  return openStore({
    ...options,
    url: `sqlite://${join(dir, `nested-${n}`, 'q.db')}`,
    retentionDays: 90,
    logger: silent,
  });
});
