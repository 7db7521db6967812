import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../src/i18n/messages.js';
import type { HandlerDeps } from '../deps.js';
import { reportFailure } from '../support/failures.js';

/** A new thread in the agent view: offer up to four suggested prompts in the user's language. */
export const makeAssistantThreadStarted =
  (deps: HandlerDeps) =>
  async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'assistant_thread_started'>) => {
    const thread = event.assistant_thread;
    try {
      const settings = await deps.state.getUserSettings(thread.user_id);
      const m = messages(settings.lang === 'zh' ? 'zh' : 'en');
      await client.assistant.threads.setSuggestedPrompts({
        channel_id: thread.channel_id,
        thread_ts: thread.thread_ts,
        title: m.suggestedPromptsTitle,
        prompts: m.suggestedPrompts.slice(0, 4).map((p) => ({ title: p.title, message: p.message })),
      });
    } catch (error) {
      reportFailure(deps.logger, 'assistant_thread_started', error, 'en');
    }
  };
