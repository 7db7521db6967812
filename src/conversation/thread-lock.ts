import { sleep as realSleep } from '../lib/sleep.js';
import type { StateStore } from '../store/ports.js';

/** Longest a turn may hold its thread (an LLM turn with retries included); a crashed holder's lease lapses then. */
export const THREAD_LEASE_MS = 60_000;

export type ThreadLockDeps = {
  state: Pick<StateStore, 'acquireLease' | 'releaseLease'>;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

/** Runs one thread's work after the previous work of that thread, in this process and across instances. */
export type ThreadLock = <T>(threadKey: string, work: () => Promise<T>) => Promise<T>;

/**
 * Turns of one thread run one after another, so two quick messages never overwrite each other's
 * state: in this process through a queue, across instances through a lease in the store. A turn
 * waits (20 ms, doubling to 250 ms) while another instance holds the lease; past the lease's own
 * lifetime it runs anyway: the holder is gone or stuck, and an answer matters more than order.
 */
export const createThreadLock = (deps: ThreadLockDeps): ThreadLock => {
  const sleep = deps.sleep ?? realSleep;
  const queues = new Map<string, Promise<unknown>>();

  const underLease = async <T>(threadKey: string, work: () => Promise<T>): Promise<T> => {
    const key = `thread:${threadKey}`;
    const giveUpAt = deps.now().getTime() + THREAD_LEASE_MS;
    let token = await deps.state.acquireLease(key, THREAD_LEASE_MS);
    for (let wait = 20; token === null && deps.now().getTime() < giveUpAt; wait = Math.min(wait * 2, 250)) {
      await sleep(wait);
      token = await deps.state.acquireLease(key, THREAD_LEASE_MS);
    }
    try {
      return await work();
    } finally {
      // A failed release only means the lease lapses by itself.
      if (token !== null) await deps.state.releaseLease(key, token).catch(() => undefined);
    }
  };

  return <T>(threadKey: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(threadKey) ?? Promise.resolve();
    const leased = () => underLease(threadKey, work);
    const run = previous.then(leased, leased);
    const settled = run.catch(() => undefined);
    queues.set(threadKey, settled);
    void settled.then(() => {
      if (queues.get(threadKey) === settled) queues.delete(threadKey);
    });
    return run;
  };
};
