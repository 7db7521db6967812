import type { StaticSelectAction } from '@slack/bolt';
import { z } from 'zod';
import { resolveLang } from '../../src/conversation/language.js';
import { messages } from '../../src/domain/messages/messages.js';
import type { ActionArgs, HandlerDeps } from '../deps.js';
import { ACTIONS } from '../ids.js';
import { notifyUser } from '../support/card-target.js';
import { reportFailure } from '../support/failures.js';
import { publishHome } from '../support/home.js';

const langSchema = z.enum(['auto', 'zh', 'en']);
const cycleSchema = z.enum(['normal', 'downturn']);

/** Settings on the Home tab: language per user; economic cycle per workspace, admins only. */
export const makeHomeSettingsAction =
  (deps: HandlerDeps) =>
  async ({ ack, body, action, client }: ActionArgs<StaticSelectAction>) => {
    await ack();
    const userId = body.user.id;
    const teamId = body.team?.id ?? body.user.team_id ?? 'T0';
    try {
      const value = action.selected_option?.value;
      if (action.action_id === ACTIONS.homeLang) {
        const settings = await deps.state.getUserSettings(userId);
        await deps.state.setUserSettings(userId, { ...settings, lang: langSchema.parse(value) });
      } else if (deps.config.admins.includes(userId)) {
        await deps.state.setWorkspaceSettings(teamId, { cycle: cycleSchema.parse(value) });
      } else {
        const settings = await deps.state.getUserSettings(userId);
        await notifyUser(client, userId, messages(resolveLang(settings)).errorAdminOnly);
      }
      await publishHome(deps, client, userId, teamId);
    } catch (error) {
      reportFailure(deps.logger, 'home settings', error, 'en');
    }
  };
