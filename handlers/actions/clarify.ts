import type { ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../../src/domain/messages/messages.js';
import { answeredFollowUp } from '../blocks/follow-up.js';
import { buildPlaybookGlance } from '../blocks/playbook.js';
import { buildWelcome } from '../blocks/welcome.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { ACTIONS } from '../ids.js';
import { cardTargetOf } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { replyInThread } from '../support/reply-in-thread.js';
import { NO_UNFURL, parseJsonOrNull, threadKeyOf } from '../support/slack-context.js';

const valueSchema = z.object({ t: z.string().max(1500), l: z.enum(['zh', 'en']) });

/**
 * The answer to "is this about a client?": classify the words as a description, show the
 * playbook, or say what Quadrant does. The question then loses its buttons.
 */
export const makeClarifyAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client, context }: ActionArgs<ButtonAction>) => {
    await ack();
    const target = cardTargetOf(body);
    try {
      const value = valueSchema.parse(parseJsonOrNull(action.value));
      const teamId = context.teamId ?? body.team?.id ?? 'T0';
      const threadTs = target.threadTs ?? target.messageTs;
      if (!target.channel || !threadTs) throw new Error('clarify answer outside a thread');
      if (target.messageTs) {
        const m = messages(value.l);
        const label =
          action.action_id === ACTIONS.clarifyDescribe
            ? m.clarifyDescribe
            : action.action_id === ACTIONS.clarifyPlaybook
              ? m.clarifyPlaybook
              : m.clarifyHelp;
        const answered = answeredFollowUp(m.clarifyQuestion(value.t), label, value.l);
        await client.chat.update({ channel: target.channel, ts: target.messageTs, ...answered }).catch(() => undefined);
      }
      if (action.action_id === ACTIONS.clarifyDescribe) {
        await replyInThread(deps, client, {
          threadKey: threadKeyOf(teamId, target.channel, threadTs),
          channel: target.channel,
          threadTs,
          teamId,
          userId: body.user.id,
          text: value.t,
          intent: 'description',
        });
        return;
      }
      const message =
        action.action_id === ACTIONS.clarifyPlaybook
          ? buildPlaybookGlance(deps.playbook, value.l)
          : buildWelcome(deps.playbook, value.l);
      await client.chat.postMessage({ channel: target.channel, thread_ts: threadTs, ...message, ...NO_UNFURL });
    } catch (error) {
      reportFailure(deps.logger, 'clarify answer', error, 'en');
    }
  };
