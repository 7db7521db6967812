import type { ClientProfile } from '../domain/profile.js';
import type {
  Classification,
  HybridClassification,
  Lang,
  LlmOpinion,
  RelationshipType,
  TeamExample,
} from '../domain/types.js';

/** Usage of one LLM call, for budgets, the eval report and cost estimates. */
export type LlmUsage = { inputTokens: number; outputTokens: number };

/** One structured assessment of a (redacted) client description. */
export type LlmAssessment = {
  profile: ClientProfile;
  opinion: LlmOpinion;
  /** Quotes the model offers against the rules' distress signals ("逾期已结清"); verified by the combiner. */
  counterEvidence: string[];
};

/** How the structured output was obtained: the endpoint's `json_schema`, or JSON mode validated with zod. */
export type LlmOutputMode = 'json_schema' | 'json_object';

/** Why a call gave no usable opinion; each maps to a short localized notice. */
export type LlmFailureCode = 'llm_unavailable' | 'llm_bad_output' | 'llm_refused';

export type LlmOutcome =
  | {
      ok: true;
      assessment: LlmAssessment;
      usage: LlmUsage;
      model: string;
      promptVersion: string;
      latencyMs: number;
      outputMode: LlmOutputMode;
      /** HTTP requests made (retries, JSON-mode fallback and the repair retry included). */
      requests: number;
    }
  | {
      ok: false;
      code: LlmFailureCode;
      /** Short, secret-free reason for logs ("timeout", "http 503", "finish_reason length"). */
      detail: string;
      latencyMs: number;
      /** Tokens spent on the failed attempts, when the server reported them. */
      usage: LlmUsage | null;
      requests: number;
    };

export type { TeamExample } from '../domain/types.js';

/** The model port: one call per turn. Adapters never throw; failures come back as `ok: false`. */
export type LlmAssessor = {
  assess(input: {
    description: string;
    profile: ClientProfile | null;
    rules: Classification;
    lang: Lang;
    /** The most similar team-visible decisions of the workspace (redacted, short), as examples. */
    examples?: readonly TeamExample[];
  }): Promise<LlmOutcome>;
};

/** What every surface calls: rules first, then the LLM per QUADRANT_LLM_MODE, combined. */
export type ClassifyInput = {
  /** The client description (a thread's accumulated text); redacted inside before it leaves the process. */
  text: string;
  /** The thread's merged profile, sent instead of the raw history. */
  profile?: ClientProfile | null;
  /**
   * The newest turn of a thread. With `profile`, the LLM gets the profile plus this turn instead of
   * the accumulated text, so long threads stay within budget; the rules still read all of `text`.
   */
  latestTurn?: string;
  lang: Lang;
  /** The workspace, so its team model can join in; without it the team model stays out. */
  teamId?: string;
};

export type ClassifyResult = {
  classification: HybridClassification;
  profile: ClientProfile;
  usage: LlmUsage | null;
  /** Time spent in the LLM call (all its requests), when one was made. */
  llmLatencyMs?: number;
};

/** Where the layer reports what happened; never given the description, the key or the model's text. */
export type LlmLogger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
};

/** What the model thinks a short message wants, when the rules could not tell. */
export type IntentOpinion =
  | { kind: 'greeting' }
  | { kind: 'playbook'; type: RelationshipType | null }
  | { kind: 'history'; clientName: string }
  | { kind: 'description' }
  | { kind: 'unclear' };

/** The model port for intents: null on any failure, so the caller keeps the rules' answer. */
export type IntentRouter = {
  intentOf(text: string): Promise<IntentOpinion | null>;
  readonly promptVersion: string;
};

export type Classifier = {
  classify(input: ClassifyInput): Promise<ClassifyResult>;
  /** Present when a model is configured: asked when the rules cannot tell a message's intent. */
  intentOf?: (text: string) => Promise<IntentOpinion | null>;
  /**
   * True when no model is configured, so every answer comes from the rules within a millisecond:
   * the Slack surfaces then post the answer directly instead of a progress placeholder first.
   * Absent means a call may take seconds.
   */
  readonly answersAtOnce?: boolean;
};
