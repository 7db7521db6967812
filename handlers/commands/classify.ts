import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../src/domain/messages/messages.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { outcomeMessage } from '../support/reply-in-thread.js';
import { fromSlack } from '../support/slack-context.js';

/** `/classify <text>`: an ephemeral classification card with the same buttons as in threads. */
export const makeClassifyCommand =
  (deps: HandlerDeps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const text = fromSlack(command.text).trim();
    const lang = await deps.conversation.langFor(command.user_id, text).catch(() => 'en' as const);
    if (text === '') {
      await respond({ response_type: 'ephemeral', text: messages(lang).classifyUsage });
      return;
    }
    try {
      // Each command is its own short conversation, so its card can be confirmed or shared later.
      const threadKey = `cmd:${command.team_id}:${command.user_id}:${command.trigger_id}`;
      const outcome = await deps.conversation.handleTurn({
        threadKey,
        teamId: command.team_id,
        userId: command.user_id,
        text,
        forceClassify: true,
      });
      await respond({ response_type: 'ephemeral', ...outcomeMessage(outcome, deps, threadKey) });
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: reportFailure(deps.logger, '/classify', error, lang) });
    }
  };
