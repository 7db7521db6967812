import { QuadrantError } from '../domain/errors.js';
import type { ClientProfile } from '../domain/profile.js';
import type { ClassificationSource, EconomicCycle, RelationshipType, Signal } from '../domain/types.js';

/**
 * Ports of the store. Adapters (SQLite, Redis, PostgreSQL) implement them; the Slack app and
 * the CLI depend only on these types. Every adapter passes the contract suite in test/contracts/.
 */

export type Visibility = 'team' | 'private';

/** Who is reading: visibility rules are applied by the store, not by callers. */
export type Viewer = { userId: string; teamId: string; isAdmin: boolean };

/** What a caller supplies to log a decision; the store assigns id, createdAt and supersedes. */
export type NewDecision = {
  /**
   * Makes append idempotent: a retried Slack action (same key) returns the first decision
   * instead of logging twice. E.g. `action:<team>:<message ts>:<action ts>`.
   */
  idempotencyKey: string;
  clientName: string;
  type: RelationshipType;
  secondary: RelationshipType | null;
  confidence: number;
  /** The suggestion's confidence before calibration, when the card's was calibrated. */
  rawConfidence?: number;
  source: ClassificationSource;
  /** The classifier's type before an override; equals `type` when confirmed. */
  suggestedType: RelationshipType;
  evidence: Signal[];
  llmRationale: string | null;
  recommendedActionIds: string[];
  keptActionIds: string[];
  /** Required when source is `manager_override`. */
  reason: string | null;
  /** Redacted description the decision was made on. */
  description: string;
  userId: string;
  teamId: string;
  channelId: string | null;
  threadTs: string | null;
  visibility: Visibility;
  /** `teamModel`: the team model's state (`team-nb-6@<decisions learned>`) when it saw the description. */
  versions: { playbook: string; rules: string; prompt: string | null; model: string | null; teamModel?: string | null };
};

export type Decision = NewDecision & {
  /** Time-sortable (ULID-like) id. */
  id: string;
  /** Normalized client name; see normalizeClientId. */
  clientId: string;
  createdAt: string;
  /** The previous decision for the same client, if any. */
  supersedes: string | null;
  /** Set on reads when the type differs from the superseded decision's type. */
  transition?: { from: RelationshipType; to: RelationshipType };
};

export type DecisionAmendment = { visibility?: 'team'; clientName?: string };

export type DecisionFilter = {
  clientId?: string;
  type?: RelationshipType;
  since?: Date;
  userId?: string;
  limit?: number;
};

export type DecisionLog = {
  /** Appends once; returns the stored decision (the original one if the idempotency key was seen). */
  append(decision: NewDecision): Promise<Decision>;
  /** A client's complete history, oldest first, filtered by what the viewer may see. */
  history(clientId: string, viewer: Viewer): Promise<Decision[]>;
  /** Decisions matching the filter, newest first, filtered by visibility. */
  list(filter: DecisionFilter, viewer: Viewer): Promise<Decision[]>;
  /**
   * The two changes a logged decision may get, both by its author's act: `visibility: 'team'` when
   * the card is shared to a channel, and `clientName` when an unnamed client is named later (the
   * decision moves to that client's history). Nothing else of a decision ever changes.
   */
  amend(id: string, patch: DecisionAmendment): Promise<Decision | undefined>;
  /** Streams every decision oldest first (exports); admin use only. */
  all(): AsyncIterable<Decision>;
  /**
   * The learning feed: decisions in the order the team models learn them, after `cursor` (0 reads
   * from the start), at most `limit`. A decision takes the next position when it is appended, and
   * moves to the end when a private decision is shared with the team, so each decision is in the
   * feed once, as it is now. Positions follow commit order across every process sharing the store:
   * once a reader has passed a position, nothing new ever appears before it. Not filtered by
   * visibility: the team models apply the privacy rule themselves.
   */
  feed(cursor: number, limit: number): Promise<FeedPage>;
  /**
   * Removes decisions created before `before`; only a user listed in QUADRANT_ADMINS may
   * (`store_forbidden` otherwise). The purge itself is recorded (see `purges`). Returns how many were removed.
   */
  purge(before: Date, by: string): Promise<number>;
  /** Every purge ever run, oldest first: the audit trail of removed decisions. */
  purges(): Promise<PurgeRecord[]>;
  close(): Promise<void>;
};

/** A page of the learning feed, and the cursor to read on from (unchanged when the page is empty). */
export type FeedPage = { decisions: Decision[]; cursor: number };

/** The record a purge leaves behind; purges are never purged. */
export type PurgeRecord = { id: string; by: string; before: string; removed: number; at: string };

export type ThreadTurn = { role: 'rm' | 'bot'; text: string; at: string };

/** Per-thread conversation state. */
export type ThreadState = {
  profile: ClientProfile;
  turns: ThreadTurn[];
  /** How many follow-up questions were already asked in this thread (at most two). */
  followUpsAsked: number;
  lang: 'zh' | 'en';
  updatedAt: string;
  /**
   * Cards the Slack app showed in this thread, by card id, so a button logs exactly what the RM
   * saw. Opaque to the store; the app parses it with zod on read.
   */
  cards?: Record<string, unknown>;
  /** The client this thread is about, once known: a name, or a per-thread id for an unnamed one. */
  client?: { name: string; kind: 'named' | 'anonymized' | 'unnamed' };
  /** The follow-up question waiting for an answer, and where it was posted (to retire its buttons). */
  openQuestion?: { id: string; number: number; text: string; channel?: string; ts?: string };
};

export type UserSettings = {
  lang: 'auto' | 'zh' | 'en';
  /**
   * Under "auto", the language the user last wrote in: the answer to a click or the agent view's
   * prompts, which carry no text of their own, follows it.
   */
  lastLang?: 'zh' | 'en';
};
export type WorkspaceSettings = { cycle: EconomicCycle };

export type StateStore = {
  getThread(key: string): Promise<ThreadState | undefined>;
  /** Stored with the configured TTL (default 7 days). */
  setThread(key: string, state: ThreadState): Promise<void>;
  /**
   * True the first time a key is claimed within the dedupe TTL, false afterwards; atomic across
   * processes sharing the store (event ids, action ids).
   */
  claimOnce(key: string): Promise<boolean>;
  /**
   * An exclusive lease on `key` across processes sharing the store, for at most `ttlMs`: a token
   * when taken, null while someone else holds it. A holder that crashed simply lets it expire.
   */
  acquireLease(key: string, ttlMs: number): Promise<string | null>;
  /** Ends a lease if `token` still holds it; one that expired and was taken over is left alone. */
  releaseLease(key: string, token: string): Promise<void>;
  getUserSettings(userId: string): Promise<UserSettings>;
  setUserSettings(userId: string, settings: UserSettings): Promise<void>;
  getWorkspaceSettings(teamId: string): Promise<WorkspaceSettings>;
  setWorkspaceSettings(teamId: string, settings: WorkspaceSettings): Promise<void>;
  /** Removes thread state older than the retention period; never touches decisions. */
  purgeStale(olderThan: Date): Promise<number>;
  close(): Promise<void>;
};

/** Redacts personal data before text is stored; the LLM layer provides the real one. */
export type Redact = (text: string) => string;

export type StoreErrorCode = 'store_unavailable' | 'store_conflict' | 'store_invalid' | 'store_forbidden';

/** Where the store says what happened (an outage, a recovery); secrets are never part of a line. */
export type StoreLogger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

/** A store operation failed; turned into a localized message at the boundary. */
export class StoreError extends QuadrantError<StoreErrorCode> {}
