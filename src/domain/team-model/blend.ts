import { activeDistressSignals } from '../combiner.js';
import { type Classification, RELATIONSHIP_TYPES, type RelationshipType } from '../types.js';
import type { Distribution } from './naive-bayes.js';

/**
 * How the team model's opinion joins a classification: a linear mixture of the two distributions,
 * `(1 − w) · base + w · team`, where `w` is the weight the team model earned on the log (see
 * TeamModel). The distress guard applies as it does to the LLM: when the base says
 * `problem_solving` on current, non-negated distress, the team model cannot move the client to
 * another type (it has no quote to offer against the distress).
 */

/** Share spread over the other types in proportion to their scores, plus a floor so none is zero. */
const SCORE_FLOOR = 0.1;

/** A classification's confidence as a distribution: its type gets the confidence, the rest share the remainder. */
export const distributionOf = (c: Pick<Classification, 'type' | 'confidence' | 'scores'>): Distribution => {
  const confidence = Math.min(1, Math.max(0, c.confidence));
  const others = RELATIONSHIP_TYPES.filter((t) => t !== c.type);
  const mass = others.reduce((sum, t) => sum + Math.max(0, c.scores[t]) + SCORE_FLOOR, 0);
  const out = { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0 };
  out[c.type] = confidence;
  for (const t of others) out[t] = ((1 - confidence) * (Math.max(0, c.scores[t]) + SCORE_FLOOR)) / mass;
  return out;
};

export type Blended = {
  type: RelationshipType;
  /** The mixture's probability of `type`. */
  confidence: number;
  distribution: Distribution;
  /** True when the team model would have moved the type but the distress guard kept it. */
  guarded: boolean;
};

const argmax = (d: Distribution): RelationshipType => {
  let best: RelationshipType = 'strategic';
  for (const t of RELATIONSHIP_TYPES) if (d[t] > d[best]) best = t;
  return best;
};

/** True when the base classification stands on current distress the team model may not overrule. */
export const distressLocked = (base: Classification): boolean =>
  base.type === 'problem_solving' && activeDistressSignals(base).length > 0;

export const blendWithTeam = (base: Classification, team: Distribution, weight: number): Blended => {
  const w = Math.min(1, Math.max(0, weight));
  const from = distributionOf(base);
  if (w === 0) return { type: base.type, confidence: from[base.type], distribution: from, guarded: false };
  const mixed = { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0 };
  for (const t of RELATIONSHIP_TYPES) mixed[t] = (1 - w) * from[t] + w * team[t];
  // Ties keep the base type: the rules are deterministic and cite their evidence.
  const top = argmax(mixed);
  const winner = mixed[top] > mixed[base.type] ? top : base.type;
  if (winner !== base.type && distressLocked(base)) {
    return { type: base.type, confidence: mixed[base.type], distribution: mixed, guarded: true };
  }
  return { type: winner, confidence: mixed[winner], distribution: mixed, guarded: false };
};
