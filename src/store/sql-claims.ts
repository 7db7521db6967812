import { assertKey } from './backend.js';
import type { KeyvStateOptions } from './keyv-state.js';
import { THREAD_ROW_PREFIX } from './keyv-state.js';
import type { SqlDialect } from './sql-dialect.js';

/**
 * Dedupe claims, thread leases and retention of the SQL backends: native statements where keyv
 * has no equivalent (an atomic set-if-absent, a complete listing).
 */
export const createSqlClaims = (
  db: SqlDialect,
  now: () => Date,
): Pick<KeyvStateOptions, 'claim' | 'release' | 'purgeStale'> => {
  const { dedupe, keyv } = db.tables;
  return {
    claim: async (key, ttlMs) => {
      assertKey(key, 'dedupe');
      const at = now().getTime();
      const expiresAt = at + ttlMs;
      // Inserts, or takes over an expired claim; a live claim is left alone (nothing changes). The
      // expiry time names the claim: a later takeover always sets a later one.
      const changed = await db.change(
        `INSERT INTO ${dedupe} (key, expires_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE ${dedupe}.expires_at <= ?`,
        [key, expiresAt, at],
      );
      return changed === 1 ? String(expiresAt) : null;
    },
    release: async (key, token) => {
      const expiresAt = Number(token);
      // A token this store never issued names no claim.
      if (!Number.isSafeInteger(expiresAt)) return;
      await db.change(`DELETE FROM ${dedupe} WHERE key = ? AND expires_at = ?`, [key, expiresAt]);
    },
    purgeStale: async (olderThan) => {
      // One native DELETE on keyv's rows: saved before the cutoff (store clock) or past keyv's
      // own expiry (wall clock, as keyv writes it). Atomic per row, so a thread saved meanwhile stays.
      const removed = await db.change(
        `DELETE FROM ${keyv} WHERE substr(key, 1, ?) = ?
           AND (${db.jsonNumber('value', ['value', 'savedAt'])} < ? OR ${db.jsonNumber('value', ['expires'])} <= ?)`,
        [THREAD_ROW_PREFIX.length, THREAD_ROW_PREFIX, olderThan.getTime(), Date.now()],
      );
      await db.change(`DELETE FROM ${dedupe} WHERE expires_at <= ?`, [now().getTime()]);
      return removed;
    },
  };
};
