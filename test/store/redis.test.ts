import { createClient } from '@redis/client';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { registerStoreContract } from '../contracts/store-contract.js';
import { type RedisServer, startRedis } from '../support/services.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
const silent = { info: () => {}, warn: () => {}, error: () => {} };

registerStoreContract('redis', async (options) => {
  // Each test starts from an empty server.
  const admin = createClient({ url: redis.url });
  await admin.connect();
  await admin.flushAll();
  admin.destroy();
  return openStore({ ...options, url: redis.url, retentionDays: 90, logger: silent });
});
