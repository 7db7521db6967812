/**
 * handlers owns the thin Bolt listeners, one per file, and the pure Block Kit builders
 * (handlers/blocks) they post; registerHandlers below wires them to the app.
 *
 * May import: handlers, src/conversation, src/domain, src/learning, src/lib, src/llm, src/slack, src/store, src/config.ts; packages.
 */
import type { App } from '@slack/bolt';
import { createConversationService } from '../src/conversation/service.js';
import { correlationId, describeError } from '../src/slack/errors.js';
import { makeChangeTypeAction } from './actions/change-type.js';
import { makeChooseTypeAction } from './actions/choose-type.js';
import { makeClarifyAction } from './actions/clarify.js';
import { makeConfirmAction } from './actions/confirm.js';
import { makeEditClientAction } from './actions/edit-client.js';
import { makeFollowUpAction } from './actions/follow-up.js';
import { makeOpenPlaybookAction } from './actions/full-playbook.js';
import { makeHomeSettingsAction } from './actions/home-settings.js';
import { makeShareAction } from './actions/share.js';
import { makeShowEvidenceAction } from './actions/show-evidence.js';
import { makeClassifyCommand } from './commands/classify.js';
import { makeClientCommand } from './commands/client.js';
import { makePlaybookCommand } from './commands/playbook.js';
import type { AppDeps, HandlerDeps } from './deps.js';
import { makeAppHomeOpened } from './events/app-home-opened.js';
import { makeAppMention } from './events/app-mention.js';
import { makeDirectMessage } from './events/direct-message.js';
import { ACTIONS, COMMANDS, SHORTCUTS, VIEWS } from './ids.js';
import { makeClassifyMessageShortcut } from './shortcuts/classify-message.js';
import { claimDeliveries } from './support/claim-deliveries.js';
import { makeChangeTypeSubmission } from './views/change-type-reason.js';
import { makeEditClientSubmission } from './views/edit-client.js';
import { makeShareSubmission } from './views/share-card.js';

export type { AppDeps } from './deps.js';

/**
 * Registers every listener on the app; each command, shortcut, event and action in manifest.json
 * has exactly one here. Deliveries are deduplicated in the store before any work (events by
 * `event_id`, other payloads by `trigger_id`), so Slack's retries and replayed payloads never cause
 * a second reply, on any instance.
 */
export const registerHandlers = (app: App, appDeps: AppDeps): HandlerDeps => {
  const deps: HandlerDeps = {
    ...appDeps,
    conversation: createConversationService({
      classifier: appDeps.classifier,
      state: appDeps.state,
      decisions: appDeps.decisions,
      playbook: appDeps.playbook,
      admins: appDeps.config.admins,
    }),
  };

  app.use(claimDeliveries(deps));

  app.event('app_mention', makeAppMention(deps));
  app.event('message', makeDirectMessage(deps));
  app.event('app_home_opened', makeAppHomeOpened(deps));

  app.command(COMMANDS.playbook, makePlaybookCommand(deps));
  app.command(COMMANDS.classify, makeClassifyCommand(deps));
  app.command(COMMANDS.client, makeClientCommand(deps));
  app.shortcut(SHORTCUTS.classifyMessage, makeClassifyMessageShortcut(deps));

  app.action(ACTIONS.confirm, makeConfirmAction(deps));
  app.action(ACTIONS.changeType, makeChangeTypeAction(deps));
  app.action(ACTIONS.share, makeShareAction(deps));
  app.action(ACTIONS.fullPlaybook, makeOpenPlaybookAction(deps));
  app.action(ACTIONS.openType, makeOpenPlaybookAction(deps));
  app.action(ACTIONS.followUpYes, makeFollowUpAction(deps));
  app.action(ACTIONS.followUpNo, makeFollowUpAction(deps));
  app.action(ACTIONS.classifyNow, makeFollowUpAction(deps));
  app.action(new RegExp(`^${ACTIONS.followUpChoice}_\\d+$`), makeFollowUpAction(deps));
  app.action(ACTIONS.showEvidence, makeShowEvidenceAction(deps));
  app.action(ACTIONS.editClient, makeEditClientAction(deps));
  app.action(new RegExp(`^${ACTIONS.chooseType}_[a-z_]+$`), makeChooseTypeAction(deps));
  app.action(ACTIONS.clarifyDescribe, makeClarifyAction(deps));
  app.action(ACTIONS.clarifyPlaybook, makeClarifyAction(deps));
  app.action(ACTIONS.clarifyHelp, makeClarifyAction(deps));
  app.action(ACTIONS.homeLang, makeHomeSettingsAction(deps));
  app.action(ACTIONS.homeCycle, makeHomeSettingsAction(deps));

  app.view(VIEWS.changeTypeReason, makeChangeTypeSubmission(deps));
  app.view(VIEWS.shareCard, makeShareSubmission(deps));
  app.view(VIEWS.editClient, makeEditClientSubmission(deps));

  // Last line of defence: a listener that threw is logged with a correlation id, never crashes the process.
  app.error(async (error) => {
    deps.logger.error(`[${correlationId()}] unhandled listener error: ${describeError(error.original ?? error)}`);
  });
  return deps;
};
