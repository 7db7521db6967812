import { normalizeClientId } from '../domain/client-id.js';
import { assertAdmin } from './backend.js';
import { amendedBody, decisionFromRow, prepareDecision } from './decision-input.js';
import type { Decision, DecisionFilter, DecisionLog, PurgeRecord, Redact, StoreLogger, Viewer } from './ports.js';
import { DECISION_COLUMNS, type DecisionRow, type SqlDialect, type SqlParam } from './sql-dialect.js';
import { canSee, markTransitions, withTransitionsFromHistory } from './visibility.js';

const PAGE = 500;

export type SqlDecisionLogOptions = {
  admins: readonly string[];
  redact: Redact;
  logger: StoreLogger;
  now: () => Date;
  newId: () => string;
};

const fromRow = (row: DecisionRow): Decision => decisionFromRow(row.body, row.supersedes);

/** The filter and the viewer's visibility as one WHERE clause with its parameters. */
const whereOf = (filter: DecisionFilter, viewer: Viewer, admins: readonly string[]) => {
  const where: string[] = [];
  const params: SqlParam[] = [];
  const add = (sql: string, ...values: SqlParam[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.clientId !== undefined) add('client_id = ?', normalizeClientId(filter.clientId));
  if (filter.type !== undefined) add('type = ?', filter.type);
  if (filter.since !== undefined) add('created_at >= ?', filter.since.toISOString());
  if (filter.userId !== undefined) add('user_id = ?', filter.userId);
  if (!(viewer.isAdmin || admins.includes(viewer.userId))) {
    add(
      "((visibility = 'team' AND team_id = ?) OR (visibility = 'private' AND user_id = ?))",
      viewer.teamId,
      viewer.userId,
    );
  }
  return { sql: where.length > 0 ? where.join(' AND ') : 'TRUE', params };
};

/** Deletes the decisions created before `before` and records the purge, in one transaction. */
const purgeBefore = async (db: SqlDialect, options: SqlDecisionLogOptions, before: Date, by: string) => {
  assertAdmin(options.admins, by);
  const cutoff = before.toISOString();
  const removed = await db.transaction(async (tx) => {
    const count = await tx.change(`DELETE FROM ${db.tables.decisions} WHERE created_at < ?`, [cutoff]);
    await tx.change(
      `DELETE FROM ${db.tables.feed} WHERE NOT EXISTS (SELECT 1 FROM ${db.tables.decisions} d WHERE d.id = decision_id)`,
    );
    await tx.change(`INSERT INTO ${db.tables.purges} (id, by_user, before, removed, at) VALUES (?, ?, ?, ?, ?)`, [
      options.newId(),
      by,
      cutoff,
      count,
      options.now().toISOString(),
    ]);
    return count;
  });
  options.logger.warn(`store: ${by} purged ${removed} decisions created before ${cutoff}`);
  return removed;
};

/**
 * The decision log of both SQL backends: history in commit order per client, filtered listing,
 * keyset-paged export, and the audited purge. Appends and locking are the dialect's.
 */
export const createSqlDecisionLog = (db: SqlDialect, options: SqlDecisionLogOptions): DecisionLog => {
  const { admins, now, newId } = options;
  const { decisions: table, purges, feed } = db.tables;

  const history = (clientName: string, viewer: Viewer) =>
    db.run('history', async () => {
      const rows = await db.rows<DecisionRow>(
        `SELECT ${DECISION_COLUMNS} FROM ${table} WHERE client_id = ? ORDER BY ${db.clientOrder}`,
        [normalizeClientId(clientName)],
      );
      return markTransitions(rows.map(fromRow).filter((d) => canSee(d, viewer, admins)));
    });

  return {
    append: (input) =>
      db.run('append', () => db.append(prepareDecision(input, { redact: options.redact, newId, now }))),
    history,
    amend: (id, patch) =>
      db.run('amend', () =>
        db.transaction(async (tx) => {
          const [row] = await tx.rows<DecisionRow & { client_id: string }>(
            `SELECT ${DECISION_COLUMNS}, client_id FROM ${table} WHERE id = ?`,
            [id],
          );
          if (row === undefined) return undefined;
          const amended = amendedBody(fromRow(row), patch);
          const { transition: _none, supersedes: _kept, ...body } = amended;
          if (amended.clientId !== row.client_id) await db.moveToClient(tx, id, amended.clientId);
          await tx.change(`UPDATE ${table} SET visibility = ?, body = ? WHERE id = ?`, [
            amended.visibility,
            JSON.stringify(body),
            id,
          ]);
          return amended;
        }),
      ),
    list: (filter, viewer) =>
      db.run('list', async () => {
        const where = whereOf(filter, viewer, admins);
        const limit = filter.limit === undefined ? '' : ' LIMIT ?';
        const rows = await db.rows<DecisionRow>(
          `SELECT ${DECISION_COLUMNS} FROM ${table} WHERE ${where.sql} ORDER BY seq DESC${limit}`,
          filter.limit === undefined ? where.params : [...where.params, filter.limit],
        );
        return withTransitionsFromHistory(rows.map(fromRow), (clientId) => history(clientId, viewer));
      }),
    all: async function* () {
      // Keyset paging on seq: OFFSET paging can skip rows while others write.
      let after: SqlParam = 0;
      for (;;) {
        const rows = await db.run('export', () =>
          db.rows<DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM ${table} WHERE seq > ? ORDER BY seq LIMIT ?`, [
            after,
            PAGE,
          ]),
        );
        for (const row of rows) yield fromRow(row);
        const last = rows.at(-1);
        if (last === undefined || rows.length < PAGE) return;
        after = last.seq;
      }
    },
    feed: (cursor, limit) =>
      db.run('feed', async () => {
        const rows = await db.rows<DecisionRow & { pos: number | string }>(
          `SELECT f.pos AS pos, d.body AS body, d.supersedes AS supersedes, d.seq AS seq
           FROM ${feed} f JOIN ${table} d ON d.id = f.decision_id WHERE f.pos > ? ORDER BY f.pos LIMIT ?`,
          [cursor, limit],
        );
        const last = rows.at(-1);
        return { decisions: rows.map(fromRow), cursor: last === undefined ? cursor : Number(last.pos) };
      }),
    purge: (before, by) => db.run('purge', () => purgeBefore(db, options, before, by)),
    purges: () =>
      db.run('purges', () =>
        db.rows<PurgeRecord>(`SELECT id, by_user AS "by", before, removed, at FROM ${purges} ORDER BY id`),
      ),
    close: async () => undefined,
  };
};
