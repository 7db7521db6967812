import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../src/domain/messages/messages.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { outcomeMessage } from '../support/reply-in-thread.js';
import { fromSlack } from '../support/slack-context.js';

/** Message shortcut "Classify this client": the card for any message (e.g. meeting notes), shown only to the caller. */
export const makeClassifyMessageShortcut =
  (deps: HandlerDeps) =>
  async ({ ack, shortcut, respond }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    await ack();
    const text = fromSlack(shortcut.message.text ?? '').trim();
    const userId = shortcut.user.id;
    const teamId = shortcut.team?.id ?? shortcut.user.team_id ?? 'T0';
    const lang = await deps.conversation.langFor(userId, text).catch(() => 'en' as const);
    if (text === '') {
      await respond({ response_type: 'ephemeral', text: messages(lang).shortcutNoText });
      return;
    }
    try {
      const threadKey = `shortcut:${teamId}:${userId}:${shortcut.trigger_id}`;
      const outcome = await deps.conversation.handleTurn({ threadKey, teamId, userId, text, forceClassify: true });
      await respond({ response_type: 'ephemeral', ...outcomeMessage(outcome, deps, threadKey) });
    } catch (error) {
      await respond({ response_type: 'ephemeral', text: reportFailure(deps.logger, 'classify shortcut', error, lang) });
    }
  };
