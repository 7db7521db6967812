import pg from 'pg';
import { normalizeClientId } from '../domain/client-id.js';
import type { BackendOptions, StoreHandle } from './backend.js';
import { assertAdmin, assertKey, describeUrl, guarded } from './backend.js';
import { decisionFromRow, prepareDecision } from './decision-input.js';
import { createIdGenerator } from './ids.js';
import { postgresKeyvAdapter } from './keyv-adapters.js';
import { KEYV_TABLE, keyvTableDdl, openKeyvState, THREAD_ROW_PREFIX } from './keyv-state.js';
import type { Decision, DecisionLog, PurgeRecord, Viewer } from './ports.js';
import { canSee, markTransitions, withTransitionsFromHistory } from './visibility.js';

/**
 * keyv's table is created here too, under the schema lock: @keyv/postgres creates it only once, at
 * construction, so with a server down at start it would never exist; here every call retries it.
 * `client_seq` orders a client's history: it is taken under a row lock on quadrant_clients, so it
 * is the commit order per client (a BIGSERIAL alone is not: sequences are handed out before commit).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS quadrant_decisions (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  client_seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  visibility TEXT NOT NULL,
  user_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  supersedes TEXT,
  body TEXT NOT NULL,
  UNIQUE (client_id, client_seq)
);
CREATE INDEX IF NOT EXISTS quadrant_decisions_by_created ON quadrant_decisions (created_at);
CREATE TABLE IF NOT EXISTS quadrant_clients (client_id TEXT PRIMARY KEY, last_seq INTEGER NOT NULL, last_id TEXT);
CREATE TABLE IF NOT EXISTS quadrant_purges (id TEXT PRIMARY KEY, by_user TEXT NOT NULL, before TEXT NOT NULL, removed INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quadrant_dedupe (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
${keyvTableDdl(`public.${KEYV_TABLE}`)};
`;

/** Serializes schema creation across processes: concurrent CREATE IF NOT EXISTS can still collide. */
const SCHEMA_LOCK = 7_261_954;
const PAGE = 500;

type Row = { body: string; supersedes: string | null; seq: string };

/**
 * The PostgreSQL backend on `pg` (the driver @keyv/postgres brings). A server that is down at
 * start only delays schema creation: every call retries it until it succeeds.
 */
