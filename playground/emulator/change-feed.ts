import type { ChangeEvent } from './workspace.js';

/**
 * The emulator's change notifications: every state change and every call is emitted to the
 * listeners, and `waitFor` re-checks its probe on each one instead of polling.
 */
export type ChangeFeed = {
  emit(event: ChangeEvent): void;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Resolves with the first truthy `probe()` result; rejects after `timeoutMs` naming the recent calls. */
  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  clear(): void;
};

export const createChangeFeed = (recentCalls: () => string[]): ChangeFeed => {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const onChange = (listener: (event: ChangeEvent) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  const waitFor = <T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined || value === null || value === false) return;
        done();
        resolve(value);
      };
      const timer = setTimeout(() => {
        done();
        const recent = recentCalls().join(', ');
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; recent calls: ${recent || 'none'}`));
      }, timeoutMs);
      const unsubscribe = onChange(check);
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      check();
    });

  return {
    emit: (event) => {
      for (const listener of [...listeners]) listener(event);
    },
    onChange,
    waitFor,
    clear: () => listeners.clear(),
  };
};
