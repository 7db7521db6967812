import { KeyvPostgres } from '@keyv/postgres';
import KeyvRedis, { type RedisClientConnectionType } from '@keyv/redis';
import { KeyvSqlite } from '@keyv/sqlite';
import type { KeyvStoreAdapter } from 'keyv';
import type pg from 'pg';
import { KEYV_KEY_SIZE, KEYV_TABLE } from './keyv-state.js';

/** Same as the native connection's: writers queue for the lock instead of failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * A @keyv/sqlite adapter on the store's file, in its own table. It opens its own connection,
 * without pragmas: WAL needs none, because journal_mode=WAL is a property of the file, set by the
 * native connection (openSqlite) before any adapter opens; the busy timeout is set here.
 */
export const sqliteKeyvAdapter = (path: string): KeyvStoreAdapter =>
  new KeyvSqlite({
    uri: `sqlite://${path}`,
    table: KEYV_TABLE,
    keySize: KEYV_KEY_SIZE,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
  });

/**
 * A @keyv/postgres adapter that queries through the store's pool. Its own `connect()` would use a
 * module-wide pool shared by every adapter of the process (closing one adapter ends it for all)
 * and with no 'error' listener, so a server restart would crash the process on an idle client.
 */
export const postgresKeyvAdapter = (pool: pg.Pool): KeyvStoreAdapter => {
  class PooledKeyvPostgres extends KeyvPostgres {
    override async connect() {
      return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
    }
    // The pool belongs to the store, which ends it once in close().
    override async disconnect() {}
  }
  return new PooledKeyvPostgres({ table: KEYV_TABLE, keySize: KEYV_KEY_SIZE, schema: 'public' });
};

/**
 * A @keyv/redis adapter on the store's @redis/client client: it inherits the client's fail-fast
 * offline behaviour (disableOfflineQueue), its reconnection and its outage log lines, instead of
 * opening a connection of its own. The client is open (`isOpen`) from openRedisStore until close(),
 * so the adapter never connects it; its disconnect() is a no-op because the adapter calls it on a
 * failed connect, which would destroy the client the decision log uses. close() destroys it once.
 */
export const redisKeyvAdapter = (client: { readonly isOpen: boolean }): KeyvStoreAdapter => {
  class SharedClientKeyvRedis extends KeyvRedis<string> {
    override async disconnect() {}
  }
  // Only the generic parameters (modules, RESP version) of the store's client type differ.
  return new SharedClientKeyvRedis(client as RedisClientConnectionType, {
    throwOnErrors: true,
    throwOnConnectError: true,
  });
};
