import type { webApi } from '@slack/bolt';

export type WebClientTuning = {
  /** Base URL of the Web API (a proxy, or the emulator); Slack's own when undefined. */
  apiUrl: string | undefined;
  /** Retries after a failed call; tests use 0 to see failures at once. */
  retries?: number;
  timeoutMs?: number;
};

/**
 * Web API client options: a 10 s timeout so a stuck call cannot hold a handler forever, a few
 * retries with backoff, and 429s honoured (the client waits for Retry-After instead of failing).
 */
export const webClientOptions = (tuning: WebClientTuning): webApi.WebClientOptions => ({
  ...(tuning.apiUrl === undefined ? {} : { slackApiUrl: tuning.apiUrl }),
  timeout: tuning.timeoutMs ?? 10_000,
  rejectRateLimitedCalls: false,
  retryConfig: { retries: tuning.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
});
