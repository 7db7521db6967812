import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { normalizeClientId } from '../../src/domain/client-id.js';
import { messages } from '../../src/domain/messages/messages.js';
import { buildClientTimeline } from '../blocks/client-timeline.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { fromSlack } from '../support/slack-context.js';

/** `/client <name>`: the decision history the caller may see, as a timeline. */
export const makeClientCommand =
  (deps: HandlerDeps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const name = fromSlack(command.text).trim();
    const lang = await deps.conversation.langFor(command.user_id, name).catch(() => 'en' as const);
    if (name === '') {
      await respond({ response_type: 'ephemeral', text: messages(lang).clientUsage });
      return;
    }
    try {
      const viewer = {
        userId: command.user_id,
        teamId: command.team_id,
        isAdmin: deps.config.admins.includes(command.user_id),
      };
      const history = await deps.decisions.history(normalizeClientId(name), viewer);
      await respond({ response_type: 'ephemeral', ...buildClientTimeline(name, history, deps.playbook, lang) });
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: reportFailure(deps.logger, '/client', error, lang) });
    }
  };
