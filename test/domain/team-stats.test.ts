import { describe, expect, it } from 'vitest';
import { computeTeamStats, type StatsDecision } from '../../src/domain/team-stats.js';
import type { RelationshipType } from '../../src/domain/types.js';

const NOW = new Date('2026-11-30T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

const decision = (
  age: number,
  suggested: RelationshipType,
  final: RelationshipType,
  extra: Partial<StatsDecision> = {},
) => ({
  createdAt: daysAgo(age),
  suggestedType: suggested,
  type: final,
  llm: false,
  rulesType: suggested,
  teamType: null,
  ...extra,
});

/** A steady team: one override in ten, for 120 days. */
const steady = (): StatsDecision[] =>
  Array.from({ length: 120 }, (_, i) =>
    i % 10 === 0 ? decision(120 - i, 'strategic', 'partnership') : decision(120 - i, 'transactional', 'transactional'),
  );

describe('team stats', () => {
  it('counts overrides by suggested type and by month, agreement and confusion', () => {
    const s = computeTeamStats(
      [
        decision(40, 'strategic', 'strategic', { teamType: 'strategic', llm: true }),
        decision(39, 'strategic', 'partnership', { rulesType: 'partnership', teamType: 'strategic' }),
        decision(5, 'problem_solving', 'problem_solving', { llm: true }),
        decision(4, 'transactional', 'strategic', { llm: true }),
      ],
      NOW,
    );
    expect(s.overrideRate).toEqual({ overrides: 2, total: 4, rate: 0.5 });
    expect(s.bySuggestedType.strategic).toEqual({ overrides: 1, total: 2, rate: 0.5 });
    expect(s.bySuggestedType.partnership.total).toBe(0);
    expect(s.byMonth.map((m) => [m.month, m.overrides, m.total])).toEqual([
      ['2026-10', 1, 2],
      ['2026-11', 1, 2],
    ]);
    expect(s.agreement.rules).toEqual({ agree: 3, total: 4, rate: 0.75 });
    expect(s.agreement.teamModel).toEqual({ agree: 1, total: 2, rate: 0.5 });
    expect(s.agreement.llm).toEqual({ agree: 2, total: 3, rate: 2 / 3 });
    expect(s.confusion.transactional.strategic).toBe(1);
    expect(s.confusion.strategic.partnership).toBe(1);
  });

  it('drift: no signal while the override rate holds its baseline', () => {
    const s = computeTeamStats(steady(), NOW);
    expect(s.drift.spike).toBe(false);
    expect(s.drift.baseline.total).toBeGreaterThan(80);
  });

  it('drift: flags a 30-day override spike and names the most-overridden patterns', () => {
    const spike = [
      ...steady().filter((d) => Date.parse(d.createdAt) < NOW.getTime() - 30 * 86_400_000),
      ...Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? decision(20 - i / 2, 'transactional', 'problem_solving')
          : i % 3 === 0
            ? decision(20 - i / 2, 'partnership', 'strategic')
            : decision(20 - i / 2, 'transactional', 'transactional'),
      ),
    ];
    const s = computeTeamStats(spike, NOW);
    expect(s.drift.recent.rate).toBeGreaterThan(0.5);
    expect(s.drift.spike).toBe(true);
    expect(s.drift.patterns[0]).toEqual({ from: 'transactional', to: 'problem_solving', count: 10 });
    expect(s.drift.patterns[1]).toMatchObject({ from: 'partnership', to: 'strategic' });
  });

  it('drift: a handful of recent decisions is not a spike', () => {
    const few = [
      ...steady().slice(0, 90),
      decision(2, 'strategic', 'partnership'),
      decision(1, 'strategic', 'partnership'),
    ];
    expect(computeTeamStats(few, NOW).drift.spike).toBe(false);
  });
});
