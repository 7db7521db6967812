import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { HandlerDeps } from '../deps.js';
import { replyToMessage } from '../support/reply-in-thread.js';

/** `@Quadrant …` in a channel: answer in that message's thread (a new one, or the one it sits in). */
export const makeAppMention =
  (deps: HandlerDeps) =>
  async ({ event, client, context, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    if (!event.user || event.bot_id) return;
    const app = { teamId: context.teamId ?? body.team_id, botUserId: context.botUserId };
    await replyToMessage(deps, client, app, { ...event, user: event.user });
  };
