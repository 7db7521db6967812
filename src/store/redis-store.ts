import { createClient } from '@redis/client';
import type { BackendOptions, StoreHandle } from './backend.js';
import { describeUrl, guarded } from './backend.js';
import { createIdGenerator } from './ids.js';
import { redisKeyvAdapter } from './keyv-adapters.js';
import { openKeyvState } from './keyv-state.js';
import { createRedisClaims } from './redis-claims.js';
import { createRedisDecisionLog } from './redis-decision-log.js';

const PREFIX = 'quadrant:';

const connect = (url: string) =>
  createClient({
    url,
    // Fail fast while disconnected instead of queueing: the user hears "not logged, retry" at once.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 2_000) },
  });

/** The store's client, as the decision log and the claims use it. */
export type RedisClient = ReturnType<typeof connect>;
/** How long openStore waits for a first connection before returning a store that is still retrying. */
const FIRST_CONNECT_WAIT_MS = 3_000;

/**
 * The Redis backend, on @redis/client (the driver @keyv/redis brings) rather than keyv: the log
 * needs an atomic idempotent append and ordered per-client lists (redis-decision-log.ts), and
 * claims an atomic set-if-absent (redis-claims.ts).
 */
export const openRedisStore = async (url: string, options: BackendOptions): Promise<StoreHandle> => {
  const { logger, admins } = options;
  const now = options.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  const where = describeUrl(url);
  const client = connect(url);
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
  const decisions = createRedisDecisionLog(client, {
    admins,
    redact: options.redact,
    logger,
    now,
    newId,
    prefix: PREFIX,
    key,
  });

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
    dedupeTtlMs: options.dedupeTtlMs,
    ...createRedisClaims(client, key),
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
