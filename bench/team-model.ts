import { combineClassifications } from '../src/domain/combiner.js';
import { defaultPlaybook } from '../src/domain/playbook.js';
import { classifyWithRules } from '../src/domain/rules.js';
import type { RelationshipType } from '../src/domain/types.js';
import { createTeamModels } from '../src/learning/team-models.js';
import type { Decision } from '../src/store/ports.js';

/**
 * The rules + team model path with a workspace of 10,000 team-visible decisions: time per note
 * (rules, the team model's opinion, the mixture and the similar-decision list), and time for one
 * decision to update the model. Prints figures only (targets: < 1 ms p50 per note, < 5 ms per update).
 */

const DECISIONS = 10_000;
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits });

/** Labelled notes varied enough that 10,000 decisions do not repeat one another word for word. */
const variants = (cases: ReadonlyArray<{ text: string; label: RelationshipType }>, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const c = cases[i % cases.length] as { text: string; label: RelationshipType };
    return { text: `${c.text} (#${Math.floor(i / cases.length)}, 客户${i % 97}号, desk ${i % 13})`, label: c.label };
  });

const decisionOf = (i: number, text: string, type: RelationshipType): Decision => ({
  id: `d${String(i).padStart(6, '0')}`,
  idempotencyKey: `bench:${i}`,
  clientName: `Client ${i % 3000}`,
  clientId: `client ${i % 3000}`,
  type,
  secondary: null,
  confidence: 0.8,
  source: i % 5 === 0 ? 'manager_override' : 'rules',
  suggestedType: type,
  evidence: [],
  llmRationale: null,
  recommendedActionIds: [],
  keptActionIds: [],
  reason: i % 5 === 0 ? 'team knows better' : null,
  description: text,
  userId: 'U1',
  teamId: 'T1',
  channelId: null,
  threadTs: null,
  visibility: 'team',
  versions: { playbook: 'pb', rules: 'rules', prompt: null, model: null },
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  supersedes: null,
});

export const runTeamModelBench = (cases: ReadonlyArray<{ text: string; label: RelationshipType }>): void => {
  const models = createTeamModels({ playbook: defaultPlaybook() });
  const stream = variants(cases, DECISIONS + 500);
  const updateMicros: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const c = stream[i] as { text: string; label: RelationshipType };
    const t0 = process.hrtime.bigint();
    models.observe(decisionOf(i, c.text, c.label));
    updateMicros.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  const model = models.model('T1');
  const notes = stream.slice(DECISIONS).map((c) => c.text);
  const classify = (text: string) => {
    const rules = classifyWithRules(text);
    const base = combineClassifications({
      rules,
      llm: null,
      llmStatus: 'off',
      text,
      versions: { prompt: null, model: null },
    });
    return models.contribute('T1', text, base);
  };
  for (const note of notes) classify(note); // warm-up
  const micros: number[] = [];
  for (let r = 0; r < 5; r++) {
    for (const note of notes) {
      const t0 = process.hrtime.bigint();
      classify(note);
      micros.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  micros.sort((a, b) => a - b);
  updateMicros.sort((a, b) => a - b);
  console.log(
    `rules + team model (${fmt(model.decisions)} decisions, say: weight ${model.say.weight}${model.say.below <= 1 ? ` below rules confidence ${model.say.below}` : ''}, ${fmt(micros.length)} notes): p50 ${fmt(percentile(micros, 0.5), 1)} µs, p99 ${fmt(percentile(micros, 0.99), 1)} µs per note`,
  );
  console.log(
    `team model update per decision: p50 ${fmt(percentile(updateMicros, 0.5), 1)} µs, p99 ${fmt(percentile(updateMicros, 0.99), 1)} µs`,
  );
};
