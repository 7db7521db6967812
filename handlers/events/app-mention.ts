import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { HandlerDeps } from '../deps.js';
import { replyInThread } from '../support/reply-in-thread.js';
import { fromSlack, stripBotMention, threadKeyOf } from '../support/slack-context.js';

/** `@Quadrant …` in a channel: answer in that message's thread (a new one, or the one it sits in). */
export const makeAppMention =
  (deps: HandlerDeps) =>
  async ({ event, client, context, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    if (!event.user || event.bot_id) return;
    const teamId = context.teamId ?? body.team_id;
    const threadTs = event.thread_ts ?? event.ts;
    await replyInThread(deps, client, {
      threadKey: threadKeyOf(teamId, event.channel, threadTs),
      channel: event.channel,
      threadTs,
      teamId,
      userId: event.user,
      text: fromSlack(stripBotMention(event.text, context.botUserId)),
    });
  };
