import { RELATIONSHIP_TYPES, type RelationshipType } from './types.js';

/**
 * The team lead's view of the decision log: how often the team overrides the suggestion (by
 * suggested type and by month), how often each opinion agreed with the final type, the confusion
 * between suggested and final types, and whether the last 30 days' override rate has risen well
 * above its baseline (drift), with the most-overridden patterns. Pure: callers pass the decisions
 * the viewer may see and, per decision, what the rules and the team model said before it.
 */

export type StatsDecision = {
  createdAt: string;
  suggestedType: RelationshipType;
  type: RelationshipType;
  /** Set when an LLM took part in the suggestion. */
  llm: boolean;
  /** The rules' own type for the description. */
  rulesType: RelationshipType;
  /** The team model's type before it learned this decision, when it had seen the decision. */
  teamType: RelationshipType | null;
};

export type Rate = { overrides: number; total: number; rate: number };
export type Agreement = { agree: number; total: number; rate: number };
export type Drift = {
  recent: Rate;
  baseline: Rate;
  /** True when the recent rate is well above the baseline (see DRIFT_POLICY). */
  spike: boolean;
  /** Most frequent suggested → final changes in the recent window. */
  patterns: Array<{ from: RelationshipType; to: RelationshipType; count: number }>;
};

export type TeamStats = {
  total: number;
  overrideRate: Rate;
  bySuggestedType: Record<RelationshipType, Rate>;
  byMonth: Array<{ month: string } & Rate>;
  agreement: { rules: Agreement; teamModel: Agreement; llm: Agreement };
  /** confusion[suggested][final] */
  confusion: Record<RelationshipType, Record<RelationshipType, number>>;
  drift: Drift;
};

export const DRIFT_POLICY = {
  windowDays: 30,
  /** Fewer recent decisions than this say nothing. */
  minRecent: 10,
  /** The recent rate must exceed the baseline by this much... */
  minRise: 0.1,
  /** ...and by this many standard errors of the recent rate. */
  z: 2,
  patterns: 3,
} as const;

const rateOf = (overrides: number, total: number): Rate => ({
  overrides,
  total,
  rate: total === 0 ? 0 : overrides / total,
});
const agreementOf = (agree: number, total: number): Agreement => ({
  agree,
  total,
  rate: total === 0 ? 0 : agree / total,
});
const zeroRow = (): Record<RelationshipType, number> => ({
  strategic: 0,
  transactional: 0,
  partnership: 0,
  problem_solving: 0,
});

export const computeTeamStats = (decisions: readonly StatsDecision[], now: Date): TeamStats => {
  const overridden = (d: StatsDecision) => d.type !== d.suggestedType;
  const confusion = {
    strategic: zeroRow(),
    transactional: zeroRow(),
    partnership: zeroRow(),
    problem_solving: zeroRow(),
  };
  const months = new Map<string, { o: number; n: number }>();
  let rulesAgree = 0;
  let teamAgree = 0;
  let teamSeen = 0;
  let llmAgree = 0;
  let llmSeen = 0;
  for (const d of decisions) {
    confusion[d.suggestedType][d.type] += 1;
    const month = d.createdAt.slice(0, 7);
    const m = months.get(month) ?? { o: 0, n: 0 };
    months.set(month, { o: m.o + (overridden(d) ? 1 : 0), n: m.n + 1 });
    if (d.rulesType === d.type) rulesAgree++;
    if (d.teamType !== null) {
      teamSeen++;
      if (d.teamType === d.type) teamAgree++;
    }
    if (d.llm) {
      llmSeen++;
      if (d.suggestedType === d.type) llmAgree++;
    }
  }
  const bySuggestedType = Object.fromEntries(
    RELATIONSHIP_TYPES.map((t) => {
      const row = confusion[t];
      const total = RELATIONSHIP_TYPES.reduce((n, f) => n + row[f], 0);
      return [t, rateOf(total - row[t], total)];
    }),
  ) as Record<RelationshipType, Rate>;

  const since = now.getTime() - DRIFT_POLICY.windowDays * 86_400_000;
  const recent = decisions.filter((d) => Date.parse(d.createdAt) >= since);
  const earlier = decisions.filter((d) => Date.parse(d.createdAt) < since);
  const recentRate = rateOf(recent.filter(overridden).length, recent.length);
  const baseline = rateOf(earlier.filter(overridden).length, earlier.length);
  const standardError = Math.sqrt((recentRate.rate * (1 - recentRate.rate)) / Math.max(1, recent.length));
  const spike =
    recent.length >= DRIFT_POLICY.minRecent &&
    earlier.length >= DRIFT_POLICY.minRecent &&
    recentRate.rate - baseline.rate >= Math.max(DRIFT_POLICY.minRise, DRIFT_POLICY.z * standardError);
  const patternCounts = new Map<string, { from: RelationshipType; to: RelationshipType; count: number }>();
  for (const d of recent.filter(overridden)) {
    const key = `${d.suggestedType}>${d.type}`;
    const p = patternCounts.get(key) ?? { from: d.suggestedType, to: d.type, count: 0 };
    p.count += 1;
    patternCounts.set(key, p);
  }
  const patterns = [...patternCounts.values()]
    .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .slice(0, DRIFT_POLICY.patterns);

  return {
    total: decisions.length,
    overrideRate: rateOf(decisions.filter(overridden).length, decisions.length),
    bySuggestedType,
    byMonth: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, m]) => ({ month, ...rateOf(m.o, m.n) })),
    agreement: {
      rules: agreementOf(rulesAgree, decisions.length),
      teamModel: agreementOf(teamAgree, teamSeen),
      llm: agreementOf(llmAgree, llmSeen),
    },
    confusion,
    drift: { recent: recentRate, baseline, spike, patterns },
  };
};
