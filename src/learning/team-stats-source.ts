import type { Playbook } from '../domain/playbook.js';
import { classifyWithRules } from '../domain/rules.js';
import type { StatsDecision } from '../domain/team-stats.js';
import type { Decision, DecisionLog } from '../store/ports.js';
import { createTeamModels, teachable } from './team-models.js';

/**
 * Replays decisions (in the learning feed's order, see `learningFeed`) to say, for each, what the rules and the team model said before
 * it was logged: the input of the team lead's view. The team model is replayed exactly as the app
 * learned it, so a private decision has no team-model opinion (it was never learned).
 */
export const replayForStats = async (
  oldestFirst: AsyncIterable<Decision> | Iterable<Decision>,
  playbook: Playbook,
): Promise<StatsDecision[]> => {
  const models = createTeamModels({ playbook });
  const out: StatsDecision[] = [];
  for await (const d of oldestFirst) {
    const teamType = teachable(d) ? models.model(d.teamId).opinion(d.description).type : null;
    models.observe(d);
    out.push({
      createdAt: d.createdAt,
      suggestedType: d.suggestedType,
      type: d.type,
      llm: d.versions.prompt !== null,
      rulesType: classifyWithRules(d.description).type,
      teamType,
    });
  }
  return out;
};

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
