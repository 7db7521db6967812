import type { Config } from '../config.js';
import type { BackendOptions, StoreHandle } from './backend.js';
import { describeUrl } from './backend.js';
import type { Redact, StoreLogger } from './ports.js';
import { StoreError } from './ports.js';
import { openPostgresStore } from './postgres-store.js';
import { openRedisStore } from './redis-store.js';
import { openSqliteStore } from './sqlite-store.js';

export type OpenStoreOptions = Config['store'] & {
  admins: string[];
  redact: Redact;
  logger?: StoreLogger;
  /** Tests age records with it; the wall clock otherwise. */
  now?: () => Date;
};

/** Writes store lines to stderr; the app passes its own logger. */
const stderrLogger: StoreLogger = {
  info: (m) => console.error(`[info] ${m}`),
  warn: (m) => console.error(`[warn] ${m}`),
  error: (m) => console.error(`[error] ${m}`),
};

/**
 * Opens the decision log and state store named by `QUADRANT_STORE_URL`: `sqlite://PATH`
 * (default, file and folder created on first start), `redis://…` or `postgres://…`.
 * A Redis or PostgreSQL server that is down does not make this throw: operations reject with
 * `store_unavailable` until it is back. A SQLite file that cannot be opened does throw.
 */
export const openStore = async (options: OpenStoreOptions): Promise<StoreHandle> => {
  const logger = options.logger ?? stderrLogger;
  const backend: BackendOptions = {
    admins: options.admins,
    redact: options.redact,
    logger,
    stateTtlMs: options.stateTtlMs,
    dedupeTtlMs: options.dedupeTtlMs,
    ...(options.now === undefined ? {} : { now: options.now }),
  };
  const scheme = options.url.slice(0, options.url.indexOf('://'));
  const open =
    scheme === 'sqlite'
      ? openSqliteStore
      : scheme === 'redis' || scheme === 'rediss'
        ? openRedisStore
        : scheme === 'postgres' || scheme === 'postgresql'
          ? openPostgresStore
          : undefined;
  if (open === undefined) {
    throw new StoreError('store_invalid', `QUADRANT_STORE_URL: unsupported scheme in ${describeUrl(options.url)}`);
  }
  const store = await open(options.url, backend);
  logger.info(`store: using ${store.describe()}`);
  return store;
};
