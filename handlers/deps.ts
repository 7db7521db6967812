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
};

/** What each listener factory receives: the deps plus the conversation service built on them. */
export type HandlerDeps = AppDeps & { conversation: ConversationService };

/** What Bolt passes a block action listener. */
export type ActionArgs<A extends ButtonAction | StaticSelectAction> = AllMiddlewareArgs &
  SlackActionMiddlewareArgs<BlockAction<A>>;
