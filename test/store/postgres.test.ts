import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { registerFeedBackfill } from '../contracts/feed-contract.js';
import { registerStoreContract } from '../contracts/store-contract.js';
import { type PostgresServer, startPostgres } from '../support/services.js';

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const plain = { admins: [], redact: (t: string) => t, stateTtlMs: 60_000, dedupeTtlMs: 60_000 };

registerStoreContract('postgres', async (options) => {
  const store = await openStore({ ...options, url: server.url, retentionDays: 90, logger: silent });
  // Each test starts from empty tables (created by the open above).
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(
    'TRUNCATE quadrant_decisions, quadrant_clients, quadrant_purges, quadrant_dedupe, quadrant_state, quadrant_feed',
  );
  await client.end();
  return store;
});

const sql = async (query: string) => {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(query);
  await client.end();
};
registerFeedBackfill(
  'postgres',
  async (fresh) => {
    const store = await openStore({ url: server.url, ...plain, retentionDays: 90, logger: silent });
    if (fresh) await sql('TRUNCATE quadrant_decisions, quadrant_clients, quadrant_feed');
    return store;
  },
  () => sql('DROP TABLE quadrant_feed'),
);
