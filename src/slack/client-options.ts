import type { webApi } from '@slack/bolt';
import { withPerChannelRateLimits } from './rate-limits.js';

export type WebClientTuning = {
  /** Base URL of the Web API (a proxy, or the emulator); Slack's own when undefined. */
  apiUrl: string | undefined;
  /** Retries after a failed call; tests use 0 to see failures at once. */
  retries?: number;
  /** The HTTP transport (see http-transport.ts); it applies the per-call deadline. */
  fetch?: typeof fetch;
  /** Told when a method and channel are held back after a 429 (see rate-limits.ts). */
  onRateLimited?: (key: string, waitMs: number) => void;
};

export const WEB_API_TIMEOUT_MS = 10_000;

/**
 * Web API client options: a 10 s deadline per call so a stuck call cannot hold a handler forever,
 * and a few retries with backoff for 5xx and network errors. 429s are the transport's job
 * (rate-limits.ts: Retry-After per method and channel); the client's own handling would pause
 * every call of the process, so a 429 the transport gives up on is an error here, not a pause.
 * With a transport, the transport keeps the deadline and the client's own is off.
 */
export const webClientOptions = (tuning: WebClientTuning): webApi.WebClientOptions => ({
  ...(tuning.apiUrl === undefined ? {} : { slackApiUrl: tuning.apiUrl }),
  fetch: withPerChannelRateLimits(
    tuning.fetch ?? fetch,
    tuning.onRateLimited ? { onLimited: tuning.onRateLimited } : {},
  ),
  timeout: tuning.fetch ? 0 : WEB_API_TIMEOUT_MS,
  rejectRateLimitedCalls: true,
  retryConfig: { retries: tuning.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
});
