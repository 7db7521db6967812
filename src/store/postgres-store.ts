import pg from 'pg';
import type { BackendOptions, StoreHandle } from './backend.js';
import { describeUrl, guarded } from './backend.js';
import { decisionFromRow, type PreparedDecision } from './decision-input.js';
import { postgresKeyvAdapter } from './keyv-adapters.js';
import { KEYV_TABLE, keyvTableDdl } from './keyv-state.js';
import type { Decision, StoreLogger } from './ports.js';
import {
  DECISION_COLUMNS,
  type DecisionRow,
  numberPlaceholders,
  type SqlDialect,
  type SqlParam,
  type SqlRunner,
} from './sql-dialect.js';
import { openSqlStore } from './sql-store.js';

/** Serializes schema creation across processes: concurrent CREATE IF NOT EXISTS can still collide. */
const SCHEMA_LOCK = 7_261_954;
/** Serializes the learning feed's writers (see SCHEMA). */
const FEED_LOCK = 7_261_955;

/**
 * keyv's table is created here too, under the schema lock: @keyv/postgres creates it only once, at
 * construction, so with a server down at start it would never exist; here every call retries it.
 * `client_seq` orders a client's history: it is taken under a row lock on quadrant_clients, so it
 * is the commit order per client (a BIGSERIAL alone is not: sequences are handed out before commit).
 * `quadrant_feed` is the learning feed (see DecisionLog.feed), filled by a trigger in the
 * transaction that appends or shares a decision. The trigger takes a transaction-wide advisory
 * lock before it draws a position, so positions are drawn one writer at a time up to commit: the
 * commit order. The INSERT at the end places the decisions of a log written before the feed existed.
 * CREATE OR REPLACE TRIGGER needs PostgreSQL 14 or later.
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
CREATE TABLE IF NOT EXISTS quadrant_feed (pos BIGSERIAL PRIMARY KEY, decision_id TEXT NOT NULL UNIQUE);
CREATE OR REPLACE FUNCTION quadrant_feed_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NOT (OLD.visibility <> 'team' AND NEW.visibility = 'team') THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock(${FEED_LOCK});
  DELETE FROM quadrant_feed WHERE decision_id = NEW.id;
  INSERT INTO quadrant_feed (decision_id) VALUES (NEW.id);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER quadrant_feed_on_write AFTER INSERT OR UPDATE OF visibility ON quadrant_decisions
  FOR EACH ROW EXECUTE FUNCTION quadrant_feed_place();
SELECT pg_advisory_xact_lock(${FEED_LOCK});
INSERT INTO quadrant_feed (decision_id)
  SELECT id FROM quadrant_decisions d WHERE NOT EXISTS (SELECT 1 FROM quadrant_feed f WHERE f.decision_id = d.id) ORDER BY seq;
CREATE TABLE IF NOT EXISTS quadrant_purges (id TEXT PRIMARY KEY, by_user TEXT NOT NULL, before TEXT NOT NULL, removed INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quadrant_dedupe (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
${keyvTableDdl(`public.${KEYV_TABLE}`)};
`;

type Queryable = pg.Pool | pg.PoolClient;

const runnerOf = (db: Queryable): SqlRunner => ({
  rows: async <R>(sql: string, params: readonly SqlParam[] = []) =>
    (await db.query<R & pg.QueryResultRow>(numberPlaceholders(sql), [...params])).rows,
  change: async (sql, params = []) => (await db.query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
});

/** Runs `work` between BEGIN and COMMIT on one pooled client, rolling back on error. */
const inTransaction = async <T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await work(c);
    await c.query('COMMIT');
    return result;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    c.release();
  }
};

const readByKey = async (db: SqlRunner, idempotencyKey: string): Promise<Decision | undefined> => {
  const [row] = await db.rows<DecisionRow>(
    `SELECT ${DECISION_COLUMNS} FROM quadrant_decisions WHERE idempotency_key = ?`,
    [idempotencyKey],
  );
  return row === undefined ? undefined : decisionFromRow(row.body, row.supersedes);
};

