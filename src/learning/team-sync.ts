import type { Playbook } from '../domain/playbook.js';
import type { Decision, DecisionLog } from '../store/ports.js';
import { createTeamModels, type TeamModels, teachable } from './team-models.js';

/**
 * Keeps a process's team models in step with a store other processes write too.
 *
 * Every process learns from the store's learning feed (DecisionLog.feed), never from its own
 * appends directly: the feed's positions are the commit order across processes, so every process,
 * and `quadrant model rebuild`, learns the same decisions in the same order, and ends with the same
 * model (the same fingerprint). A cursor (the last position learned) makes each catch-up read only
 * what is new, and each decision is learned once.
 */
export type TeamSync = {
  /** Forgets everything and learns the whole feed. Returns the team-visible decisions learned. */
  rebuild(): Promise<number>;
  /**
   * Learns what the feed holds after the cursor, at most {@link CATCH_UP_LIMIT} decisions per call
   * so a turn never waits on a long backlog (the next call goes on). Calls run one at a time; a
   * call made while one runs waits for it and then reads again, so a decision committed before the
   * call is learned when it resolves. After a purge (by any process) it learns the whole feed
   * again instead, so purged decisions are forgotten. Returns the team-visible decisions learned.
   */
  catchUp(): Promise<number>;
  /** The feed position learned up to. */
  cursor(): number;
};

const PAGE = 500;
/** Decisions one catch-up reads at most. */
export const CATCH_UP_LIMIT = 2_000;

export const createTeamSync = (models: TeamModels, log: Pick<DecisionLog, 'feed' | 'purges'>): TeamSync => {
  let cursor = 0;
  // The feed holds each decision once; this guards the rule "learned once" against any replay.
  let learned = new Set<string>();
  // Purges the models have seen. A purge removes decisions from the feed, possibly behind the
  // cursor, so the next catch-up that sees a new one learns the whole feed again: what an admin
  // purged leaves the models, the similar-decision lists and the LLM's examples too.
  let purgesSeen = 0;
  const learn = (d: Decision): boolean => {
    if (learned.has(d.id) || !models.observe(d)) return false;
    learned.add(d.id);
    return true;
  };

  /** Reads pages until the feed is exhausted or `limit` decisions were read. */
  const readOn = async (limit: number): Promise<number> => {
    let count = 0;
    for (let read = 0; read < limit; ) {
      const page = await log.feed(cursor, Math.min(PAGE, limit - read));
      if (page.cursor === cursor) break;
      for (const d of page.decisions) if (learn(d)) count++;
      cursor = page.cursor;
      read += page.decisions.length;
    }
    return count;
  };

  /** Learns the whole feed into new models, swapped in once it is read. */
  const relearn = async (): Promise<number> => {
    // Counted before the feed is read: a purge that lands meanwhile is seen by the next catch-up.
    const purges = (await log.purges()).length;
    const ids = new Set<string>();
    let at = 0;
    async function* wholeFeed(): AsyncGenerator<Decision> {
      for (;;) {
        const page = await log.feed(at, PAGE);
        if (page.cursor === at) return;
        for (const d of page.decisions) {
          if (ids.has(d.id)) continue;
          if (teachable(d)) ids.add(d.id);
          yield d;
        }
        at = page.cursor;
      }
    }
    const count = await models.rebuild(wholeFeed());
    [cursor, learned, purgesSeen] = [at, ids, purges];
    return count;
  };

  const catchUpOnce = async (): Promise<number> =>
    (await log.purges()).length === purgesSeen ? readOn(CATCH_UP_LIMIT) : relearn();

  // One call at a time; callers that arrive while one runs share the next one.
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<number> | null = null;
  const queue = (work: () => Promise<number>): Promise<number> => {
    const run = tail.then(
      () => {
        waiting = null;
        return work();
      },
      () => {
        waiting = null;
        return work();
      },
    );
    tail = run.catch(() => undefined);
    return run;
  };

  return {
    rebuild: () => queue(relearn),
    catchUp: () => {
      waiting ??= queue(catchUpOnce);
      return waiting;
    },
    cursor: () => cursor,
  };
};

/**
 * The decision log, teaching the team models each decision it stores (through the feed, see
 * {@link TeamSync}). The store stays unaware of learning; a failed append teaches nothing, a
 * retried append (same idempotency key) is one feed entry and is learned once, and a private
 * decision shared with the team is learned when it is shared. A catch-up that fails after the
 * decision was stored does not fail the append: the next turn's catch-up learns it.
 */
export const learningDecisionLog = (
  log: DecisionLog,
  sync: Pick<TeamSync, 'catchUp'>,
  onError: (error: unknown) => void = () => undefined,
): DecisionLog => {
  const learnNow = () => sync.catchUp().catch(onError);
  return {
    append: async (input) => {
      const decision = await log.append(input);
      await learnNow();
      return decision;
    },
    amend: async (id, patch) => {
      const amended = await log.amend(id, patch);
      if (amended !== undefined) await learnNow();
      return amended;
    },
    history: (clientId, viewer) => log.history(clientId, viewer),
    list: (filter, viewer) => log.list(filter, viewer),
    all: () => log.all(),
    feed: (cursor, limit) => log.feed(cursor, limit),
    purge: async (before, by) => {
      const removed = await log.purge(before, by);
      await learnNow();
      return removed;
    },
    purges: () => log.purges(),
    close: () => log.close(),
  };
};

/** The team models of a store, learned from its feed, with the pieces the app and the CLI wire. */
export type TeamLearning = {
  models: TeamModels;
  sync: TeamSync;
  /** Team-visible decisions learned at start. */
  learned: number;
  /** The store's log, teaching the models each decision it stores. */
  decisions: DecisionLog;
  /** What the classifier joins to each turn: the models, caught up first. */
  forClassifier: TeamModels & Pick<TeamSync, 'catchUp'>;
};

/** Builds every workspace's team model from the store's feed and keeps it in step with it. */
export const learnFromLog = async (
  log: DecisionLog,
  playbook: Playbook,
  onError: (error: unknown) => void = () => undefined,
): Promise<TeamLearning> => {
  const models = createTeamModels({ playbook });
  const sync = createTeamSync(models, log);
  const learned = await sync.rebuild();
  return {
    models,
    sync,
    learned,
    decisions: learningDecisionLog(log, sync, onError),
    forClassifier: { ...models, catchUp: sync.catchUp },
  };
};
