import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { playbookAnswer } from '../blocks/playbook.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { fromSlack } from '../support/slack-context.js';

/** `/playbook [type|keyword]`: an ephemeral playbook card; no argument shows the four types at a glance. */
export const makePlaybookCommand =
  (deps: HandlerDeps) =>
  async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const arg = fromSlack(command.text).trim();
    const lang = await deps.conversation.langFor(command.user_id, arg).catch(() => 'en' as const);
    try {
      await respond({ response_type: 'ephemeral', ...playbookAnswer(deps.playbook, arg, lang) });
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: reportFailure(deps.logger, '/playbook', error, lang) });
    }
  };
