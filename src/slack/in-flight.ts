import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Counts the listener runs in progress (a turn: classify, store, reply), so a shutdown can stop
 * taking events and then wait for the turns already started, up to a bound.
 */
export type InFlight = {
  /** Global Bolt middleware: registered first, it spans every listener. */
  middleware: Middleware<AnyMiddlewareArgs>;
  count(): number;
  /** Resolves true once nothing is in flight, or false when `boundMs` passes first. */
  drain(boundMs: number): Promise<boolean>;
};

export const trackInFlight = (): InFlight => {
  let running = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    if (running > 0) return;
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };
  return {
    middleware: async ({ next }) => {
      running += 1;
      try {
        await next();
      } finally {
        running -= 1;
        settle();
      }
    },
    count: () => running,
    drain: (boundMs) =>
      new Promise<boolean>((resolve) => {
        if (running === 0) {
          resolve(true);
          return;
        }
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== done);
          resolve(false);
        }, boundMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(done);
      }),
  };
};
