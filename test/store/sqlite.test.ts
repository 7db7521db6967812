import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { openSqlite } from '../../src/store/sqlite-connection.js';
import { registerFeedBackfill } from '../contracts/feed-contract.js';
import { registerStoreContract } from '../contracts/store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'quadrant-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const plain = { admins: [], redact: (t: string) => t, stateTtlMs: 60_000, dedupeTtlMs: 60_000 };
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

const olderLog = join(dir, 'older', 'q.db');
registerFeedBackfill(
  'sqlite',
  () => openStore({ url: `sqlite://${olderLog}`, ...plain, retentionDays: 90, logger: silent }),
  async () => {
    const db = await openSqlite(olderLog);
    await db.exec('DROP TRIGGER feed_on_append; DROP TRIGGER feed_on_share; DROP TABLE feed;');
    await db.close();
  },
);
