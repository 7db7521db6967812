import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { normalizeClientId } from '../domain/client-id.js';
import type { BackendOptions, StoreHandle } from './backend.js';
import { assertAdmin, assertKey, guarded } from './backend.js';
import { decisionFromRow, prepareDecision } from './decision-input.js';
import { createIdGenerator } from './ids.js';
import { sqliteKeyvAdapter } from './keyv-adapters.js';
import { KEYV_TABLE, keyvTableDdl, openKeyvState, THREAD_ROW_PREFIX } from './keyv-state.js';
import type { Decision, DecisionFilter, DecisionLog, PurgeRecord, Viewer } from './ports.js';
import { openSqlite, type SqliteConnection } from './sqlite-connection.js';
import { canSee, markTransitions, withTransitionsFromHistory } from './visibility.js';

/**
 * Decisions live in a real table, not in keyv: listing a client's history completely and in order
 * needs an index on (client_id, seq), and an idempotent append needs a unique key. `seq` is
 * assigned under SQLite's write lock, so it is the commit order even with several processes.
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
CREATE TABLE IF NOT EXISTS purges (id TEXT PRIMARY KEY, by_user TEXT NOT NULL, before TEXT NOT NULL, removed INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dedupe (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
${keyvTableDdl(KEYV_TABLE)};
`;

type Row = { body: string; supersedes: string | null; seq: number };

const PAGE = 500;

/** `sqlite://./data/q.db` → `./data/q.db`; `sqlite:///var/q.db` → `/var/q.db`. */
export const sqlitePathFromUrl = (url: string): string => decodeURIComponent(url.replace(/^sqlite:\/\//, ''));

const visibilityClause = (viewer: Viewer, admins: readonly string[]): { sql: string; params: string[] } =>
  viewer.isAdmin || admins.includes(viewer.userId)
    ? { sql: '', params: [] }
    : {
        sql: " AND ((visibility = 'team' AND team_id = ?) OR (visibility = 'private' AND user_id = ?))",
        params: [viewer.teamId, viewer.userId],
      };

/** Opens the SQLite backend, creating the file and its folder on first start. */
export const openSqliteStore = async (url: string, options: BackendOptions): Promise<StoreHandle> => {
  const path = sqlitePathFromUrl(url);
  const { logger, admins } = options;
  const now = options.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  let db: SqliteConnection;
  try {
    await mkdir(dirname(path), { recursive: true });
    db = await openSqlite(path);
    await db.exec(SCHEMA);
  } catch (error) {
    return guarded(logger, `open sqlite store at ${path}`, () => Promise.reject(error));
  }

  const readHistory = async (clientId: string): Promise<Decision[]> => {
    const rows = await db.all<Row>('SELECT body, supersedes, seq FROM decisions WHERE client_id = ? ORDER BY seq', [
      clientId,
    ]);
    return rows.map((r) => decisionFromRow(r.body, r.supersedes));
  };

  const history = (clientName: string, viewer: Viewer) =>
    guarded(logger, 'history', async () => {
      const all = await readHistory(normalizeClientId(clientName));
      return markTransitions(all.filter((d) => canSee(d, viewer, admins)));
    });

  const decisions: DecisionLog = {
    append: (input) =>
      guarded(logger, 'append', async () => {
        const prepared = prepareDecision(input, { redact: options.redact, newId, now });
        // One statement: the latest decision of the client is read under the same write lock that
        // inserts, so concurrent writers can neither fork the supersedes chain nor lose a row.
        await db.run(
          `INSERT INTO decisions (id, idempotency_key, client_id, type, visibility, user_id, team_id, created_at, supersedes, body)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM decisions WHERE client_id = ? ORDER BY seq DESC LIMIT 1), ?
           WHERE true
           ON CONFLICT (idempotency_key) DO NOTHING`,
          [
            prepared.id,
            prepared.idempotencyKey,
            prepared.clientId,
            prepared.type,
            prepared.visibility,
            prepared.userId,
            prepared.teamId,
            prepared.createdAt,
            prepared.clientId,
            JSON.stringify(prepared),
          ],
        );
        const stored = await db.get<Row>('SELECT body, supersedes, seq FROM decisions WHERE idempotency_key = ?', [
          prepared.idempotencyKey,
        ]);
        if (stored === undefined) throw new Error('decision vanished after insert');
        return decisionFromRow(stored.body, stored.supersedes);
      }),
    history,
    list: (filter: DecisionFilter, viewer: Viewer) =>
      guarded(logger, 'list', async () => {
        const where: string[] = [];
        const params: (string | number)[] = [];
        if (filter.clientId !== undefined) {
          where.push('client_id = ?');
          params.push(normalizeClientId(filter.clientId));
        }
        if (filter.type !== undefined) {
          where.push('type = ?');
          params.push(filter.type);
        }
        if (filter.since !== undefined) {
          where.push('created_at >= ?');
          params.push(filter.since.toISOString());
        }
        if (filter.userId !== undefined) {
          where.push('user_id = ?');
          params.push(filter.userId);
        }
        const visible = visibilityClause(viewer, admins);
        const rows = await db.all<Row>(
          `SELECT body, supersedes, seq FROM decisions WHERE ${where.length > 0 ? where.join(' AND ') : '1'}${visible.sql}
           ORDER BY seq DESC LIMIT ?`,
          [...params, ...visible.params, filter.limit ?? 1_000_000],
        );
        return withTransitionsFromHistory(
          rows.map((r) => decisionFromRow(r.body, r.supersedes)),
          (clientId) => history(clientId, viewer),
        );
      }),
    all: async function* () {
      // Keyset paging on seq: OFFSET paging (keyv's iterator) can skip rows while others write.
      let after = 0;
      for (;;) {
        const rows = await guarded(logger, 'export', () =>
          db.all<Row>('SELECT body, supersedes, seq FROM decisions WHERE seq > ? ORDER BY seq LIMIT ?', [after, PAGE]),
        );
        for (const row of rows) yield decisionFromRow(row.body, row.supersedes);
        const last = rows.at(-1);
        if (last === undefined || rows.length < PAGE) return;
        after = last.seq;
      }
    },
    purge: (before, by) =>
      guarded(logger, 'purge', async () => {
        assertAdmin(admins, by);
        // Its own connection, so no other call of this process can slip into the transaction.
        const tx = await openSqlite(path);
        try {
          await tx.exec('BEGIN IMMEDIATE');
          const { changes } = await tx.run('DELETE FROM decisions WHERE created_at < ?', [before.toISOString()]);
          await tx.run('INSERT INTO purges (id, by_user, before, removed, at) VALUES (?, ?, ?, ?, ?)', [
            newId(),
            by,
            before.toISOString(),
            changes,
            now().toISOString(),
          ]);
          await tx.exec('COMMIT');
          logger.warn(`store: ${by} purged ${changes} decisions created before ${before.toISOString()}`);
          return changes;
        } catch (error) {
          await tx.exec('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          await tx.close();
        }
      }),
    purges: () =>
      guarded(logger, 'purges', async () =>
        db.all<PurgeRecord>('SELECT id, by_user AS "by", before, removed, at FROM purges ORDER BY id'),
      ),
    close: async () => undefined,
  };

  // Threads and settings go through keyv (@keyv/sqlite, its own connections on this file); dedupe
  // claims and retention stay native: keyv has no atomic set-if-absent and no complete listing.
  const keyvState = openKeyvState({
    logger,
    redact: options.redact,
    stateTtlMs: options.stateTtlMs,
    now,
    adapter: () => sqliteKeyvAdapter(path),
    useKeyPrefix: true,
    run: (operation, call) => guarded(logger, operation, call),
    dedupeTtlMs: options.dedupeTtlMs,
    claim: async (key, ttlMs) => {
      assertKey(key, 'dedupe');
      const at = now().getTime();
      const expiresAt = at + ttlMs;
      // Inserts, or takes over an expired claim; a live claim is left alone (changes = 0). The
      // expiry time names the claim: a later takeover always sets a later one.
      const { changes } = await db.run(
        `INSERT INTO dedupe (key, expires_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE dedupe.expires_at <= ?`,
        [key, expiresAt, at],
      );
      return changes === 1 ? String(expiresAt) : null;
    },
    release: async (key, token) => {
      const expiresAt = Number(token);
      // A token this store never issued names no claim.
      if (!Number.isSafeInteger(expiresAt)) return;
      await db.run('DELETE FROM dedupe WHERE key = ? AND expires_at = ?', [key, expiresAt]);
    },
    purgeStale: async (olderThan) => {
      // One native DELETE on keyv's rows: saved before the cutoff (store clock) or past keyv's
      // own expiry (wall clock, as keyv writes it). Atomic per row, so a thread saved meanwhile stays.
      const { changes } = await db.run(
        `DELETE FROM ${KEYV_TABLE} WHERE substr(key, 1, ?) = ?
           AND (json_extract(value, '$.value.savedAt') < ? OR json_extract(value, '$.expires') <= ?)`,
        [THREAD_ROW_PREFIX.length, THREAD_ROW_PREFIX, olderThan.getTime(), Date.now()],
      );
      await db.run('DELETE FROM dedupe WHERE expires_at <= ?', [now().getTime()]);
      return changes;
    },
  });
  try {
    // Opens every adapter's connection now, so a file keyv cannot use fails openStore, not a later call.
    await Promise.all([
      keyvState.state.getThread('probe'),
      keyvState.state.getUserSettings('probe'),
      keyvState.state.getWorkspaceSettings('probe'),
    ]);
  } catch (error) {
    await keyvState.disconnect();
    await db.close();
    throw error;
  }

  return {
    decisions,
    state: keyvState.state,
    describe: () => `sqlite ${path}`,
    close: async () => {
      await keyvState.disconnect();
      await db.close();
    },
  };
};
