import sqlite3 from 'sqlite3';

type Param = string | number | null;

/** A promise-shaped sqlite3 connection; the store's SQL lives in sqlite-store.ts. */
export type SqliteConnection = {
  run(sql: string, params?: Param[]): Promise<{ changes: number }>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * Opens (creating if needed) a SQLite file for several processes at once: WAL so readers never
 * wait for writers, a busy timeout so writers queue instead of failing with SQLITE_BUSY, and
 * synchronous=FULL so a decision reported as written survives a crash of the process or the host.
 */
export const openSqlite = (path: string, busyTimeoutMs = 10_000): Promise<SqliteConnection> =>
  new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE, (openError) => {
      if (openError) {
        reject(openError);
        return;
      }
      db.configure('busyTimeout', busyTimeoutMs);
      const connection: SqliteConnection = {
        run: (sql, params = []) =>
          new Promise((ok, fail) => {
            db.run(sql, params, function onRun(this: sqlite3.RunResult, error: Error | null) {
              if (error) fail(error);
              else ok({ changes: this.changes });
            });
          }),
        // Not db.get: node-sqlite3 steps a `get` once and leaves the statement active until it is
        // finalized in a later job, so the connection keeps a read transaction open. A write this
        // connection runs meanwhile (another request's claim or append) must then upgrade that
        // read transaction, and in WAL mode an upgrade from a stale snapshot fails with
        // SQLITE_BUSY at once, without waiting for the busy timeout. `all` runs the statement to
        // its end, which ends its transaction.
        get: <T>(sql: string, params: Param[] = []) =>
          new Promise<T | undefined>((ok, fail) => {
            db.all<T>(sql, params, (error, rows) => (error ? fail(error) : ok(rows[0])));
          }),
        all: <T>(sql: string, params: Param[] = []) =>
          new Promise<T[]>((ok, fail) => {
            db.all<T>(sql, params, (error, rows) => (error ? fail(error) : ok(rows)));
          }),
        exec: (sql) =>
          new Promise((ok, fail) => {
            db.exec(sql, (error) => (error ? fail(error) : ok()));
          }),
        close: () =>
          new Promise((ok, fail) => {
            db.close((error) => (error ? fail(error) : ok()));
          }),
      };
      connection
        .exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;')
        .then(() => resolve(connection), reject);
    });
  });
