import type { HybridClassification, SimilarDecision } from '../types.js';
import { blendWithTeam } from './blend.js';
import type { TeamOpinion } from './model.js';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Joins the team model's opinion to a classification (rules, or rules + LLM). With weight 0 the
 * classification is unchanged but still records the team model's version and what it thought, so
 * the log can measure it. The distress guard is applied by `blendWithTeam`.
 */
export const applyTeamOpinion = (
  base: HybridClassification,
  opinion: TeamOpinion,
  similar: readonly SimilarDecision[],
): HybridClassification => {
  // The team model speaks only where the base is unsure enough (see TeamSay).
  const weight = base.confidence < opinion.speaksBelow ? opinion.weight : 0;
  const blended = blendWithTeam(base, opinion.distribution, weight);
  const changed = blended.type !== base.type;
  const team = {
    type: opinion.type,
    confidence: round3(opinion.confidence),
    weight,
    decisions: opinion.decisions,
    version: opinion.version,
    changed,
    guarded: blended.guarded,
    similar: weight > 0 ? [...similar] : [],
  };
  const versions = { ...base.versions, teamModel: opinion.version };
  if (weight === 0) return { ...base, versions, team };
  return {
    ...base,
    type: blended.type,
    confidence: round3(blended.confidence),
    secondary: changed ? base.type : base.secondary,
    versions,
    team,
  };
};
