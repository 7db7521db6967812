import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../handlers/blocks/home.js';
import { buildHomeTeamSection } from '../../handlers/blocks/home-team.js';
import { checkBlocks } from '../../playground/emulator/block-limits.js';
import { defaultPlaybook } from '../../src/domain/playbook.js';
import { computeTeamStats, type StatsDecision } from '../../src/domain/team-stats.js';
import type { RelationshipType } from '../../src/domain/types.js';

const playbook = defaultPlaybook();
const NOW = new Date('2026-11-30T12:00:00Z');
const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
const d = (daysAgo: number, suggested: RelationshipType, final: RelationshipType): StatsDecision => ({
  createdAt: at(daysAgo),
  suggestedType: suggested,
  type: final,
  llm: false,
  rulesType: suggested,
  teamType: final,
});

const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('App Home team section', () => {
  it('shows override rates, agreement, the changes, and an override spike with its patterns', () => {
    const log = [
      ...Array.from({ length: 40 }, (_, i) => d(100 - i, 'strategic', 'strategic')),
      ...Array.from({ length: 12 }, (_, i) => d(10 - i / 2, 'transactional', 'problem_solving')),
    ];
    const blocks = buildHomeTeamSection(computeTeamStats(log, NOW), playbook, 'en');
    const text = texts(blocks);
    expect(text).toContain('Team view (admins)');
    expect(text).toContain('Transactional: 100% (12/12)');
    expect(text).toContain('Strategic: 0% (0/40)');
    expect(text).toContain('Overrides are rising');
    expect(text).toContain('Transactional → Problem-solving: 12');
    expect(text).toContain('team model 100%');
    const home = buildHomeView(
      {
        lang: 'en',
        recent: [],
        distribution: { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0 },
        changes: [],
        settings: { lang: 'auto', cycle: 'normal' },
        isAdmin: true,
      },
      playbook,
    );
    expect(checkBlocks([...home.blocks, ...blocks], 'home')).toBeNull();
  });

  it('is calm when overrides hold their baseline, and in Chinese', () => {
    const log = Array.from({ length: 60 }, (_, i) => d(90 - i, 'partnership', 'partnership'));
    const text = texts(buildHomeTeamSection(computeTeamStats(log, NOW), playbook, 'zh'));
    expect(text).toContain('团队视图');
    expect(text).not.toContain('改判率上升');
    expect(text).toContain('近 30 天改判率');
  });
});
