/**
 * Slack rate limits per method and channel. The Web API client's own handling of a 429 pauses
 * its whole request queue for Retry-After, so one busy channel would delay every other channel's
 * replies. This wrapper of the transport takes 429s over instead: it remembers Retry-After for
 * the method and channel that got it (`chat.postMessage` in C1), holds back only later calls to
 * that same method and channel until then, and retries the call itself. Calls for other channels
 * and methods go on at once. Slack's posting limit is per channel, so the channel is the key.
 */

import { sleep } from '../lib/sleep.js';
import type { SlackFetch } from './http-transport.js';

export type RateLimitOptions = {
  /** Retries of one call after a 429 before the 429 is returned to the caller. */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for: the caller gets the 429 at once. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told each time a key is held back: method, channel, wait. */
  onLimited?: (key: string, waitMs: number) => void;
};

const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_MAX_WAIT_MS = 60_000;

/** The Slack method of a Web API URL: `https://slack.com/api/chat.postMessage` → `chat.postMessage`. */
export const methodOf = (url: string): string => url.slice(url.lastIndexOf('/') + 1).split('?')[0] ?? url;

/** The channel a call is about, from a form or JSON body; '' when it names none. */
export const channelOf = (body: unknown): string => {
  if (typeof body !== 'string' || body === '') return '';
  if (body.startsWith('{')) {
    try {
      const parsed = JSON.parse(body) as { channel?: unknown; channel_id?: unknown };
      const channel = parsed.channel ?? parsed.channel_id;
      return typeof channel === 'string' ? channel : '';
    } catch {
      return '';
    }
  }
  const params = new URLSearchParams(body);
  return params.get('channel') ?? params.get('channel_id') ?? '';
};

/** Seconds of a Retry-After header; Slack always sends whole seconds. 1 s when missing or odd. */
const retryAfterMs = (header: string | null): number => {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
};

export const withPerChannelRateLimits = (inner: SlackFetch, options: RateLimitOptions = {}): SlackFetch => {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  /** Key → time before which no call with that key is sent. */
  const heldUntil = new Map<string, number>();

  const waitFor = async (key: string) => {
    for (let until = heldUntil.get(key); until !== undefined && until > now(); until = heldUntil.get(key)) {
      await wait(until - now());
    }
    if ((heldUntil.get(key) ?? 0) <= now()) heldUntil.delete(key);
  };

  const limited = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${methodOf(url)} ${channelOf(init.body)}`;
    for (let attempt = 0; ; attempt++) {
      await waitFor(key);
      const response = await inner(input, init);
      if (response.status !== 429) return response;
      const waitMs = retryAfterMs(response.headers.get('retry-after'));
      heldUntil.set(key, Math.max(heldUntil.get(key) ?? 0, now() + waitMs));
      options.onLimited?.(key, waitMs);
      if (attempt >= maxRetries || waitMs > maxWaitMs) return response;
    }
  };
  return limited as SlackFetch;
};
