import { RELATIONSHIP_TYPES, type RelationshipType } from './types.js';

export type ScoredCase = { id: string; label: RelationshipType; predicted: RelationshipType };

/** The headline figures of one slice of an evaluation (one language, one source kind). */
export type SliceFigures = { total: number; accuracy: number; macroF1: number };

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

/**
 * Macro-F1 over the types that occur in `cases` as a label or a prediction. A small sample (one
 * language, one fold of a learning curve) often lacks a type; counting that type's F1 as 0 would
 * mark perfect predictions down to 0.75.
 */
export const macroF1OfPresentTypes = (cases: readonly ScoredCase[], report = scoreCases(cases)): number => {
  const present = RELATIONSHIP_TYPES.filter((t) => cases.some((c) => c.label === t || c.predicted === t));
  return present.reduce((sum, t) => sum + report.perType[t].f1, 0) / Math.max(1, present.length);
};

/**
 * Headline figures per group (language, source kind…), groups in first-seen order. Macro-F1 of a
 * slice averages only the types that occur in it as a label or a prediction, so a slice without a
 * type is not penalized for it.
 */
export const scoreSlices = <C extends ScoredCase>(
  cases: readonly C[],
  groupOf: (c: C) => string,
): Record<string, SliceFigures> => {
  const groups = new Map<string, C[]>();
  for (const c of cases) {
    const key = groupOf(c);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [c]);
    else group.push(c);
  }
  const out: Record<string, SliceFigures> = {};
  for (const [key, group] of groups) {
    const report = scoreCases(group);
    out[key] = { total: report.total, accuracy: report.accuracy, macroF1: macroF1OfPresentTypes(group, report) };
  }
  return out;
};
