import type { ClientProfile } from '../domain/profile.js';
import type { Classification, HybridClassification, Lang, LlmOpinion } from '../domain/types.js';

/** Usage of one LLM call, for budgets, the eval report and cost estimates. */
export type LlmUsage = { inputTokens: number; outputTokens: number };

/** One structured assessment of a (redacted) client description. */
export type LlmAssessment = {
  profile: ClientProfile;
  opinion: LlmOpinion;
};

export type LlmOutcome =
  | { ok: true; assessment: LlmAssessment; usage: LlmUsage; model: string; promptVersion: string; latencyMs: number }
  | { ok: false; code: 'llm_unavailable' | 'llm_bad_output' | 'llm_refused'; detail: string; latencyMs: number };

/** The model port: one call per turn. Adapters never throw; failures come back as `ok: false`. */
export type LlmAssessor = {
  assess(input: { description: string; profile: ClientProfile | null; rules: Classification; lang: Lang }): Promise<LlmOutcome>;
};

/** What every surface calls: rules first, then the LLM per QUADRANT_LLM_MODE, combined. */
export type ClassifyInput = {
  /** The client description (a thread's accumulated text); redacted inside before it leaves the process. */
  text: string;
  /** The thread's merged profile, sent instead of the raw history. */
  profile?: ClientProfile | null;
  lang: Lang;
};

export type ClassifyResult = { classification: HybridClassification; profile: ClientProfile; usage: LlmUsage | null };

export type Classifier = { classify(input: ClassifyInput): Promise<ClassifyResult> };
