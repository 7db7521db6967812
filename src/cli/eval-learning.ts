import type { Playbook } from '../domain/playbook.js';
import { redact } from '../domain/redact.js';
import { classifyWithRules } from '../domain/rules.js';
import { type LearningCurve, learningCurve } from '../domain/team-model/learning-curve.js';
import { TeamModel } from '../domain/team-model/model.js';
import { seedExamples } from '../domain/team-model/seed-prior.js';
import type { LabelledCase } from './eval-command.js';

/**
 * `quadrant eval FILE --learning-curve`: a team confirming the cases of FILE, fold by fold, and the
 * held-out macro-F1 of rules-only and of rules + team model as decisions accumulate. Texts are
 * redacted first, as the decision log stores them.
 */
export const runLearningCurve = (
  cases: readonly LabelledCase[],
  playbook: Playbook,
  { folds, seed: shuffleSeed = 1 }: { folds: number; seed?: number },
): LearningCurve => {
  const seed = seedExamples(playbook);
  return learningCurve(
    cases.map((c) => ({ id: c.id, label: c.label, text: redact(c.text) })),
    {
      folds,
      seed: shuffleSeed,
      rules: classifyWithRules,
      newModel: () => new TeamModel({ rules: classifyWithRules, seed }),
    },
  );
};

export const formatLearningCurve = (curve: LearningCurve): string => {
  const lines = [
    `learning curve: ${curve.cases} cases, ${curve.folds} folds (shuffle seed ${curve.seed}); macro-F1 on the held-out fold`,
    '',
    `rules-only            ${curve.rulesOnly.toFixed(3)}`,
    'decisions   rules + team model   vs rules-only',
    ...curve.points.map((p) => {
      const delta = p.macroF1 - curve.rulesOnly;
      return `${String(p.decisions).padStart(9)}   ${p.macroF1.toFixed(3).padStart(18)}   ${(delta >= 0 ? '+' : '') + delta.toFixed(3)}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
};
