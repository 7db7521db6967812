import type { KeyvStoreAdapter } from 'keyv';
import type { BackendOptions, StoreHandle } from './backend.js';
import { createIdGenerator } from './ids.js';
import { openKeyvState } from './keyv-state.js';
import { createSqlClaims } from './sql-claims.js';
import { createSqlDecisionLog } from './sql-decision-log.js';
import type { SqlDialect } from './sql-dialect.js';

/** How one SQL backend is reached: keyv's adapter on the same database, and the connection to close. */
export type SqlConnection = {
  adapter: () => KeyvStoreAdapter;
  /** Where the store is, safe to log. */
  describe: string;
  close: () => Promise<void>;
};

/**
 * Both ports of a SQL backend over its dialect: the decision log, and threads and settings
 * through keyv (`adapter`, on the same database) with claims and retention native, because keyv
 * has no atomic set-if-absent and no complete listing. Closing ends keyv before the connection.
 */
export const openSqlStore = (dialect: SqlDialect, options: BackendOptions, connection: SqlConnection): StoreHandle => {
  const { logger, admins, redact } = options;
  const now = options.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  const keyvState = openKeyvState({
    logger,
    redact,
    stateTtlMs: options.stateTtlMs,
    now,
    adapter: connection.adapter,
    useKeyPrefix: true,
    run: dialect.run,
    dedupeTtlMs: options.dedupeTtlMs,
    ...createSqlClaims(dialect, now),
  });
  return {
    decisions: createSqlDecisionLog(dialect, { admins, redact, logger, now, newId }),
    state: keyvState.state,
    describe: () => connection.describe,
    close: async () => {
      await keyvState.disconnect();
      await connection.close();
    },
  };
};
