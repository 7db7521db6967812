import { describe, expect, it } from 'vitest';
import { actionIds, defaultPlaybook } from '../../src/domain/playbook.js';
import { MAX_RECOMMENDATIONS, MIN_RECOMMENDATIONS, recommendActions } from '../../src/domain/recommender.js';
import { RELATIONSHIP_TYPES, type RelationshipType, type Signal } from '../../src/domain/types.js';

const playbook = defaultPlaybook();
const signal = (type: RelationshipType, text: string): Signal => ({
  id: `${type}.x`,
  type,
  category: 'segment',
  weight: 2,
  text,
  start: 0,
  end: text.length,
});
const input = (
  type: RelationshipType,
  over: Partial<{ secondary: RelationshipType | null; confidence: number }> = {},
) => ({
  type,
  secondary: over.secondary ?? null,
  confidence: over.confidence ?? 0.8,
  signals: [signal(type, '证据')],
});

describe('recommendActions', () => {
  it('returns 3 to 6 existing playbook actions for every type, cycle and transition', () => {
    const known = new Set(actionIds(playbook));
    for (const type of RELATIONSHIP_TYPES) {
      for (const cycle of ['normal', 'downturn'] as const) {
        for (const previousType of [null, ...RELATIONSHIP_TYPES]) {
          for (const secondary of [null, ...RELATIONSHIP_TYPES]) {
            const recs = recommendActions(input(type, { secondary, confidence: 0.4 }), playbook, {
              cycle,
              previousType,
            });
            expect(recs.length).toBeGreaterThanOrEqual(MIN_RECOMMENDATIONS);
            expect(recs.length).toBeLessThanOrEqual(MAX_RECOMMENDATIONS);
            for (const r of recs) expect(known.has(r.id)).toBe(true);
            expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
          }
        }
      }
    }
  });

  it("leads with the primary type's strategies and cites the evidence", () => {
    const recs = recommendActions(input('strategic'), playbook, { cycle: 'normal' });
    expect(recs.slice(0, 3).map((r) => r.id)).toEqual([
      'strategic.dedicated-team',
      'strategic.strategy-review',
      'strategic.value-added-services',
    ]);
    expect(recs[0]?.why.zh).toContain('“证据”');
    expect(recs.map((r) => r.id)).toContain('practice.culture-fit');
  });

  it('rests the strategies of a type the RM chose on that choice, not on words that argued for another type', () => {
    const weakWord = signal('transactional', '一笔');
    const chosen = { type: 'transactional' as const, secondary: null, confidence: 0.68, signals: [weakWord] };
    const recs = recommendActions(chosen, playbook, { cycle: 'normal', chosenByManager: true });
    const core = recs.filter((r) => r.id.startsWith('transactional.'));
    expect(core.length).toBeGreaterThan(0);
    for (const r of core) {
      expect(r.why.zh).not.toContain('一笔');
      expect(r.why.zh).toContain('客户经理调整');
      expect(r.why.en).toContain('the RM chose');
    }
    // Without the choice, the same words are the cited evidence.
    expect(recommendActions(chosen, playbook, { cycle: 'normal' })[0]?.why.zh).toContain('“一笔”');
  });

  it('adds transition actions first when the type changed from strategic to problem_solving', () => {
    const recs = recommendActions(input('problem_solving'), playbook, { cycle: 'normal', previousType: 'strategic' });
    expect(recs[0]?.id).toBe('problem_solving.risk-team');
    expect(recs.map((r) => r.id)).toContain('practice.dynamic-adjustment');
    const same = recommendActions(input('problem_solving'), playbook, {
      cycle: 'normal',
      previousType: 'problem_solving',
    });
    expect(same.map((r) => r.id)).not.toContain('practice.dynamic-adjustment');
  });

  it('gives partnership clients risk-management support only in a downturn', () => {
    const normal = recommendActions(input('partnership'), playbook, { cycle: 'normal' }).map((r) => r.id);
    const downturn = recommendActions(input('partnership'), playbook, { cycle: 'downturn' }).map((r) => r.id);
    expect(normal).not.toContain('practice.downturn-risk-support');
    expect(downturn).toContain('practice.downturn-risk-support');
  });

  it('suggests segmentation only when the classifier is unsure, and the secondary type when there is one', () => {
    const sure = recommendActions(input('transactional', { confidence: 0.9 }), playbook, { cycle: 'normal' }).map(
      (r) => r.id,
    );
    const unsure = recommendActions(input('transactional', { confidence: 0.4, secondary: 'partnership' }), playbook, {
      cycle: 'normal',
    }).map((r) => r.id);
    expect(sure).not.toContain('practice.segmentation');
    expect(unsure).toContain('practice.segmentation');
    expect(unsure).toContain('partnership.brand-building');
    expect(sure).toContain('practice.tech-enablement');
  });

  it('moves the LLM-preferred action first among the primary strategies', () => {
    const recs = recommendActions(input('partnership'), playbook, {
      cycle: 'normal',
      preferredIds: ['partnership.client-salons'],
    });
    expect(recs[0]?.id).toBe('partnership.client-salons');
  });
});
