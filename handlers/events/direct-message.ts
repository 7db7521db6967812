import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { HandlerDeps } from '../deps.js';
import { replyToMessage } from '../support/reply-in-thread.js';

/**
 * A message in the bot's DM (the messages tab / agent view). Edits, joins and bot messages
 * carry a subtype or bot_id and are ignored; channel messages never reach here because the app
 * subscribes to `message.im` only.
 */
export const makeDirectMessage =
  (deps: HandlerDeps) =>
  async ({ event, client, context, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    if (!('user' in event) || typeof event.user !== 'string' || typeof event.text !== 'string') return;
    const app = { teamId: context.teamId ?? body.team_id, botUserId: context.botUserId };
    await replyToMessage(deps, client, app, { ...event, user: event.user, text: event.text });
  };
