import type { KeyvStoreAdapter } from 'keyv';
import type { BackendOptions } from './backend.js';
import { createIdGenerator } from './ids.js';
import { openKeyvState } from './keyv-state.js';
import { createSqlClaims } from './sql-claims.js';
import { createSqlDecisionLog } from './sql-decision-log.js';
import type { SqlDialect } from './sql-dialect.js';

/**
 * Both ports of a SQL backend over its dialect: the decision log, and threads and settings
 * through keyv (`adapter`, on the same database) with claims and retention native, because keyv
 * has no atomic set-if-absent and no complete listing.
 */
export const openSqlPorts = (dialect: SqlDialect, options: BackendOptions, adapter: () => KeyvStoreAdapter) => {
  const { logger, admins, redact } = options;
  const now = options.now ?? (() => new Date());
  const newId = createIdGenerator(() => now().getTime());
  return {
    decisions: createSqlDecisionLog(dialect, { admins, redact, logger, now, newId }),
    keyvState: openKeyvState({
      logger,
      redact,
      stateTtlMs: options.stateTtlMs,
      now,
      adapter,
      useKeyPrefix: true,
      run: dialect.run,
      dedupeTtlMs: options.dedupeTtlMs,
      ...createSqlClaims(dialect, now),
    }),
  };
};
