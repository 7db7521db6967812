import type { Playbook } from '../domain/playbook.js';
import { classifyWithRules } from '../domain/rules.js';
import type { StatsDecision } from '../domain/team-stats.js';
import type { Decision } from '../store/ports.js';
import { createTeamModels, teachable } from './team-models.js';

/**
 * Replays decisions (oldest first) to say, for each, what the rules and the team model said before
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
