import { describe, expect, it } from 'vitest';
import { macroF1OfPresentTypes, scoreCases } from '../../src/domain/eval-metrics.js';

describe('scoreCases', () => {
  it('computes accuracy, per-type metrics, macro-F1 and the confusion matrix', () => {
    const report = scoreCases([
      { id: '1', label: 'strategic', predicted: 'strategic' },
      { id: '2', label: 'strategic', predicted: 'problem_solving' },
      { id: '3', label: 'problem_solving', predicted: 'problem_solving' },
      { id: '4', label: 'transactional', predicted: 'transactional' },
      { id: '5', label: 'partnership', predicted: 'partnership' },
    ]);
    expect(report.accuracy).toBeCloseTo(0.8);
    expect(report.perType.strategic).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(report.perType.problem_solving.precision).toBeCloseTo(0.5);
    expect(report.macroF1).toBeCloseTo((2 / 3 + 1 + 1 + 2 / 3) / 4);
    expect(report.confusion.strategic.problem_solving).toBe(1);
    expect(report.misses.map((m) => m.id)).toEqual(['2']);
  });

  it('treats an empty set and unseen types as zero, not NaN', () => {
    const report = scoreCases([]);
    expect(report.accuracy).toBe(0);
    expect(report.macroF1).toBe(0);
  });
});

describe('macroF1OfPresentTypes', () => {
  it('averages only the types a sample holds or predicts, so a sample without a type is not marked down', () => {
    const perfect = [
      { id: '1', label: 'strategic', predicted: 'strategic' },
      { id: '2', label: 'problem_solving', predicted: 'problem_solving' },
    ] as const;
    expect(scoreCases(perfect).macroF1).toBe(0.5);
    expect(macroF1OfPresentTypes(perfect)).toBe(1);
  });

  it('counts a type that is only predicted, wrongly, as an F1 of zero', () => {
    const cases = [
      { id: '1', label: 'strategic', predicted: 'strategic' },
      { id: '2', label: 'strategic', predicted: 'partnership' },
    ] as const;
    // strategic: precision 1, recall 0.5 → 2/3; partnership: predicted once, never right → 0.
    expect(macroF1OfPresentTypes(cases)).toBeCloseTo((2 / 3 + 0) / 2);
    expect(macroF1OfPresentTypes([])).toBe(0);
  });
});
