import { redactProfile } from '../domain/profile.js';
import type {
  DecisionLog,
  Redact,
  StateStore,
  StoreLogger,
  ThreadState,
  UserSettings,
  WorkspaceSettings,
} from './ports.js';
import { StoreError } from './ports.js';

/** What every backend needs besides its URL; openStore fills it from Config. */
export type BackendOptions = {
  admins: readonly string[];
  redact: Redact;
  logger: StoreLogger;
  stateTtlMs: number;
  dedupeTtlMs: number;
  /** Injected so tests can age records; defaults to the wall clock. */
  now?: () => Date;
};

/** An opened backend: both ports over one connection (pool), closed together. */
export type StoreHandle = {
  decisions: DecisionLog;
  state: StateStore;
  /** Where the store is, with any password hidden: safe to log. */
  describe(): string;
  close(): Promise<void>;
};

export const DEFAULT_USER_SETTINGS: UserSettings = { lang: 'auto' };
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { cycle: 'normal' };

/**
 * Runs a backend call and turns any driver failure into `store_unavailable` with one log line.
 * StoreErrors (invalid input, forbidden) pass through untouched.
 */
export const guarded = async <T>(logger: StoreLogger, operation: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    logger.error(`store: ${operation} failed: ${detail}`);
    throw new StoreError('store_unavailable', `${operation} failed: ${detail}`, { cause: error });
  }
};

/** Throws `store_forbidden` unless `by` is listed in QUADRANT_ADMINS. */
export const assertAdmin = (admins: readonly string[], by: string): void => {
  if (!admins.includes(by)) {
    throw new StoreError('store_forbidden', `${by || '(nobody)'} is not listed in QUADRANT_ADMINS`);
  }
};

export const assertKey = (key: string, what: string): void => {
  if (typeof key !== 'string' || key.trim() === '' || key.length > 500) {
    throw new StoreError('store_invalid', `${what}: expected a non-empty key of at most 500 characters`);
  }
};

/** Thread state holds what the RM typed: it is redacted like a decision's description before it is written. */
export const redactThread = (state: ThreadState, redact: Redact): ThreadState => ({
  ...state,
  profile: redactProfile(state.profile, redact),
  turns: state.turns.map((turn) => ({ ...turn, text: redact(turn.text) })),
});

/** Hides the password (and user) of a connection URL so it can be logged and shown. */
export const describeUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '' || parsed.username !== '') {
      parsed.password = '';
      parsed.username = parsed.username === '' ? '' : '***';
    }
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
};
