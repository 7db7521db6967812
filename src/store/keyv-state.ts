import { Keyv, type KeyvStoreAdapter } from 'keyv';
import { assertKey, DEFAULT_USER_SETTINGS, DEFAULT_WORKSPACE_SETTINGS, redactThread } from './backend.js';
import type { Redact, StateStore, StoreLogger, ThreadState, UserSettings, WorkspaceSettings } from './ports.js';
import { StoreError } from './ports.js';

/**
 * keyv namespaces of the state store. Fixed and lowercase: the SQL adapters match namespaces with
 * a case-insensitive LIKE, so two namespaces differing only in case would see each other's keys.
 */
export const KEYV_NAMESPACES = {
  thread: 'quadrant-thread',
  user: 'quadrant-user-settings',
  workspace: 'quadrant-workspace-settings',
} as const;
export type KeyvNamespace = (typeof KEYV_NAMESPACES)[keyof typeof KEYV_NAMESPACES];

/** The keyv table of the SQL backends, shared by the three namespaces (rows keyed `namespace:key`). */
export const KEYV_TABLE = 'quadrant_state';
/** Longest key the SQL table takes: a 500-character state key plus its namespace. */
export const KEYV_KEY_SIZE = 1024;
/** The SQL backends create the table themselves, before any adapter opens, with the adapters' own DDL. */
export const keyvTableDdl = (qualifiedTable: string): string =>
  `CREATE TABLE IF NOT EXISTS ${qualifiedTable} (key VARCHAR(${KEYV_KEY_SIZE}) PRIMARY KEY, value TEXT)`;
/** How thread rows start in the SQL table: keyv prefixes keys with `namespace:`. */
export const THREAD_ROW_PREFIX = `${KEYV_NAMESPACES.thread}:`;

/**
 * A thread as keyv holds it. `savedAt` is the store's clock (injectable), so retention can judge
 * age; keyv's own `expires` (wall clock) enforces the TTL. Serialized by keyv as
 * `{"value":{"state":…,"savedAt":…},"expires":…}`, which the SQL purges read with JSON functions.
 */
export type ThreadRecord = { state: ThreadState; savedAt: number };

/** What each backend supplies: its adapters, its runner, and the parts keyv cannot do. */
export type KeyvStateOptions = {
  logger: StoreLogger;
  redact: Redact;
  stateTtlMs: number;
  now: () => Date;
  /** A fresh adapter per call: one adapter instance is never shared by two namespaces. */
  adapter(namespace: KeyvNamespace): KeyvStoreAdapter;
  /** False when the adapter prefixes keys itself (@keyv/redis), so keys are not prefixed twice. */
  useKeyPrefix: boolean;
  /** Runs one operation, turning driver failures into `store_unavailable` (the backend's `guarded`). */
  run<T>(operation: string, call: () => Promise<T>): Promise<T>;
  /**
   * Native and atomic across processes (keyv has no set-if-absent): takes `key` for `ttlMs` if it
   * is free or expired, resolving with a token that identifies this claim, else null.
   */
  claim(key: string, ttlMs: number): Promise<string | null>;
  /** Deletes the claim on `key` only if it is still the one `token` names. */
  release(key: string, token: string): Promise<void>;
  /** How long a dedupe claim (event id, action id) lasts. */
  dedupeTtlMs: number;
  /** Native: keyv's iterator cannot list a namespace completely, so retention is the backend's job. */
  purgeStale(olderThan: Date, threads: Keyv<ThreadRecord>): Promise<number>;
  /** Called after a thread is saved (Redis indexes it by `savedAt` for purgeStale). */
  afterSetThread?(key: string, savedAt: number): Promise<void>;
};

