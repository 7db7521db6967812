import type { Logger } from '@slack/bolt';
import { ConversationError } from '../../src/conversation/service.js';
import type { Lang } from '../../src/domain/types.js';
import { correlationId, describeError, failureMessage, QuadrantSlackError } from '../../src/slack/errors.js';

/** Conversation errors mapped onto the Slack layer's failure kinds. */
const normalize = (error: unknown): unknown =>
  error instanceof ConversationError && error.code === 'stale_card'
    ? new QuadrantSlackError('stale_card', error.message)
    : error;

/**
 * Logs a handler failure with a correlation id (never tokens or the user's text) and returns
 * the short localized message to show the user.
 */
export const reportFailure = (logger: Logger, where: string, error: unknown, lang: Lang, channel?: string): string => {
  const ref = correlationId();
  logger.error(`[${ref}] ${where} failed: ${describeError(error)}`);
  return failureMessage(normalize(error), lang, ref, channel);
};
