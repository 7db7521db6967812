import { type EvalReport, type ScoredCase, scoreCases } from '../domain/eval-metrics.js';
import { detectLang } from '../domain/lang.js';
import type { RelationshipType } from '../domain/types.js';
import { type ClassifierDeps, createClassifier } from '../llm/classifier.js';
import type { CommandIo } from './io.js';
import { UsageError } from './io.js';

export type LlmEvalCase = { id: string; text: string; label: RelationshipType };

export type LlmEvalCaseResult = {
  id: string;
  label: RelationshipType;
  rules: RelationshipType;
  /** Null when the LLM gave no opinion for this case (it failed; see `llmStatus`). */
  llm: RelationshipType | null;
  hybrid: RelationshipType;
  llmStatus: string;
  inputTokens: number;
  outputTokens: number;
  /** Time of the LLM call(s) for this case. */
  latencyMs: number;
};

export type LlmEvalResult = {
  rules: EvalReport;
  /** Scored on the cases the LLM answered; `llmFailures` counts the others. */
  llm: EvalReport;
  hybrid: EvalReport;
  llmFailures: number;
  cases: LlmEvalCaseResult[];
  totals: {
    inputTokens: number;
    outputTokens: number;
    estimatedCost: number;
    latencyP50Ms: number;
    latencyP95Ms: number;
  };
};

export type LlmEvalOptions = {
  /** The same dependencies the app uses; the mode is forced to `always` so every case reaches the LLM. */
  classifierDeps: ClassifierDeps;
  io: Pick<CommandIo, 'stdout'>;
  json?: boolean;
};

const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const int = (x: number) => Math.round(x).toLocaleString('en');

/** The text table printed by `quadrant eval FILE --llm`. */
export const formatLlmEval = (result: LlmEvalResult, prices: { input: number; output: number }): string => {
  const row = (name: string, r: EvalReport, note = '') =>
    `${name.padEnd(12)}${pct(r.accuracy).padStart(9)}${r.macroF1.toFixed(3).padStart(10)}${String(r.total).padStart(7)}${note}`;
  const n = result.cases.length || 1;
  const lines = [
    'approach     accuracy  macro-F1  cases',
    row('rules-only', result.rules),
    row('llm-only', result.llm, result.llmFailures > 0 ? `   (${result.llmFailures} LLM failures not scored)` : ''),
    row('hybrid', result.hybrid),
    '',
    `${'id'.padEnd(14)}${'label'.padEnd(16)}${'rules'.padEnd(16)}${'llm'.padEnd(16)}${'hybrid'.padEnd(16)}${'in tok'.padStart(8)}${'out tok'.padStart(8)}${'latency'.padStart(10)}`,
    ...result.cases.map(
      (c) =>
        `${c.id.slice(0, 13).padEnd(14)}${c.label.padEnd(16)}${c.rules.padEnd(16)}${(c.llm ?? c.llmStatus).padEnd(16)}${c.hybrid.padEnd(16)}${int(c.inputTokens).padStart(8)}${int(c.outputTokens).padStart(8)}${`${int(c.latencyMs)} ms`.padStart(10)}`,
    ),
    '',
    `tokens: input ${int(result.totals.inputTokens)} (${int(result.totals.inputTokens / n)}/case), output ${int(result.totals.outputTokens)} (${int(result.totals.outputTokens / n)}/case)`,
    `LLM latency: p50 ${int(result.totals.latencyP50Ms)} ms, p95 ${int(result.totals.latencyP95Ms)} ms`,
    `estimated cost: ${result.totals.estimatedCost.toFixed(4)} (at ${prices.input} per 1K input and ${prices.output} per 1K output tokens; QUADRANT_LLM_PRICE_INPUT_PER_1K / _OUTPUT_PER_1K)`,
  ];
  return `${lines.join('\n')}\n`;
};

/**
 * Runs every labelled case once through the hybrid classifier and scores three approaches side by
 * side from that one call: rules-only (the rules' own type), LLM-only (the model's type) and hybrid
 * (the combined type). Prints the table (or JSON) and returns the figures.
 */
export const runLlmEval = async (cases: readonly LlmEvalCase[], options: LlmEvalOptions): Promise<LlmEvalResult> => {
  const { classifierDeps } = options;
  if (classifierDeps.assessor === null || (classifierDeps.assessor === undefined && !classifierDeps.llm.apiKey)) {
    throw new UsageError('--llm needs OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL)');
  }
  const classifier = createClassifier({ ...classifierDeps, llm: { ...classifierDeps.llm, mode: 'always' } });
  const results: LlmEvalCaseResult[] = [];
  for (const c of cases) {
    const { classification, usage, llmLatencyMs } = await classifier.classify({
      text: c.text,
      lang: detectLang(c.text),
    });
    results.push({
      id: c.id,
      label: c.label,
      rules: classification.rules.type,
      llm: classification.llm?.type ?? null,
      hybrid: classification.type,
      llmStatus: classification.llmStatus,
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      latencyMs: llmLatencyMs ?? 0,
    });
  }
  const scored = (pick: (r: LlmEvalCaseResult) => RelationshipType | null): ScoredCase[] =>
    results.flatMap((r) => {
      const predicted = pick(r);
      return predicted === null ? [] : [{ id: r.id, label: r.label, predicted }];
    });
  const inputTokens = results.reduce((s, r) => s + r.inputTokens, 0);
  const outputTokens = results.reduce((s, r) => s + r.outputTokens, 0);
  const prices = { input: classifierDeps.llm.pricePer1kInput, output: classifierDeps.llm.pricePer1kOutput };
  const latencies = results.map((r) => r.latencyMs);
  const result: LlmEvalResult = {
    rules: scoreCases(scored((r) => r.rules)),
    llm: scoreCases(scored((r) => r.llm)),
    hybrid: scoreCases(scored((r) => r.hybrid)),
    llmFailures: results.filter((r) => r.llm === null).length,
    cases: results,
    totals: {
      inputTokens,
      outputTokens,
      estimatedCost: (inputTokens / 1000) * prices.input + (outputTokens / 1000) * prices.output,
      latencyP50Ms: percentile(latencies, 50),
      latencyP95Ms: percentile(latencies, 95),
    },
  };
  options.io.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatLlmEval(result, prices));
  return result;
};