export const openPostgresStore = async (url: string, options: BackendOptions): Promise<StoreHandle> => {
  const { logger, admins } = options;
  const now = options.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 3_000 });
  // An idle client losing its server emits here; without a listener the process would crash.
  pool.on('error', (error) => logger.error(`store: postgres at ${where}: ${error.message}`));

  let schema: Promise<void> | undefined;
  const ensureSchema = (): Promise<void> => {
    schema ??= (async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(SCHEMA);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        c.release();
      }
    })().catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
  const run = <T>(operation: string, call: () => Promise<T>) =>
    guarded(logger, operation, async () => {
      await ensureSchema();
      return call();
    });
  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<R>(sql, params)).rows;

  await ensureSchema().catch((error: Error) =>
    logger.error(
      `store: postgres at ${where} is not reachable at start (${error.message}); operations fail until it is`,
    ),
  );

  const history = (clientName: string, viewer: Viewer) =>
    run('history', async () => {
      const rows = await query<Row>(
        'SELECT body, supersedes, seq FROM quadrant_decisions WHERE client_id = $1 ORDER BY client_seq',
        [normalizeClientId(clientName)],
      );
      const all = rows.map((r) => decisionFromRow(r.body, r.supersedes));
      return markTransitions(all.filter((d) => canSee(d, viewer, admins)));
    });

  const readByKey = async (c: pg.PoolClient, idempotencyKey: string): Promise<Decision | undefined> => {
    const { rows } = await c.query<Row>(
      'SELECT body, supersedes, seq FROM quadrant_decisions WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    const row = rows[0];
    return row === undefined ? undefined : decisionFromRow(row.body, row.supersedes);
  };

  const decisions: DecisionLog = {
    append: (input) =>
      run('append', async () => {
        const d = prepareDecision(input, { redact: options.redact, newId, now });
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await c.query(
            'INSERT INTO quadrant_clients (client_id, last_seq, last_id) VALUES ($1, 0, NULL) ON CONFLICT DO NOTHING',
            [d.clientId],
          );
          const lock = await c.query<{ last_seq: number; last_id: string | null }>(
            'SELECT last_seq, last_id FROM quadrant_clients WHERE client_id = $1 FOR UPDATE',
            [d.clientId],
          );
          const existing = await readByKey(c, d.idempotencyKey);
          if (existing !== undefined) {
            await c.query('COMMIT');
            return existing;
          }
          const last = lock.rows[0] ?? { last_seq: 0, last_id: null };
          await c.query(
            `INSERT INTO quadrant_decisions (id, idempotency_key, client_id, client_seq, type, visibility, user_id, team_id, created_at, supersedes, body)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              d.id,
              d.idempotencyKey,
              d.clientId,
              last.last_seq + 1,
              d.type,
              d.visibility,
              d.userId,
              d.teamId,
              d.createdAt,
              last.last_id,
              JSON.stringify(d),
            ],
          );
          await c.query('UPDATE quadrant_clients SET last_seq = $2, last_id = $3 WHERE client_id = $1', [
            d.clientId,
            last.last_seq + 1,
            d.id,
          ]);
          await c.query('COMMIT');
          return { ...d, supersedes: last.last_id };
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          // The same key used for another client name raced us: the first write wins.
          if ((error as { code?: string }).code === '23505') {
            const winner = await readByKey(c, d.idempotencyKey);
            if (winner !== undefined) return winner;
          }
          throw error;
        } finally {
          c.release();
        }
      }),
    history,
    list: (filter, viewer) =>
      run('list', async () => {
        const where: string[] = [];
        const params: unknown[] = [];
        const add = (sql: string, value: unknown) => {
          params.push(value);
          where.push(sql.replace('?', `$${params.length}`));
        };
        if (filter.clientId !== undefined) add('client_id = ?', normalizeClientId(filter.clientId));
        if (filter.type !== undefined) add('type = ?', filter.type);
        if (filter.since !== undefined) add('created_at >= ?', filter.since.toISOString());
        if (filter.userId !== undefined) add('user_id = ?', filter.userId);
        if (!(viewer.isAdmin || admins.includes(viewer.userId))) {
          params.push(viewer.teamId, viewer.userId);
          where.push(
            `((visibility = 'team' AND team_id = $${params.length - 1}) OR (visibility = 'private' AND user_id = $${params.length}))`,
          );
        }
        params.push(filter.limit ?? null);
        const rows = await query<Row>(
          `SELECT body, supersedes, seq FROM quadrant_decisions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY seq DESC LIMIT $${params.length}`,
          params,
        );
        return withTransitionsFromHistory(
          rows.map((r) => decisionFromRow(r.body, r.supersedes)),
          (clientId) => history(clientId, viewer),
        );
      }),
    all: async function* () {
      let after = '0';
      for (;;) {
        const rows = await run('export', () =>
          query<Row>('SELECT body, supersedes, seq FROM quadrant_decisions WHERE seq > $1 ORDER BY seq LIMIT $2', [
            after,
            PAGE,
          ]),
        );
        for (const row of rows) yield decisionFromRow(row.body, row.supersedes);
        const last = rows.at(-1);
        if (last === undefined || rows.length < PAGE) return;
        after = last.seq;
      }
    },
    purge: (before, by) =>
      run('purge', async () => {
        assertAdmin(admins, by);
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const deleted = await c.query('DELETE FROM quadrant_decisions WHERE created_at < $1', [before.toISOString()]);
          const removed = deleted.rowCount ?? 0;
          await c.query('INSERT INTO quadrant_purges (id, by_user, before, removed, at) VALUES ($1, $2, $3, $4, $5)', [
            newId(),
            by,
            before.toISOString(),
            removed,
            now().toISOString(),
          ]);
          await c.query('COMMIT');
          logger.warn(`store: ${by} purged ${removed} decisions created before ${before.toISOString()}`);
          return removed;
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          c.release();
        }
      }),
    purges: () =>
      run('purges', () =>
        query<PurgeRecord>('SELECT id, by_user AS "by", before, removed, at FROM quadrant_purges ORDER BY id'),
      ),
    close: async () => undefined,
  };

  // Threads and settings go through keyv (@keyv/postgres over this pool); dedupe claims and
  // retention stay native: keyv has no atomic set-if-absent and no complete listing.
  const keyvState = openKeyvState({
    logger,
    redact: options.redact,
    stateTtlMs: options.stateTtlMs,
    now,
    adapter: () => postgresKeyvAdapter(pool),
    useKeyPrefix: true,
    run,
    dedupeTtlMs: options.dedupeTtlMs,
    claim: async (dedupeKey, ttlMs) => {
      assertKey(dedupeKey, 'dedupe');
      const at = now().getTime();
      const expiresAt = at + ttlMs;
      // The expiry time names the claim: a later takeover always sets a later one.
      const rows = await query(
        `INSERT INTO quadrant_dedupe (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE quadrant_dedupe.expires_at <= $3
         RETURNING key`,
        [dedupeKey, expiresAt, at],
      );
      return rows.length === 1 ? String(expiresAt) : null;
    },
    release: async (dedupeKey, token) => {
      const expiresAt = Number(token);
      // A token this store never issued names no claim.
      if (!Number.isSafeInteger(expiresAt)) return;
      await query('DELETE FROM quadrant_dedupe WHERE key = $1 AND expires_at = $2', [dedupeKey, expiresAt]);
    },
    purgeStale: async (olderThan) => {
      // One native DELETE on keyv's rows: saved before the cutoff (store clock) or past keyv's
      // own expiry (wall clock, as keyv writes it). Atomic per row, so a thread saved meanwhile stays.
      const deleted = await pool.query(
        `DELETE FROM public.${KEYV_TABLE} WHERE left(key, $1) = $2
           AND (((value::jsonb -> 'value' ->> 'savedAt')::bigint < $3) OR ((value::jsonb ->> 'expires')::bigint <= $4))`,
        [THREAD_ROW_PREFIX.length, THREAD_ROW_PREFIX, olderThan.getTime(), Date.now()],
      );
      await pool.query('DELETE FROM quadrant_dedupe WHERE expires_at <= $1', [now().getTime()]);
      return deleted.rowCount ?? 0;
    },
  });

  return {
    decisions,
    state: keyvState.state,
    describe: () => `postgres ${where}`,
    close: async () => {
      await keyvState.disconnect();
      await pool.end();
    },
  };
};
