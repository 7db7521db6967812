import { sleep } from '../../src/lib/sleep.js';
import { StoreError } from '../../src/store/ports.js';

/** The store error code a call failed with, undefined when it succeeded, or a note when the error is not a StoreError. */
export const codeOf = (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof StoreError ? e.code : `not a StoreError: ${String(e)}`),
  );

/** Retries until the store answers again: clients reconnect in the background. */
export const eventually = async <T>(call: () => Promise<T>, timeoutMs = 20_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(100);
    }
  }
};
