import type { Logger } from '@slack/bolt';
import { describeError } from './errors.js';

export type BotIdentity = { botUserId: string; botId: string };

/**
 * The bot's identity from `auth.test`, retried with backoff (1 s doubling to 30 s) while the app
 * keeps serving: a Slack outage or a proxy still starting at boot delays readiness instead of
 * stopping the process. Events that arrive meanwhile wait for it.
 */
export type IdentityCheck = {
  identity(): Promise<BotIdentity>;
  /** True once auth.test succeeded. */
  verified(): boolean;
  /** Why it has not yet (a Slack error code or a network error), for /readyz. */
  lastError(): string | undefined;
  start(): void;
  stop(): void;
};

export const knownIdentity = (identity: BotIdentity): IdentityCheck => ({
  identity: async () => identity,
  verified: () => true,
  lastError: () => undefined,
  start: () => {},
  stop: () => {},
});

export const checkIdentity = (
  authTest: () => Promise<{ user_id?: string; bot_id?: string }>,
  logger: Logger,
  backoff: { firstMs: number; maxMs: number } = { firstMs: 1_000, maxMs: 30_000 },
): IdentityCheck => {
  let verified = false;
  let stopped = false;
  let lastError: string | undefined = 'auth.test not done yet';
  let timer: NodeJS.Timeout | undefined;
  let resolve: (identity: BotIdentity) => void = () => {};
  const identity = new Promise<BotIdentity>((r) => {
    resolve = r;
  });
  let started = false;
  const attempt = async (waitMs: number): Promise<void> => {
    if (stopped) return;
    try {
      const answer = await authTest();
      verified = true;
      lastError = undefined;
      resolve({ botUserId: answer.user_id ?? '', botId: answer.bot_id ?? '' });
      logger.info('Slack auth.test succeeded');
    } catch (error) {
      lastError = describeError(error).slice(0, 200);
      logger.warn(`Slack auth.test failed (${lastError}); retrying in ${Math.round(waitMs / 1000)} s`);
      if (stopped) return;
      timer = setTimeout(() => void attempt(Math.min(waitMs * 2, backoff.maxMs)), waitMs);
      timer.unref();
    }
  };
  return {
    identity: () => identity,
    verified: () => verified,
    lastError: () => lastError,
    start: () => {
      if (started) return;
      started = true;
      void attempt(backoff.firstMs);
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
