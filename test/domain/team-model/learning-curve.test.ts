import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../src/domain/playbook.js';
import { classifyWithRules } from '../../../src/domain/rules.js';
import { learningCurve, seededShuffle } from '../../../src/domain/team-model/learning-curve.js';
import { TeamModel } from '../../../src/domain/team-model/model.js';
import { seedExamples } from '../../../src/domain/team-model/seed-prior.js';
import { jargonCases } from './jargon-corpus.js';

const seed = seedExamples(defaultPlaybook());
const options = { rules: classifyWithRules, newModel: () => new TeamModel({ rules: classifyWithRules, seed }) };

describe('learningCurve', () => {
  it('shuffles with a seed: same seed, same order; another seed, another order; nothing lost', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect(seededShuffle(items, 7)).toEqual(seededShuffle(items, 7));
    expect(seededShuffle(items, 7)).not.toEqual(seededShuffle(items, 8));
    expect([...seededShuffle(items, 7)].sort((a, b) => a - b)).toEqual(items);
  });

  it('rises on a team whose language the rules do not know, and starts at rules-only', () => {
    const curve = learningCurve(jargonCases(200), { ...options, folds: 5 });
    expect(curve.points.map((p) => p.decisions)).toEqual([0, 10, 25, 50, 100, 160]);
    expect(curve.points[0]?.macroF1).toBe(curve.rulesOnly);
    const all = curve.points.at(-1)?.macroF1 ?? 0;
    expect(all).toBeGreaterThan(curve.rulesOnly + 0.15);
    // Silent before minDecisions; the say limited to the rules' unsure zone proves itself within 50.
    expect(curve.points[2]?.macroF1).toBe(curve.rulesOnly);
    expect(curve.points[3]?.macroF1).toBeGreaterThan(curve.rulesOnly + 0.1);
    for (const p of curve.points) expect(p.macroF1).toBeGreaterThanOrEqual(curve.rulesOnly - 0.01);
  });

  it('never costs more than 0.01 at any point, whatever the shuffle', () => {
    for (const seed of [2, 3, 4, 5]) {
      const curve = learningCurve(jargonCases(200), { ...options, folds: 5, seed });
      for (const p of curve.points) expect(p.macroF1).toBeGreaterThanOrEqual(curve.rulesOnly - 0.01);
      expect(curve.points.at(-1)?.macroF1 ?? 0).toBeGreaterThan(curve.rulesOnly + 0.15);
    }
  });

  it('scores each fold over the types it holds: rules that are right on every case score 1, not 0.75', () => {
    // Eight cases in four folds of two: no fold holds all four types.
    const cases = jargonCases(200)
      .filter((c) => classifyWithRules(c.text).type === c.label)
      .slice(0, 8);
    expect(cases).toHaveLength(8);
    const curve = learningCurve(cases, { ...options, folds: 4 });
    expect(curve.rulesOnly).toBe(1);
    for (const p of curve.points) expect(p.macroF1).toBe(1);
  });

  it('drops checkpoints that no fold reaches and honours the fold count', () => {
    const curve = learningCurve(jargonCases(40), { ...options, folds: 4 });
    expect(curve.folds).toBe(4);
    expect(curve.points.map((p) => p.decisions)).toEqual([0, 10, 25, 30]);
  });

  it('is deterministic', () => {
    const cases = jargonCases(60);
    expect(learningCurve(cases, options)).toEqual(learningCurve(cases, options));
  });
});
