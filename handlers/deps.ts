import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  Logger,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { Config } from '../src/config.js';
import type { ConversationService } from '../src/conversation/service.js';
import type { Playbook } from '../src/domain/playbook.js';
import type { TeamModels } from '../src/learning/team-models.js';
import type { TeamSync } from '../src/learning/team-sync.js';
import type { Classifier } from '../src/llm/port.js';
import type { DecisionLog, StateStore } from '../src/store/ports.js';

/** What the Slack app is built from; main.ts (or a test) assembles it. No globals. */
export type AppDeps = {
  /** `alertChannel`: QUADRANT_ALERT_CHANNEL, where early warnings go (none when absent). */
  config: Pick<Config, 'admins'> & { alertChannel?: string | undefined };
  playbook: Playbook;
  classifier: Classifier;
  decisions: DecisionLog;
  state: StateStore;
  logger: Logger;
  /**
   * The app's team models, for the team lead's view: what the team model said of each decision.
   * Without them (a test's app), the view replays its window in fresh models.
   */
  teamModels?: Pick<TeamModels, 'opinionBefore'> & Pick<TeamSync, 'catchUp'>;
};

/** What each listener factory receives: the deps plus the conversation service built on them. */
export type HandlerDeps = AppDeps & { conversation: ConversationService };

/** What Bolt passes a block action listener. */
export type ActionArgs<A extends ButtonAction | StaticSelectAction> = AllMiddlewareArgs &
  SlackActionMiddlewareArgs<BlockAction<A>>;
