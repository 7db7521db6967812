import type { ButtonAction } from '@slack/bolt';
import { choicesFor } from '../../src/conversation/follow-up-policy.js';
import type { FollowUpAnswer } from '../../src/conversation/service.js';
import { messages } from '../../src/domain/messages/messages.js';
import { answeredFollowUp, decodeFollowUp, type FollowUpValue } from '../blocks/follow-up.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { ACTIONS } from '../ids.js';
import { cardTargetOf } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { replyInThread } from '../support/reply-in-thread.js';
import { parseJsonOrNull } from '../support/slack-context.js';

/** What the pressed button says: Yes, No, one fixed choice, or "Classify now". */
const answerOf = (actionId: string, value: FollowUpValue): FollowUpAnswer | null => {
  if (actionId === ACTIONS.classifyNow) return null;
  if (value.c !== undefined) return { questionId: value.i, number: value.n, choice: value.c };
  return { questionId: value.i, number: value.n, yes: actionId === ACTIONS.followUpYes };
};

const answerLabel = (actionId: string, value: FollowUpValue, lang: 'zh' | 'en'): string => {
  const m = messages(lang);
  if (actionId === ACTIONS.classifyNow) return m.classifyNow;
  if (value.c !== undefined) return choicesFor(value.i)[value.c]?.label[lang] ?? '';
  return actionId === ACTIONS.followUpYes ? m.yes : m.no;
};

/**
 * Quick replies to a follow-up question (Yes / No / a fixed choice) and "Classify now". The thread
 * gets the next question or the card, and the question message then loses its buttons, showing
 * the answer. A button of a question that is no longer open changes nothing.
 */
export const makeFollowUpAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: ActionArgs<ButtonAction>) => {
    await ack();
    const target = cardTargetOf(body);
    try {
      const value = decodeFollowUp(parseJsonOrNull(action.value));
      const teamId = body.team?.id ?? body.user.team_id ?? 'T0';
      const threadTs = target.threadTs ?? target.messageTs;
      if (!value || !target.channel || !threadTs) throw new Error('follow-up answer outside a thread');
      const answer = answerOf(action.action_id, value);
      const outcome = await replyInThread(deps, client, {
        threadKey: value.k,
        channel: target.channel,
        threadTs,
        teamId,
        userId: body.user.id,
        text: '',
        ...(answer ? { answer } : { forceClassify: { number: value.n } }),
      });
      if (outcome && outcome.kind !== 'stale' && target.messageTs) {
        const label = answerLabel(action.action_id, value, outcome.lang);
        await client.chat.update({
          channel: target.channel,
          ts: target.messageTs,
          ...answeredFollowUp(value.q, label, outcome.lang),
        });
      }
    } catch (error) {
      reportFailure(deps.logger, 'follow-up answer', error, 'en');
    }
  };
