import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../src/i18n/messages.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';
import { publishHome } from '../support/home.js';
import { NO_UNFURL } from '../support/slack-context.js';

/**
 * Home tab: publish the user's dashboard. Messages tab: the first time a user opens it, a
 * short welcome with the suggested prompts (agent threads also get them as clickable prompts
 * on `assistant_thread_started`).
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
      if (!(await deps.state.claimOnce(`welcome:${teamId}:${event.user}`))) return;
      const settings = await deps.state.getUserSettings(event.user);
      const m = messages(settings.lang === 'zh' ? 'zh' : 'en');
      const prompts = m.suggestedPrompts.map((p) => `• *${p.title}*: ${p.message}`).join('\n');
      await client.chat.postMessage({
        channel: event.channel,
        text: `${m.emptyDescription}\n\n*${m.suggestedPromptsTitle}*\n${prompts}`,
        ...NO_UNFURL,
      });
    } catch (error) {
      reportFailure(deps.logger, 'app_home_opened', error, 'en');
    }
  };
