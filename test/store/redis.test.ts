import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { registerFeedBackfill } from '../contracts/feed-contract.js';
import { registerStoreContract } from '../contracts/store-contract.js';
import { needs, type RedisServer, skipWithout, startRedis } from '../support/services.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const plain = { admins: [], redact: (t: string) => t, stateTtlMs: 60_000, dedupeTtlMs: 60_000 };

describe.skipIf(skipWithout('redis-server'))(`Redis store ${needs('redis-server')}`, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  registerStoreContract('redis', async (options) => {
    // Each test starts from an empty server.
    const admin = createClient({ url: redis.url });
    await admin.connect();
    await admin.flushAll();
    admin.destroy();
    return openStore({ ...options, url: redis.url, retentionDays: 90, logger: silent });
  });

  const onServer = async (
    work: (admin: { flushAll(): Promise<unknown>; del(keys: string[]): Promise<unknown> }) => Promise<unknown>,
  ) => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    await work(admin);
    admin.destroy();
  };
  registerFeedBackfill(
    'redis',
    async (fresh) => {
      if (fresh) await onServer((admin) => admin.flushAll());
      return openStore({ url: redis.url, ...plain, retentionDays: 90, logger: silent });
    },
    () => onServer((admin) => admin.del(['quadrant:feed', 'quadrant:feedpos'])),
  );
});
