import type { Rate, TeamStats } from '../domain/team-stats.js';
import { RELATIONSHIP_TYPES } from '../domain/types.js';

const pct = (r: { rate: number; total: number }) =>
  r.total === 0 ? '   -' : `${Math.round(r.rate * 100)}%`.padStart(4);
const rate = (r: Rate) => `${pct(r)} (${r.overrides}/${r.total})`;

/** The team lead's view, as printed by `quadrant log stats`. */
export const formatTeamStats = (s: TeamStats): string[] => {
  const lines = [
    `override rate: ${rate(s.overrideRate)}`,
    'override rate by suggested type:',
    ...RELATIONSHIP_TYPES.map((t) => `  ${t.padEnd(16)} ${rate(s.bySuggestedType[t])}`),
    'override rate by month:',
    ...(s.byMonth.length === 0 ? ['  (none)'] : s.byMonth.map((m) => `  ${m.month}  ${rate(m)}`)),
    'agreement with the final type:',
    `  rules            ${pct(s.agreement.rules)} (${s.agreement.rules.agree}/${s.agreement.rules.total})`,
    `  team model       ${pct(s.agreement.teamModel)} (${s.agreement.teamModel.agree}/${s.agreement.teamModel.total})`,
    `  with the LLM     ${pct(s.agreement.llm)} (${s.agreement.llm.agree}/${s.agreement.llm.total})`,
    'confusion (rows: suggested, columns: final):',
    `${''.padEnd(18)}${RELATIONSHIP_TYPES.map((t) => t.slice(0, 12).padStart(14)).join('')}`,
    ...RELATIONSHIP_TYPES.map(
      (from) =>
        `  ${from.padEnd(16)}${RELATIONSHIP_TYPES.map((to) => String(s.confusion[from][to]).padStart(14)).join('')}`,
    ),
    `last 30 days: override rate ${rate(s.drift.recent)} against ${rate(s.drift.baseline)} before${s.drift.spike ? '  ⚠ well above its baseline' : ''}`,
  ];
  if (s.drift.spike) lines.push(...s.drift.patterns.map((p) => `  most overridden: ${p.from} → ${p.to} (${p.count})`));
  return lines;
};
