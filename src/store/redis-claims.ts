import { randomUUID } from 'node:crypto';
import { assertKey } from './backend.js';
import type { KeyvStateOptions } from './keyv-state.js';
import { RELEASE_IF_OWNER } from './redis-lua.js';
import type { RedisClient } from './redis-store.js';

/**
 * Dedupe claims, thread leases and retention on Redis: SET NX PX is atomic (keyv has no
 * set-if-absent), and an index of threads by save time lets purgeStale avoid SCANning every key.
 */
export const createRedisClaims = (
  client: RedisClient,
  key: (...parts: string[]) => string,
): Pick<KeyvStateOptions, 'claim' | 'release' | 'purgeStale' | 'afterSetThread'> => ({
  afterSetThread: async (threadKey, savedAt) => {
    await client.zAdd(key('threads'), { score: savedAt, value: threadKey });
  },
  claim: async (dedupeKey, ttlMs) => {
    assertKey(dedupeKey, 'dedupe');
    const token = randomUUID();
    const reply = await client.set(key('dedupe', dedupeKey), token, { NX: true, PX: ttlMs });
    return reply === 'OK' ? token : null;
  },
  release: async (dedupeKey, token) => {
    // Compare and delete in one step: the claim may have expired and been taken over meanwhile.
    await client.eval(RELEASE_IF_OWNER, { keys: [key('dedupe', dedupeKey)], arguments: [token] });
  },
  purgeStale: async (olderThan, threads) => {
    const stale = await client.zRangeByScore(key('threads'), '-inf', `(${olderThan.getTime()}`);
    let removed = 0;
    // Threads that had already expired by TTL count as nothing removed.
    for (const threadKey of stale) if (await threads.delete(threadKey)) removed += 1;
    if (stale.length > 0) await client.zRem(key('threads'), stale);
    return removed;
  },
});
