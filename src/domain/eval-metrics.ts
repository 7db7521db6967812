import { RELATIONSHIP_TYPES, type RelationshipType } from './types.js';

export type ScoredCase = { id: string; label: RelationshipType; predicted: RelationshipType };

export type TypeMetrics = { precision: number; recall: number; f1: number; support: number };

export type EvalReport = {
  total: number;
  accuracy: number;
  macroF1: number;
  perType: Record<RelationshipType, TypeMetrics>;
  /** confusion[label][predicted] = count */
  confusion: Record<RelationshipType, Record<RelationshipType, number>>;
  misses: ScoredCase[];
};

const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);

const zeroRow = (): Record<RelationshipType, number> => ({
  strategic: 0,
  transactional: 0,
  partnership: 0,
  problem_solving: 0,
});

/**
 * Accuracy, per-type precision/recall/F1, macro-F1 (unweighted mean over the four types)
 * and the confusion matrix for labelled predictions.
 */
export const scoreCases = (cases: readonly ScoredCase[]): EvalReport => {
  const confusion = {
    strategic: zeroRow(),
    transactional: zeroRow(),
    partnership: zeroRow(),
    problem_solving: zeroRow(),
  };
  for (const c of cases) confusion[c.label][c.predicted] += 1;
  const perType = {} as Record<RelationshipType, TypeMetrics>;
  for (const type of RELATIONSHIP_TYPES) {
    const truePositive = confusion[type][type];
    const predictedAs = RELATIONSHIP_TYPES.reduce((sum, label) => sum + confusion[label][type], 0);
    const support = RELATIONSHIP_TYPES.reduce((sum, predicted) => sum + confusion[type][predicted], 0);
    const precision = ratio(truePositive, predictedAs);
    const recall = ratio(truePositive, support);
    perType[type] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  }
  const correct = cases.filter((c) => c.label === c.predicted).length;
  return {
    total: cases.length,
    accuracy: ratio(correct, cases.length),
    macroF1: RELATIONSHIP_TYPES.reduce((sum, type) => sum + perType[type].f1, 0) / RELATIONSHIP_TYPES.length,
    perType,
    confusion,
    misses: cases.filter((c) => c.label !== c.predicted),
  };
};
