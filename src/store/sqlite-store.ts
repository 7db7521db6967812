import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BackendOptions, StoreHandle } from './backend.js';
import { guarded } from './backend.js';
import { decisionFromRow, type PreparedDecision } from './decision-input.js';
import { sqliteKeyvAdapter } from './keyv-adapters.js';
import { KEYV_TABLE, keyvTableDdl } from './keyv-state.js';
import type { StoreLogger } from './ports.js';
import { DECISION_COLUMNS, type DecisionRow, type SqlDialect, type SqlParam, type SqlRunner } from './sql-dialect.js';
import { openSqlStore } from './sql-store.js';
import { openSqlite, type SqliteConnection } from './sqlite-connection.js';

/**
 * Decisions live in a real table, not in keyv: listing a client's history completely and in order
 * needs an index on (client_id, seq), and an idempotent append needs a unique key. `seq` is
 * assigned under SQLite's write lock, so it is the commit order even with several processes.
 * `feed` is the learning feed (see DecisionLog.feed): triggers place a decision in the same
 * statement that appends or shares it, so no crash can leave one out; AUTOINCREMENT never reuses
 * a position. The INSERT after them places the decisions of a log written before the feed existed.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  type TEXT NOT NULL,
  visibility TEXT NOT NULL,
  user_id TEXT NOT NULL,
  team_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  supersedes TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_by_client ON decisions (client_id, seq);
CREATE INDEX IF NOT EXISTS decisions_by_created ON decisions (created_at);
CREATE TABLE IF NOT EXISTS feed (pos INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT NULL UNIQUE);
CREATE TRIGGER IF NOT EXISTS feed_on_append AFTER INSERT ON decisions
BEGIN INSERT INTO feed (decision_id) VALUES (NEW.id); END;
CREATE TRIGGER IF NOT EXISTS feed_on_share AFTER UPDATE OF visibility ON decisions
WHEN OLD.visibility <> 'team' AND NEW.visibility = 'team'
BEGIN DELETE FROM feed WHERE decision_id = NEW.id; INSERT INTO feed (decision_id) VALUES (NEW.id); END;
INSERT INTO feed (decision_id)
  SELECT id FROM decisions WHERE NOT EXISTS (SELECT 1 FROM feed WHERE decision_id = decisions.id) ORDER BY seq;
CREATE TABLE IF NOT EXISTS purges (id TEXT PRIMARY KEY, by_user TEXT NOT NULL, before TEXT NOT NULL, removed INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dedupe (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
${keyvTableDdl(KEYV_TABLE)};
`;

/** `sqlite://./data/q.db` → `./data/q.db`; `sqlite:///var/q.db` → `/var/q.db`. */
export const sqlitePathFromUrl = (url: string): string => decodeURIComponent(url.replace(/^sqlite:\/\//, ''));

const runnerOf = (db: SqliteConnection): SqlRunner => ({
  rows: <R>(sql: string, params: readonly SqlParam[] = []) => db.all<R>(sql, [...params]),
  change: async (sql, params = []) => (await db.run(sql, [...params])).changes,
});

/** SQLite's side of the SQL store: `?` placeholders, one database-wide write lock. */
const sqliteDialect = (db: SqliteConnection, path: string, logger: StoreLogger): SqlDialect => ({
  ...runnerOf(db),
  tables: { decisions: 'decisions', purges: 'purges', dedupe: 'dedupe', keyv: KEYV_TABLE, feed: 'feed' },
  clientOrder: 'seq',
  jsonNumber: (column, path) => `json_extract(${column}, '$.${path.join('.')}')`,
  // `seq` is the log's order for every client: moving keeps the decision where it was in time.
  moveToClient: async (tx, id, clientId) => {
    await tx.change('UPDATE decisions SET client_id = ? WHERE id = ?', [clientId, id]);
  },
  transaction: async (work) => {
    // Its own connection, so no other call of this process can slip into the transaction.
    const tx = await openSqlite(path);
    try {
      await tx.exec('BEGIN IMMEDIATE');
      const result = await work(runnerOf(tx));
      await tx.exec('COMMIT');
      return result;
    } catch (error) {
      await tx.exec('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await tx.close();
    }
  },
  append: async (d: PreparedDecision) => {
    // One statement: the latest decision of the client is read under the same write lock that
    // inserts, so concurrent writers can neither fork the supersedes chain nor lose a row.
    await db.run(
      `INSERT INTO decisions (id, idempotency_key, client_id, type, visibility, user_id, team_id, created_at, supersedes, body)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM decisions WHERE client_id = ? ORDER BY seq DESC LIMIT 1), ?
       WHERE true
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [
        d.id,
        d.idempotencyKey,
        d.clientId,
        d.type,
        d.visibility,
        d.userId,
        d.teamId,
        d.createdAt,
        d.clientId,
        JSON.stringify(d),
      ],
    );
    const stored = await db.get<DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM decisions WHERE idempotency_key = ?`, [
      d.idempotencyKey,
    ]);
    if (stored === undefined) throw new Error('decision vanished after insert');
    return decisionFromRow(stored.body, stored.supersedes);
  },
  run: (operation, call) => guarded(logger, operation, call),
});

/** Opens the SQLite backend, creating the file and its folder on first start. */
export const openSqliteStore = async (url: string, options: BackendOptions): Promise<StoreHandle> => {
  const path = sqlitePathFromUrl(url);
  const { logger } = options;
  let db: SqliteConnection;
  try {
    await mkdir(dirname(path), { recursive: true });
    db = await openSqlite(path);
    await db.exec(SCHEMA);
  } catch (error) {
    return guarded(logger, `open sqlite store at ${path}`, () => Promise.reject(error));
  }
  const dialect = sqliteDialect(db, path, logger);
  // keyv (@keyv/sqlite) opens its own connections on this file.
  const store = openSqlStore(dialect, options, {
    adapter: () => sqliteKeyvAdapter(path),
    describe: `sqlite ${path}`,
    close: () => db.close(),
  });
  try {
    // Opens every adapter's connection now, so a file keyv cannot use fails openStore, not a later call.
    await Promise.all([
      store.state.getThread('probe'),
      store.state.getUserSettings('probe'),
      store.state.getWorkspaceSettings('probe'),
    ]);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
};
