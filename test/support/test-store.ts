import { sleep } from '../../src/lib/sleep.js';
import type { OpenStoreOptions } from '../../src/store/open-store.js';
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

/** A store logger that keeps every line, prefixed with its level, for a test to read. */
export const recordingLogger = () => {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    },
  };
};

/** A store logger that says nothing. */
export const SILENT = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * openStore's options for a test or a bench: a minute's TTLs, 90 days' retention, no admins, no
 * redaction, silent; `overrides` set what a case is about.
 */
export const testStoreOptions = (url: string, overrides: Partial<OpenStoreOptions> = {}): OpenStoreOptions => ({
  url,
  stateTtlMs: 60_000,
  dedupeTtlMs: 60_000,
  retentionDays: 90,
  admins: [],
  redact: (text) => text,
  logger: SILENT,
  ...overrides,
});
