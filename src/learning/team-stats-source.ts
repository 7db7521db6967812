import type { Playbook } from '../domain/playbook.js';
import { classifyWithRules } from '../domain/rules.js';
import type { StatsDecision } from '../domain/team-stats.js';
import type { RelationshipType } from '../domain/types.js';
import type { Decision, DecisionLog } from '../store/ports.js';
import { createTeamModels, type TeamModels } from './team-models.js';

/** One decision of the team lead's view, with what the team model alone said before it was learned. */
const statsDecisionOf = (d: Decision, teamType: RelationshipType | null): StatsDecision => ({
  createdAt: d.createdAt,
  suggestedType: d.suggestedType,
  type: d.type,
  llm: d.versions.prompt !== null,
  rulesType: classifyWithRules(d.description).type,
  teamType,
});

/**
 * Replays decisions in the learning feed's order (see `learningFeed`) to say, for each, what the rules and the
 * team model said before it was logged: the input of the team lead's view. The team model is replayed exactly as the app
 * learned it, so a private decision has no team-model opinion (it was never learned).
 */
export const replayForStats = async (
  oldestFirst: AsyncIterable<Decision> | Iterable<Decision>,
  playbook: Playbook,
): Promise<StatsDecision[]> => {
  const models = createTeamModels({ playbook });
  const out: StatsDecision[] = [];
  for await (const d of oldestFirst) {
    models.observe(d);
    out.push(statsDecisionOf(d, models.opinionBefore(d)));
  }
  return out;
};

/**
 * The team lead's view from the app's own team models, which learned the whole feed: what the team
 * model said of each decision is what it really said, however far back its learning goes, with no
 * replay. A private decision has no team-model opinion.
 */
export const statsFromModels = (
  oldestFirst: readonly Decision[],
  models: Pick<TeamModels, 'opinionBefore'>,
): StatsDecision[] => oldestFirst.map((d) => statsDecisionOf(d, models.opinionBefore(d)));

const FEED_PAGE = 500;

/**
 * The learning feed from its start, page by page: the order the app's team models learned the
 * decisions in. A private decision shared later is learned where it was shared, not where it was
 * logged, so a replay in this order says what the team model really said before each decision.
 */
export async function* learningFeed(log: Pick<DecisionLog, 'feed'>): AsyncIterable<Decision> {
  let cursor = 0;
  for (;;) {
    const page = await log.feed(cursor, FEED_PAGE);
    if (page.decisions.length === 0 || page.cursor === cursor) return;
    yield* page.decisions;
    cursor = page.cursor;
  }
}
