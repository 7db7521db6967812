import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { normalizeClientId } from '../domain/client-id.js';
import type { BackendOptions, StoreHandle } from './backend.js';
import { assertAdmin, assertKey, describeUrl, guarded } from './backend.js';
import { decisionFromRow, prepareDecision } from './decision-input.js';
import { createIdGenerator } from './ids.js';
import { redisKeyvAdapter } from './keyv-adapters.js';
import { openKeyvState } from './keyv-state.js';
import type { Decision, DecisionLog, PurgeRecord, Viewer } from './ports.js';
import { APPEND_SCRIPT, PURGE_SCRIPT, RELEASE_IF_OWNER } from './redis-lua.js';
import { canSee, markTransitions, withTransitionsFromHistory } from './visibility.js';

const PREFIX = 'quadrant:';
const PAGE = 500;
/** How long openStore waits for a first connection before returning a store that is still retrying. */
const FIRST_CONNECT_WAIT_MS = 3_000;

/**
 * The Redis backend, on @redis/client (the driver @keyv/redis brings) rather than keyv: the log
 * needs an atomic idempotent append and ordered per-client lists, done here with Lua.
 * Durability is Redis's: run it with `appendonly yes` and `appendfsync always` for a bank's log.
 */
export const openRedisStore = async (url: string, options: BackendOptions): Promise<StoreHandle> => {
  const { logger, admins } = options;
  const now = options.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  const where = describeUrl(url);
  const client = createClient({
    url,
    // Fail fast while disconnected instead of queueing: the user hears "not logged, retry" at once.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 2_000) },
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.error(`store: redis at ${where} is unavailable (${error.message}); retrying in the background`);
  });
  client.on('ready', () => {
    if (down) logger.info(`store: redis at ${where} is back`);
    down = false;
  });
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  const first = await Promise.race([
    connected,
    new Promise<false>((r) => setTimeout(() => r(false), FIRST_CONNECT_WAIT_MS).unref()),
  ]);
  if (!first) logger.error(`store: redis at ${where} is not reachable at start; operations fail until it is`);

  const key = (...parts: string[]) => PREFIX + parts.join(':');

  const readDecisions = async (ids: string[]): Promise<Decision[]> => {
    if (ids.length === 0) return [];
    const pipeline = client.multi();
    for (const id of ids) pipeline.hmGet(key('dec', id), ['body', 'supersedes']);
    const replies = (await pipeline.execAsPipeline()) as unknown as (string | null)[][];
    const out: Decision[] = [];
    for (const [body, supersedes] of replies) {
      // A purge between LRANGE and HMGET leaves a hole; the purged decision is simply gone.
      if (typeof body === 'string') out.push(decisionFromRow(body, supersedes || null));
    }
    return out;
  };

  const history = (clientName: string, viewer: Viewer) =>
    guarded(logger, 'history', async () => {
      const ids = await client.lRange(key('client', normalizeClientId(clientName)), 0, -1);
      const all = await readDecisions(ids);
      return markTransitions(all.filter((d) => canSee(d, viewer, admins)));
    });

  const decisions: DecisionLog = {
    append: (input) =>
      guarded(logger, 'append', async () => {
        const d = prepareDecision(input, { redact: options.redact, newId, now });
        const reply = (await client.eval(APPEND_SCRIPT, {
          keys: [key('idem', d.idempotencyKey), key('client', d.clientId), key('log'), key('dec', d.id)],
          arguments: [d.id, JSON.stringify(d), d.createdAt, d.clientId, d.idempotencyKey],
        })) as [number, string];
        const [stored] = await readDecisions([reply[1]]);
        if (stored === undefined) throw new Error('decision vanished after append');
        return stored;
      }),
    history,
    list: (filter, viewer) =>
      guarded(logger, 'list', async () => {
        const limit = filter.limit ?? Number.POSITIVE_INFINITY;
        const matches = (d: Decision) =>
          canSee(d, viewer, admins) &&
          (filter.type === undefined || d.type === filter.type) &&
          (filter.since === undefined || d.createdAt >= filter.since.toISOString()) &&
          (filter.userId === undefined || d.userId === filter.userId);
        const listKey = filter.clientId === undefined ? key('log') : key('client', normalizeClientId(filter.clientId));
        const found: Decision[] = [];
        // Newest first, page by page from the tail, until the limit is met.
        for (let end = -1; found.length < limit; end -= PAGE) {
          const ids = await client.lRange(listKey, end - PAGE + 1, end);
          const page = await readDecisions(ids);
          for (const d of page.reverse()) if (matches(d) && found.length < limit) found.push(d);
          if (ids.length < PAGE) break;
        }
        return withTransitionsFromHistory(found, (clientId) => history(clientId, viewer));
      }),
    all: async function* () {
      for (let start = 0; ; start += PAGE) {
        const page = await guarded(logger, 'export', async () =>
          readDecisions(await client.lRange(key('log'), start, start + PAGE - 1)),
        );
        yield* page;
        if (page.length < PAGE) return;
      }
    },
    purge: (before, by) =>
      guarded(logger, 'purge', async () => {
        assertAdmin(admins, by);
        const record = { id: newId(), by, before: before.toISOString(), removed: -1, at: now().toISOString() };
        const removed = Number(
          await client.eval(PURGE_SCRIPT, {
            keys: [key('log'), key('purges')],
            arguments: [PREFIX, before.toISOString(), JSON.stringify(record)],
          }),
        );
        logger.warn(`store: ${by} purged ${removed} decisions created before ${before.toISOString()}`);
        return removed;
      }),
    purges: () =>
      guarded(logger, 'purges', async () =>
        (await client.lRange(key('purges'), 0, -1)).map((r) => JSON.parse(r) as PurgeRecord),
      ),
    close: async () => undefined,
  };

  // Threads and settings go through keyv (@keyv/redis on this client, keys `quadrant-thread::…`);
  // dedupe claims stay native (SET NX PX is atomic, keyv has no set-if-absent), and so does the
  // index of threads by save time that purgeStale reads instead of SCANning every key.
  const keyvState = openKeyvState({
    logger,
    redact: options.redact,
    stateTtlMs: options.stateTtlMs,
    now,
    adapter: () => redisKeyvAdapter(client),
    useKeyPrefix: false,
    run: (operation, call) => guarded(logger, operation, call),
    afterSetThread: async (threadKey, savedAt) => {
      await client.zAdd(key('threads'), { score: savedAt, value: threadKey });
    },
    dedupeTtlMs: options.dedupeTtlMs,
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

  return {
    decisions,
    state: keyvState.state,
    describe: () => `redis ${where}`,
    close: async () => {
      // The adapters share the client: they are done before it is destroyed.
      await keyvState.disconnect();
      client.destroy();
      await connected;
    },
  };
};
