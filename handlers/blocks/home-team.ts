import { messages } from '../../src/domain/messages/messages.js';
import { type Playbook, typeProfile } from '../../src/domain/playbook.js';
import type { Rate, TeamStats } from '../../src/domain/team-stats.js';
import { type Lang, RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';
import { type Block, context, divider, header, section } from './kit.js';

const pct = (r: { rate: number; total: number }) => (r.total === 0 ? '–' : `${Math.round(r.rate * 100)}%`);
const rate = (r: Rate) => `${pct(r)} (${r.overrides}/${r.total})`;

/** The App Home team section for QUADRANT_ADMINS: override rates, agreement, confusion and drift. */
export const buildHomeTeamSection = (stats: TeamStats, playbook: Playbook, lang: Lang): Block[] => {
  const t = messages(lang).homeTeam;
  const name = (type: RelationshipType) => typeProfile(playbook, type).shortName[lang];
  const blocks: Block[] = [divider(), header(t.title)];
  if (stats.total === 0) return [...blocks, section(t.none)];
  blocks.push(
    section(
      `*${t.overrides}*\n${RELATIONSHIP_TYPES.map((type) => `${name(type)}: ${rate(stats.bySuggestedType[type])}`).join('\n')}`,
    ),
    section(
      `*${t.months}*\n${stats.byMonth
        .slice(-6)
        .map((m) => `${m.month}: ${rate(m)}`)
        .join('\n')}`,
    ),
    context(t.agreement(pct(stats.agreement.rules), pct(stats.agreement.teamModel), pct(stats.agreement.llm))),
  );
  const changes = RELATIONSHIP_TYPES.flatMap((from) =>
    RELATIONSHIP_TYPES.filter((to) => to !== from && stats.confusion[from][to] > 0).map(
      (to) => `${name(from)} → ${name(to)}: ${stats.confusion[from][to]}`,
    ),
  );
  if (changes.length > 0) blocks.push(section(`*${t.confusion}*\n${changes.join('\n')}`));
  const { drift } = stats;
  blocks.push(
    drift.spike
      ? section(
          `${t.spike(rate(drift.recent), rate(drift.baseline))}\n${drift.patterns.map((p) => `• ${name(p.from)} → ${name(p.to)}: ${p.count}`).join('\n')}`,
        )
      : context(t.steady(rate(drift.recent), rate(drift.baseline))),
  );
  return blocks;
};