/** The state store over keyv, and the way to close its adapters. */
export type KeyvState = {
  state: StateStore;
  /** Disconnects every adapter once; later operations reject with `store_unavailable`. */
  disconnect(): Promise<void>;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One log line per distinct adapter error, whichever namespace saw it first: a reconnecting
 * client repeats the same error every second, to all three adapters. A success resets it.
 */
const errorReporter = (logger: StoreLogger) => {
  let lastReported = '';
  return {
    report: (namespace: KeyvNamespace, error: unknown) => {
      const message = messageOf(error);
      if (message === lastReported) return;
      lastReported = message;
      logger.warn(`store: keyv ${namespace}: ${message}`);
    },
    reset: () => {
      lastReported = '';
    },
  };
};

const openNamespace = <T>(
  options: KeyvStateOptions,
  namespace: KeyvNamespace,
  errors: ReturnType<typeof errorReporter>,
): Keyv<T> => {
  const keyv = new Keyv<T>(options.adapter(namespace), {
    namespace,
    throwOnErrors: true,
    useKeyPrefix: options.useKeyPrefix,
  });
  // Adapters emit 'error' (a lost connection, a failed table creation); a listener keeps an
  // EventEmitter-based adapter from throwing it. Failed calls also reject and are logged by `run`.
  keyv.on('error', (error: unknown) => errors.report(namespace, error));
  return keyv;
};

/**
 * Conversation state and settings through keyv (one Keyv and one adapter per namespace,
 * `throwOnErrors` on), dedupe keys and retention through the backend's native client.
 */
export const openKeyvState = (options: KeyvStateOptions): KeyvState => {
  const { logger, run } = options;
  const errors = errorReporter(logger);
  const open = <T>(namespace: KeyvNamespace) => openNamespace<T>(options, namespace, errors);
  const threads = open<ThreadRecord>(KEYV_NAMESPACES.thread);
  const users = open<Partial<UserSettings>>(KEYV_NAMESPACES.user);
  const workspaces = open<Partial<WorkspaceSettings>>(KEYV_NAMESPACES.workspace);

  let closing: Promise<void> | undefined;
  const live = <T>(operation: string, call: () => Promise<T>): Promise<T> =>
    closing === undefined
      ? run(operation, async () => {
          const result = await call();
          errors.reset();
          return result;
        })
      : Promise.reject(new StoreError('store_unavailable', `${operation}: the store is closed`));

  /** keyv resolves `false` when a write failed and was only emitted: that is a failure too. */
  const write = async (keyv: Keyv, key: string, value: unknown, ttlMs?: number): Promise<void> => {
    if ((await keyv.set(key, value, ttlMs)) !== true) throw new Error(`keyv ${keyv.namespace} did not store ${key}`);
  };

  const state: StateStore = {
    getThread: (key) =>
      live('getThread', async () => {
        assertKey(key, 'thread');
        return (await threads.get(key))?.state;
      }),
    setThread: (key, thread) =>
      live('setThread', async () => {
        assertKey(key, 'thread');
        const record: ThreadRecord = { state: redactThread(thread, options.redact), savedAt: options.now().getTime() };
        await write(threads, key, record, options.stateTtlMs);
        await options.afterSetThread?.(key, record.savedAt);
      }),
    claimOnce: (key) => live('claimOnce', async () => (await options.claim(key, options.dedupeTtlMs)) !== null),
    // Leases share the claims' table under their own prefix, so a lease never collides with an event id.
    acquireLease: (key, ttlMs) => live('acquireLease', () => options.claim(`lease:${key}`, ttlMs)),
    releaseLease: (key, token) => live('releaseLease', () => options.release(`lease:${key}`, token)),
    getUserSettings: (userId) =>
      live('get user settings', async () => {
        assertKey(userId, 'user settings');
        return { ...DEFAULT_USER_SETTINGS, ...(await users.get(userId)) };
      }),
    setUserSettings: (userId, settings) =>
      live('set user settings', async () => {
        assertKey(userId, 'user settings');
        await write(users, userId, settings);
      }),
    getWorkspaceSettings: (teamId) =>
      live('get workspace settings', async () => {
        assertKey(teamId, 'workspace settings');
        return { ...DEFAULT_WORKSPACE_SETTINGS, ...(await workspaces.get(teamId)) };
      }),
    setWorkspaceSettings: (teamId, settings) =>
      live('set workspace settings', async () => {
        assertKey(teamId, 'workspace settings');
        await write(workspaces, teamId, settings);
      }),
    purgeStale: (olderThan) => live('purgeStale', () => options.purgeStale(olderThan, threads)),
    close: async () => undefined,
  };

  const disconnect = (): Promise<void> => {
    closing ??= Promise.allSettled([threads.disconnect(), users.disconnect(), workspaces.disconnect()]).then(
      (results) => {
        for (const result of results) {
          if (result.status === 'rejected') logger.warn(`store: closing keyv failed: ${messageOf(result.reason)}`);
        }
      },
    );
    return closing;
  };

  return { state, disconnect };
};
