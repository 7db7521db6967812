/**
 * Waits `ms` milliseconds. With a `signal`, an abort ends the wait early and quietly (it resolves,
 * never rejects), so a retry loop can check its own deadline instead of catching an AbortError.
 */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted === true) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
