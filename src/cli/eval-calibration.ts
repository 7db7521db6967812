import { calibrate, fitCalibrator, type Outcome, type Reliability, reliability } from '../domain/calibration.js';
import type { Playbook } from '../domain/playbook.js';
import { redact } from '../domain/redact.js';
import { classifyWithRules } from '../domain/rules.js';
import { seededShuffle } from '../domain/team-model/learning-curve.js';
import { TeamModel } from '../domain/team-model/model.js';
import { seedExamples } from '../domain/team-model/seed-prior.js';
import type { RelationshipType } from '../domain/types.js';
import type { LabelledCase } from './eval-command.js';

/**
 * `quadrant eval FILE --calibration`: how far each source's confidence is from its accuracy on the
 * cases, before and after calibration. Cross-fitted: each fold's confidences are calibrated on the
 * outcomes of the other folds (for the team model, on its prequential outcomes there), so no case
 * calibrates itself.
 */

export type SourceCalibration = { source: 'rules' | 'team_model'; raw: Reliability; calibrated: Reliability };

const argmax = (d: Record<RelationshipType, number>): RelationshipType =>
  (Object.keys(d) as RelationshipType[]).reduce((a, b) => (d[a] >= d[b] ? a : b));

export const runCalibration = (
  cases: readonly LabelledCase[],
  playbook: Playbook,
  folds: number,
): SourceCalibration[] => {
  const seed = seedExamples(playbook);
  const texts = cases.map((c) => ({ ...c, text: redact(c.text) }));
  const shuffled = seededShuffle(texts, 1);
  const k = Math.max(2, Math.min(folds, shuffled.length));
  const parts = Array.from({ length: k }, (_, i) => shuffled.filter((_, j) => j % k === i));
  const rulesOutcome = (c: LabelledCase): Outcome => {
    const r = classifyWithRules(c.text);
    return { confidence: r.confidence, correct: r.type === c.label };
  };
  const out = {
    rules: { raw: [] as Outcome[], calibrated: [] as Outcome[] },
    team_model: { raw: [] as Outcome[], calibrated: [] as Outcome[] },
  };
  for (const [i, heldOut] of parts.entries()) {
    const training = parts.flatMap((p, j) => (j === i ? [] : p));
    const rulesFit = fitCalibrator(training.map(rulesOutcome));
    const model = new TeamModel({ rules: classifyWithRules, seed });
    for (const c of training)
      model.learn({ description: c.text, type: c.label, suggestedType: c.label, source: 'rules' });
    const teamFit = fitCalibrator(
      model.prequential().map((r) => ({ confidence: r.team.confidence, correct: r.team.type === r.label })),
    );
    for (const c of heldOut) {
      const r = rulesOutcome(c);
      out.rules.raw.push(r);
      out.rules.calibrated.push({ ...r, confidence: calibrate(rulesFit, r.confidence) });
      const d = model.distribution(c.text);
      const type = argmax(d);
      const t = { confidence: d[type], correct: type === c.label };
      out.team_model.raw.push(t);
      out.team_model.calibrated.push({ ...t, confidence: calibrate(teamFit, t.confidence) });
    }
  }
  return (['rules', 'team_model'] as const).map((source) => ({
    source,
    raw: reliability(out[source].raw),
    calibrated: reliability(out[source].calibrated),
  }));
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

export const formatCalibration = (results: readonly SourceCalibration[]): string => {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `${r.source}: ECE ${r.raw.ece.toFixed(3)} raw → ${r.calibrated.ece.toFixed(3)} calibrated (${r.raw.count} cases)`,
      '  confidence     raw: n  mean conf  accuracy   calibrated: n  mean conf  accuracy',
    );
    for (const [i, row] of r.raw.rows.entries()) {
      const cal = r.calibrated.rows[i];
      if (row.count === 0 && (cal?.count ?? 0) === 0) continue;
      lines.push(
        `  ${(row.from * 100).toFixed(0).padStart(3)}–${(row.to * 100).toFixed(0).padEnd(4)}%  ${String(row.count).padStart(8)} ${pct(row.meanConfidence)}   ${pct(row.accuracy)}  ${String(cal?.count ?? 0).padStart(14)} ${pct(cal?.meanConfidence ?? 0)}   ${pct(cal?.accuracy ?? 0)}`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
};