/** Appends under a row lock on the client (see SCHEMA); a repeated idempotency key returns the first write. */
const appendLocked = async (tx: SqlRunner, d: PreparedDecision): Promise<Decision> => {
  await tx.change(
    'INSERT INTO quadrant_clients (client_id, last_seq, last_id) VALUES (?, 0, NULL) ON CONFLICT DO NOTHING',
    [d.clientId],
  );
  const [locked] = await tx.rows<{ last_seq: number; last_id: string | null }>(
    'SELECT last_seq, last_id FROM quadrant_clients WHERE client_id = ? FOR UPDATE',
    [d.clientId],
  );
  const existing = await readByKey(tx, d.idempotencyKey);
  if (existing !== undefined) return existing;
  const last = locked ?? { last_seq: 0, last_id: null };
  await tx.change(
    `INSERT INTO quadrant_decisions (id, idempotency_key, client_id, client_seq, type, visibility, user_id, team_id, created_at, supersedes, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
  await tx.change('UPDATE quadrant_clients SET last_seq = ?, last_id = ? WHERE client_id = ?', [
    last.last_seq + 1,
    d.id,
    d.clientId,
  ]);
  return { ...d, supersedes: last.last_id };
};

/** PostgreSQL's side of the SQL store: numbered placeholders, a row lock per client, jsonb. */
const postgresDialect = (pool: pg.Pool, run: SqlDialect['run']): SqlDialect => ({
  ...runnerOf(pool),
  tables: {
    decisions: 'quadrant_decisions',
    purges: 'quadrant_purges',
    dedupe: 'quadrant_dedupe',
    keyv: `public.${KEYV_TABLE}`,
    feed: 'quadrant_feed',
  },
  clientOrder: 'client_seq',
  // The next number of the other client's order, under that client's row lock, as an append takes it.
  moveToClient: async (tx, id, clientId) => {
    await tx.change(
      'INSERT INTO quadrant_clients (client_id, last_seq, last_id) VALUES (?, 0, NULL) ON CONFLICT DO NOTHING',
      [clientId],
    );
    const [locked] = await tx.rows<{ last_seq: number }>(
      'UPDATE quadrant_clients SET last_seq = last_seq + 1, last_id = ? WHERE client_id = ? RETURNING last_seq',
      [id, clientId],
    );
    await tx.change('UPDATE quadrant_decisions SET client_id = ?, client_seq = ? WHERE id = ?', [
      clientId,
      locked?.last_seq ?? 1,
      id,
    ]);
  },
  jsonNumber: (column, path) => {
    const steps = path.map((p, i) => `${i === path.length - 1 ? '->>' : '->'} '${p}'`).join(' ');
    return `(${column}::jsonb ${steps})::bigint`;
  },
  transaction: (work) => inTransaction(pool, (c) => work(runnerOf(c))),
  append: async (d) => {
    try {
      return await inTransaction(pool, (c) => appendLocked(runnerOf(c), d));
    } catch (error) {
      // The same key used for another client name raced us: the first write wins.
      if ((error as { code?: string }).code === '23505') {
        const winner = await readByKey(runnerOf(pool), d.idempotencyKey);
        if (winner !== undefined) return winner;
      }
      throw error;
    }
  },
  run,
});

/** Creates the schema once per process under an advisory lock; a failure is retried by the next call. */
const schemaCreator = (pool: pg.Pool): (() => Promise<void>) => {
  let schema: Promise<void> | undefined;
  return () => {
    schema ??= inTransaction(pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query(SCHEMA);
    }).catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
};

/**
 * The PostgreSQL backend on `pg` (the driver @keyv/postgres brings). A server that is down at
 * start only delays schema creation: every call retries it until it succeeds.
 */
export const openPostgresStore = async (url: string, options: BackendOptions): Promise<StoreHandle> => {
  const { logger } = options;
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 3_000 });
  // An idle client losing its server emits here; without a listener the process would crash.
  pool.on('error', (error) => logger.error(`store: postgres at ${where}: ${error.message}`));

  const ensureSchema = schemaCreator(pool);
  const run = <T>(operation: string, call: () => Promise<T>) =>
    guarded(logger, operation, async () => {
      await ensureSchema();
      return call();
    });
  await ensureSchema().catch((error: Error) => logUnreachable(logger, where, error));
  const dialect = postgresDialect(pool, run);
  // keyv (@keyv/postgres) runs over this pool.
  return openSqlStore(dialect, options, {
    adapter: () => postgresKeyvAdapter(pool),
    describe: `postgres ${where}`,
    close: () => pool.end(),
  });
};

const logUnreachable = (logger: StoreLogger, where: string, error: Error) =>
  logger.error(`store: postgres at ${where} is not reachable at start (${error.message}); operations fail until it is`);
