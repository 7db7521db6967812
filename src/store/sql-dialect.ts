import type { PreparedDecision } from './decision-input.js';
import type { Decision } from './ports.js';

export type SqlParam = string | number | null;

/** Statements on one connection (or one transaction). SQL is written with `?` placeholders. */
export type SqlRunner = {
  rows<R>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** Runs a statement and resolves with the number of rows it inserted, updated or deleted. */
  change(sql: string, params?: readonly SqlParam[]): Promise<number>;
};

/**
 * What differs between SQLite and PostgreSQL for the decision log and the claims; everything
 * else (the queries, paging, filters, purge) is written once over this.
 * - placeholders: shared SQL uses `?`; the PostgreSQL runner numbers them (`$1`, `$2`, …);
 * - upsert: each `append` takes the idempotency key once (an upsert that does nothing on conflict);
 * - locking: SQLite serializes writers with its database lock, PostgreSQL with a row lock per client.
 */
export type SqlDialect = SqlRunner & {
  tables: { decisions: string; purges: string; dedupe: string; keyv: string; feed: string };
  /** The column that orders one client's history in commit order. */
  clientOrder: string;
  /** A number inside a JSON text column, e.g. keyv's `{"value":{"savedAt":…},"expires":…}`. */
  jsonNumber(column: string, path: readonly string[]): string;
  /** Runs `work` in a transaction no other write can interleave with; commits, or rolls back on error. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Appends a decision once per idempotency key, its `supersedes` the client's latest decision
   * read under the same lock as the insert; resolves with the stored decision (the first write's
   * when the key was used before).
   */
  append(decision: PreparedDecision): Promise<Decision>;
  /** Files a decision under another client, at the end of that client's order (inside `transaction`). */
  moveToClient(tx: SqlRunner, id: string, clientId: string): Promise<void>;
  /** Runs one store operation: driver failures become `store_unavailable` (and PostgreSQL retries its schema first). */
  run<T>(operation: string, call: () => Promise<T>): Promise<T>;
};

/** `?` → `$1`, `$2`, … for PostgreSQL. The shared SQL holds no `?` inside string literals. */
export const numberPlaceholders = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The columns every read of a decision row selects. */
export const DECISION_COLUMNS = 'body, supersedes, seq';
export type DecisionRow = { body: string; supersedes: string | null; seq: number | string };
