import type { ServerResponse } from 'node:http';
import { sendJson } from '../../src/lib/http.js';

/** What the next call of a method does instead of succeeding: 429 with Retry-After, 500, a Slack error, or a delay. */
export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string } | { delayMs: number };

export type FailureInjection = {
  /** Queues a failure for the next call of `method`; failures of one method come out in order. */
  failNext(method: string, failure: Failure): void;
  /**
   * Fails calls about one channel (their `channel` or `channel_id`), optionally of one method only
   * and a number of times (every time by default), while other channels are served.
   */
  failChannel(channel: string, failure: Failure, options?: { method?: string; times?: number }): void;
  /** Ends every queued and per-channel failure. */
  clear(): void;
  /**
   * The failure for this call, if any: a per-channel one first, else the method's queued one.
   * Synchronous on purpose: a call with no failure runs its method in the same tick it was
   * recorded in, so whoever waits for the call sees its effects.
   */
  take(method: string, channel?: string): Failure | undefined;
};

export const createFailureInjection = (): FailureInjection => {
  const failures = new Map<string, Failure[]>();
  const channelRules: Array<{ channel: string; method: string | undefined; failure: Failure; left: number }> = [];
  return {
    failNext: (method, failure) => {
      const queue = failures.get(method) ?? [];
      queue.push(failure);
      failures.set(method, queue);
    },
    failChannel: (channel, failure, options = {}) => {
      channelRules.push({ channel, method: options.method, failure, left: options.times ?? Number.POSITIVE_INFINITY });
    },
    clear: () => {
      failures.clear();
      channelRules.length = 0;
    },
    take: (method, channel) => {
      const rule = channelRules.find(
        (r) => r.channel === channel && r.left > 0 && (r.method === undefined || r.method === method),
      );
      if (rule) {
        rule.left -= 1;
        return rule.failure;
      }
      return failures.get(method)?.shift();
    },
  };
};

/** Answers a call with its injected failure (a delay is not an answer: the caller waits, then proceeds). */
export const answerFailure = (failure: Exclude<Failure, { delayMs: number }>, res: ServerResponse): void => {
  if ('error' in failure) sendJson(res, 200, { ok: false, error: failure.error });
  else if (failure.status === 429) {
    sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
  } else {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Internal Server Error');
  }
};
