import { normalizeClientId } from '../domain/client-id.js';
import { assertAdmin, guarded } from './backend.js';
import { amendedBody, decisionFromRow, prepareDecision } from './decision-input.js';
import type {
  Decision,
  DecisionAmendment,
  DecisionFilter,
  DecisionLog,
  NewDecision,
  PurgeRecord,
  Redact,
  StoreLogger,
  Viewer,
} from './ports.js';
import { AMEND_SCRIPT, APPEND_SCRIPT, FEED_SCRIPT, PURGE_SCRIPT } from './redis-lua.js';
import type { RedisClient } from './redis-store.js';
import { canSee, markTransitions, withTransitionsFromHistory } from './visibility.js';

const PAGE = 500;

export type RedisDecisionLogOptions = {
  admins: readonly string[];
  redact: Redact;
  logger: StoreLogger;
  now: () => Date;
  newId: () => string;
  /** The store's key prefix, and the key of its parts (`quadrant:dec:ID`, `quadrant:client:ID`, …). */
  prefix: string;
  key: (...parts: string[]) => string;
};

/** Decisions by id, in the given order, in one pipeline. */
const readAll = async (
  client: RedisClient,
  key: RedisDecisionLogOptions['key'],
  ids: string[],
): Promise<Decision[]> => {
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

/** The filter's conditions other than the client, which picks the list that is read. */
const matchesFilter = (d: Decision, filter: DecisionFilter): boolean =>
  (filter.type === undefined || d.type === filter.type) &&
  (filter.since === undefined || d.createdAt >= filter.since.toISOString()) &&
  (filter.userId === undefined || d.userId === filter.userId);

/** Newest first, page by page from the list's tail, until `limit` decisions match. */
const readNewestFirst = async (
  client: RedisClient,
  listKey: string,
  readDecisions: (ids: string[]) => Promise<Decision[]>,
  matches: (d: Decision) => boolean,
  limit: number,
): Promise<Decision[]> => {
  const found: Decision[] = [];
  for (let end = -1; found.length < limit; end -= PAGE) {
    const ids = await client.lRange(listKey, end - PAGE + 1, end);
    const page = await readDecisions(ids);
    for (const d of page.reverse()) if (matches(d) && found.length < limit) found.push(d);
    if (ids.length < PAGE) break;
  }
  return found;
};

/** Keys of the learning feed, and of the log it is backfilled from (see redis-lua.ts). */
const feedKeys = (key: RedisDecisionLogOptions['key']): [string, string, string] => [
  key('log'),
  key('feed'),
  key('feedpos'),
];

/** The atomic idempotent append (APPEND_SCRIPT), then the stored decision as read back. */
const appendOnce = async (client: RedisClient, options: RedisDecisionLogOptions, input: NewDecision) => {
  const { key } = options;
  const d = prepareDecision(input, { redact: options.redact, newId: options.newId, now: options.now });
  const [, feed, feedpos] = feedKeys(key);
  const reply = (await client.eval(APPEND_SCRIPT, {
    keys: [key('idem', d.idempotencyKey), key('client', d.clientId), key('log'), key('dec', d.id), feed, feedpos],
    arguments: [d.id, JSON.stringify(d), d.createdAt, d.clientId, d.idempotencyKey],
  })) as [number, string];
  const [stored] = await readAll(client, key, [reply[1]]);
  if (stored === undefined) throw new Error('decision vanished after append');
  return stored;
};

/** One of the two allowed amendments (AMEND_SCRIPT); undefined when the decision does not exist. */
const amendOne = async (
  client: RedisClient,
  options: RedisDecisionLogOptions,
  id: string,
  patch: DecisionAmendment,
): Promise<Decision | undefined> => {
  const { key } = options;
  const [stored] = await readAll(client, key, [id]);
  if (stored === undefined) return undefined;
  const amended = amendedBody(stored, patch);
  const { transition: _none, supersedes: _kept, ...body } = amended;
  const done = await client.eval(AMEND_SCRIPT, {
    keys: [key('dec', id), key('client', stored.clientId), key('client', amended.clientId), ...feedKeys(key)],
    arguments: [id, JSON.stringify(body), amended.clientId, amended.visibility],
  });
  return done === 1 ? amended : undefined;
};

/** The learning feed after `cursor` (FEED_SCRIPT): ids with their positions, then the decisions. */
const readFeed = async (client: RedisClient, options: RedisDecisionLogOptions, cursor: number, limit: number) => {
  const reply = (await client.eval(FEED_SCRIPT, {
    keys: feedKeys(options.key),
    arguments: [String(cursor), String(limit)],
  })) as string[];
  const ids = reply.filter((_, i) => i % 2 === 0);
  const last = reply.at(-1);
  // A purge between the two reads leaves a hole; the purged decision is simply gone.
  return { decisions: await readAll(client, options.key, ids), cursor: last === undefined ? cursor : Number(last) };
};

/**
 * The decision log on Redis: an atomic idempotent append and ordered per-client lists, in Lua.
 * Durability is Redis's: run it with `appendonly yes` and `appendfsync always` for a bank's log.
 */
export const createRedisDecisionLog = (client: RedisClient, options: RedisDecisionLogOptions): DecisionLog => {
  const { logger, admins, now, newId, key } = options;

  const readDecisions = (ids: string[]) => readAll(client, key, ids);

  const history = (clientName: string, viewer: Viewer) =>
    guarded(logger, 'history', async () => {
      const ids = await client.lRange(key('client', normalizeClientId(clientName)), 0, -1);
      const all = await readDecisions(ids);
      return markTransitions(all.filter((d) => canSee(d, viewer, admins)));
    });

  return {
    append: (input) => guarded(logger, 'append', () => appendOnce(client, options, input)),
    history,
    amend: (id, patch) => guarded(logger, 'amend', () => amendOne(client, options, id, patch)),
    list: (filter, viewer) =>
      guarded(logger, 'list', async () => {
        const limit = filter.limit ?? Number.POSITIVE_INFINITY;
        const matches = (d: Decision) => canSee(d, viewer, admins) && matchesFilter(d, filter);
        const listKey = filter.clientId === undefined ? key('log') : key('client', normalizeClientId(filter.clientId));
        const found = await readNewestFirst(client, listKey, readDecisions, matches, limit);
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
    feed: (cursor, limit) => guarded(logger, 'feed', () => readFeed(client, options, cursor, limit)),
    purge: (before, by) =>
      guarded(logger, 'purge', async () => {
        assertAdmin(admins, by);
        const record = { id: newId(), by, before: before.toISOString(), removed: -1, at: now().toISOString() };
        const removed = Number(
          await client.eval(PURGE_SCRIPT, {
            keys: [key('log'), key('purges'), key('feed')],
            arguments: [options.prefix, before.toISOString(), JSON.stringify(record)],
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
};
