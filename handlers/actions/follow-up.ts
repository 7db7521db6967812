import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../../src/i18n/messages.js';
import { escapeSlack } from '../../src/slack/escape.js';
import type { HandlerDeps } from '../deps.js';
import { ACTIONS } from '../ids.js';
import { cardTargetOf } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { replyInThread } from '../support/reply-in-thread.js';
import { parseJsonOrNull } from '../support/slack-context.js';

const valueSchema = z.object({ k: z.string().min(1), q: z.string() });

/**
 * Quick replies to a follow-up question (Yes / No) and "Classify now" / "直接分类". The question
 * message loses its buttons (showing the answer), then the thread gets the next question or the card.
 */
export const makeFollowUpAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const target = cardTargetOf(body);
    try {
      const value = valueSchema.parse(parseJsonOrNull(action.value));
      const teamId = body.team?.id ?? body.user.team_id ?? 'T0';
      const threadTs = target.threadTs ?? target.messageTs;
      if (!target.channel || !threadTs) throw new Error('follow-up answer outside a thread');
      const lang = await deps.conversation.langFor(body.user.id, value.q);
      const m = messages(lang);
      const answer =
        action.action_id === ACTIONS.followUpYes
          ? m.yes
          : action.action_id === ACTIONS.followUpNo
            ? m.no
            : m.classifyNow;
      if (target.messageTs) {
        await client.chat.update({
          channel: target.channel,
          ts: target.messageTs,
          text: `${escapeSlack(value.q)} → ${answer}`,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(value.q)}*\n→ ${answer}` } }],
        });
      }
      await replyInThread(deps, client, {
        threadKey: value.k,
        channel: target.channel,
        threadTs,
        teamId,
        userId: body.user.id,
        text: '',
        ...(action.action_id === ACTIONS.classifyNow
          ? { forceClassify: true }
          : { answer: { question: value.q, yes: action.action_id === ACTIONS.followUpYes } }),
      });
    } catch (error) {
      reportFailure(deps.logger, 'follow-up answer', error, 'en');
    }
  };
