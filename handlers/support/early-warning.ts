import type { WebClient } from '@slack/web-api';
import { earlyWarningFor } from '../../src/domain/early-warning.js';
import type { Lang } from '../../src/domain/types.js';
import type { Decision, Viewer } from '../../src/store/ports.js';
import { buildEarlyWarning } from '../blocks/early-warning.js';
import type { HandlerDeps } from '../deps.js';

/**
 * After a decision is logged: posts the early warning to QUADRANT_ALERT_CHANNEL when the client
 * moved into distress (see src/domain/early-warning.ts). Reads the client's history as a viewer
 * with no private access, so only team-visible decisions can shape the alert; a claim in the store
 * makes it once per client per transition, across retries and instances. Never throws.
 */
export const alertOnDistress = async (
  deps: Pick<HandlerDeps, 'config' | 'decisions' | 'state' | 'playbook' | 'logger'>,
  client: Pick<WebClient, 'chat'>,
  decision: Decision,
  lang: Lang,
): Promise<boolean> => {
  const channel = deps.config.alertChannel;
  if (channel === undefined || decision.visibility !== 'team') return false;
  try {
    const team: Viewer = { userId: 'quadrant:early-warning', teamId: decision.teamId, isAdmin: false };
    const history = await deps.decisions.history(decision.clientId, team);
    const warning = earlyWarningFor(history, deps.playbook, decision.teamId);
    if (warning === null || warning.decisionId !== decision.id) return false;
    if (!(await deps.state.claimOnce(warning.key))) return false;
    await client.chat.postMessage({ channel, ...buildEarlyWarning(warning, deps.playbook, lang) });
    return true;
  } catch (error) {
    deps.logger.warn(`early warning not posted: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
};
