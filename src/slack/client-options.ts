import type { webApi } from '@slack/bolt';

export type WebClientTuning = {
  /** Base URL of the Web API (a proxy, or the emulator); Slack's own when undefined. */
  apiUrl: string | undefined;
  /** Retries after a failed call; tests use 0 to see failures at once. */
  retries?: number;
  /** The HTTP transport (see http-transport.ts); it applies the per-call deadline. */
  fetch?: typeof fetch;
};

export const WEB_API_TIMEOUT_MS = 10_000;

/**
 * Web API client options: a 10 s deadline per call so a stuck call cannot hold a handler forever,
 * a few retries with backoff, and 429s honoured (the client waits for Retry-After instead of
 * failing). With a transport, the transport keeps the deadline and the client's own is off.
 */
export const webClientOptions = (tuning: WebClientTuning): webApi.WebClientOptions => ({
  ...(tuning.apiUrl === undefined ? {} : { slackApiUrl: tuning.apiUrl }),
  ...(tuning.fetch ? { fetch: tuning.fetch, timeout: 0 } : { timeout: WEB_API_TIMEOUT_MS }),
  rejectRateLimitedCalls: false,
  retryConfig: { retries: tuning.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
});
