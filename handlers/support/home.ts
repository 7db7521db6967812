import type { webApi } from '@slack/bolt';
import { resolveLang } from '../../src/conversation/language.js';
import { detectLang } from '../../src/domain/lang.js';
import { computeTeamStats } from '../../src/domain/team-stats.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';
import { replayForStats, statsFromModels } from '../../src/learning/team-stats-source.js';
import type { Decision, Viewer } from '../../src/store/ports.js';
import { buildHomeView } from '../blocks/home.js';
import { buildHomeTeamSection } from '../blocks/home-team.js';
import type { HandlerDeps } from '../deps.js';

const DAY_MS = 86_400_000;
/** The distribution counts each client once, at its latest decision, among this many recent ones. */
const DISTRIBUTION_WINDOW = 1000;

const latestPerClient = (decisions: Decision[]): Decision[] => {
  const seen = new Map<string, Decision>();
  // `list` is newest first: the first one seen per client is its current type.
  for (const d of decisions) if (!seen.has(d.clientId)) seen.set(d.clientId, d);
  return [...seen.values()];
};

/**
 * What the rules and the team model said of each decision in the window. The app's own team models
 * know what they said (caught up first, so decisions other processes logged count); without them
 * the window is replayed in fresh models, which know nothing from before it.
 */
const statsOfWindow = async (deps: HandlerDeps, oldestFirst: Decision[]) => {
  const models = deps.teamModels;
  if (models === undefined) return replayForStats(oldestFirst, deps.playbook);
  await models
    .catchUp()
    .catch((error: unknown) => deps.logger.warn('team models: catch-up for App Home failed', error));
  return statsFromModels(oldestFirst, models);
};

/** Builds and publishes a user's Home tab from the store. */
export const publishHome = async (
  deps: HandlerDeps,
  client: webApi.WebClient,
  userId: string,
  teamId: string,
  now = new Date(),
): Promise<void> => {
  const viewer: Viewer = { userId, teamId, isAdmin: deps.config.admins.includes(userId) };
  const [settings, workspace, recent, team, changed] = await Promise.all([
    deps.state.getUserSettings(userId),
    deps.state.getWorkspaceSettings(teamId),
    deps.decisions.list({ userId, limit: 10 }, viewer),
    deps.decisions.list({ limit: DISTRIBUTION_WINDOW }, viewer),
    deps.decisions.list({ since: new Date(now.getTime() - 30 * DAY_MS), limit: 200 }, viewer),
  ]);
  const distribution = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, 0])) as Record<RelationshipType, number>;
  for (const d of latestPerClient(team)) distribution[d.type] += 1;
  // Under "auto" with nothing written yet to remember, the newest decision's description decides.
  const lang = resolveLang(settings, '', detectLang(recent[0]?.description ?? ''));
  const view = buildHomeView(
    {
      lang,
      recent,
      distribution,
      changes: changed.filter((d) => d.transition !== undefined),
      settings: { lang: settings.lang, cycle: workspace.cycle },
      isAdmin: viewer.isAdmin,
    },
    deps.playbook,
  );
  if (viewer.isAdmin) {
    // The team lead's view: this workspace's decisions in the window, oldest first.
    const ofTeam = team.filter((d) => d.teamId === teamId).reverse();
    const stats = computeTeamStats(await statsOfWindow(deps, ofTeam), now);
    view.blocks = [...view.blocks, ...buildHomeTeamSection(stats, deps.playbook, lang)].slice(0, 100);
  }
  await client.views.publish({ user_id: userId, view });
};
