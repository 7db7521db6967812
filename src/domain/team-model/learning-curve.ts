import { macroF1OfPresentTypes } from '../eval-metrics.js';
import type { Classification, RelationshipType } from '../types.js';
import { blendWithTeam } from './blend.js';
import type { TeamModel } from './model.js';

/**
 * Simulates a team confirming labelled cases, to measure whether the team model helps: a seeded
 * shuffle into K folds; for each fold, a fresh team model learns the other folds in order, each
 * case as the decision a team would log (a confirmation when the card was right, an override when
 * it was not); the held-out fold is scored after 0, 10, 25, 50, 100 and all decisions.
 */

export type CurveCase = { id: string; text: string; label: RelationshipType };
export type CurvePoint = { decisions: number; macroF1: number };
export type LearningCurve = { rulesOnly: number; points: CurvePoint[]; folds: number; cases: number; seed: number };

export const DEFAULT_CHECKPOINTS = [0, 10, 25, 50, 100] as const;

export type LearningCurveOptions = {
  folds?: number;
  seed?: number;
  checkpoints?: readonly number[];
  rules: (text: string) => Classification;
  /** A fresh, empty team model (the seed prior included). */
  newModel: () => TeamModel;
};

/** mulberry32: a tiny seeded generator, so the same file and seed give the same folds everywhere. */
const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const seededShuffle = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** A fold's macro-F1 over the types it holds (or predicts), so a fold without a type is not marked down. */
const macroF1Of = (cases: readonly CurveCase[], predict: (c: CurveCase) => RelationshipType) =>
  macroF1OfPresentTypes(cases.map((c) => ({ id: c.id, label: c.label, predicted: predict(c) })));

export const learningCurve = (cases: readonly CurveCase[], options: LearningCurveOptions): LearningCurve => {
  const k = Math.max(2, Math.min(options.folds ?? 5, cases.length));
  const seed = options.seed ?? 1;
  const shuffled = seededShuffle(cases, seed);
  const folds = Array.from({ length: k }, (_, i) => shuffled.filter((_, j) => j % k === i));
  const rulesOf = new Map(cases.map((c) => [c.id, options.rules(c.text)]));
  const rulesFor = (c: CurveCase) => rulesOf.get(c.id) ?? options.rules(c.text);
  const smallestTraining = Math.min(...folds.map((f) => cases.length - f.length));
  const checkpoints = [...new Set(options.checkpoints ?? DEFAULT_CHECKPOINTS)]
    .filter((n) => n >= 0 && n < smallestTraining)
    .sort((a, b) => a - b);

  let rulesOnly = 0;
  const sums = new Map<number | 'all', { f1: number; decisions: number }>();
  const add = (key: number | 'all', f1: number, decisions: number) => {
    const s = sums.get(key) ?? { f1: 0, decisions: 0 };
    sums.set(key, { f1: s.f1 + f1, decisions: s.decisions + decisions });
  };

  for (const [i, heldOut] of folds.entries()) {
    const training = folds.flatMap((fold, j) => (j === i ? [] : fold));
    const model = options.newModel();
    const score = () =>
      macroF1Of(
        heldOut,
        (c) => blendWithTeam(rulesFor(c), model.distribution(c.text), model.weightFor(rulesFor(c))).type,
      );
    rulesOnly += macroF1Of(heldOut, (c) => rulesFor(c).type);
    let next = 0;
    for (const [n, c] of training.entries()) {
      while (next < checkpoints.length && checkpoints[next] === n) {
        add(n, score(), n);
        next++;
      }
      const suggested = blendWithTeam(rulesFor(c), model.distribution(c.text), model.weightFor(rulesFor(c))).type;
      model.learn({
        description: c.text,
        type: c.label,
        suggestedType: suggested,
        source: suggested === c.label ? 'rules' : 'manager_override',
      });
    }
    add('all', score(), training.length);
  }

  const points = [...checkpoints, 'all' as const].map((key) => {
    const s = sums.get(key) ?? { f1: 0, decisions: 0 };
    return { decisions: Math.round(s.decisions / k), macroF1: round3(s.f1 / k) };
  });
  return { rulesOnly: round3(rulesOnly / k), points, folds: k, cases: cases.length, seed };
};

const round3 = (n: number) => Math.round(n * 1000) / 1000;
