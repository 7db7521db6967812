import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
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

registerStoreContract('postgres', async (options) => {
  const store = await openStore({ ...options, url: server.url, retentionDays: 90, logger: silent });
  // Each test starts from empty tables (created by the open above).
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query('TRUNCATE quadrant_decisions, quadrant_clients, quadrant_purges, quadrant_dedupe, quadrant_state');
  await client.end();
  return store;
});
