import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { resolveLang } from '../../src/conversation/language.js';
import { messages } from '../../src/domain/messages/messages.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { publishHome } from '../support/home.js';

/** Slack shows at most four suggested prompts. */
const MAX_PROMPTS = 4;

/**
 * Home tab: publish the user's dashboard. Messages tab (the agent view): the suggested prompts in
 * the user's language. For agent-view apps this event replaces `assistant_thread_started`, and the
 * prompts are set on the channel alone: with a `thread_ts`, Slack ignores them. Each prompt lands
 * on the intent it promises (a description, a playbook question, help).
 */
export const makeAppHomeOpened =
  (deps: HandlerDeps) =>
  async ({ event, client, context, body }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    const teamId = context.teamId ?? body.team_id;
    try {
      if (event.tab === 'home') {
        await publishHome(deps, client, event.user, teamId);
        return;
      }
      if (event.tab !== 'messages' || !event.channel) return;
      const settings = await deps.state.getUserSettings(event.user);
      // The event carries no text or locale: under "auto" the prompts follow the language the user
      // last wrote in (English for someone who has not written yet).
      const m = messages(resolveLang(settings));
      await client.assistant.threads.setSuggestedPrompts({
        channel_id: event.channel,
        title: m.suggestedPromptsTitle,
        prompts: m.suggestedPrompts.slice(0, MAX_PROMPTS).map((p) => ({ title: p.title, message: p.message })),
      });
    } catch (error) {
      reportFailure(deps.logger, 'app_home_opened', error, 'en');
    }
  };
