/**
 * Core domain vocabulary shared by the classifier, the playbook, the recommender,
 * the store and the Slack app. Pure types and constants: no I/O.
 */

/** The four relationship types from the seed article, with stable ids. */
export const RELATIONSHIP_TYPES = ['strategic', 'transactional', 'partnership', 'problem_solving'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const isRelationshipType = (value: unknown): value is RelationshipType =>
  typeof value === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(value);

export type Lang = 'zh' | 'en';
export type Bilingual = { zh: string; en: string };

/** Economic cycle of a workspace; the playbook's 动态调整关系 practice depends on it. */
export type EconomicCycle = 'normal' | 'downturn';

/** What a lexicon entry says about the client; used for evidence grouping and missing-fact detection. */
export const SIGNAL_CATEGORIES = [
  'segment',
  'rating',
  'history',
  'needs',
  'price_speed',
  'loyalty',
  'distress',
] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

/** One matched piece of evidence. `text === input.slice(start, end)` always holds. */
export type Signal = {
  /** Lexicon entry id, e.g. `distress.overdue`. */
  id: string;
  type: RelationshipType;
  category: SignalCategory;
  /** Effective weight after negation/contrast/recency modifiers (may be 0 when negated). */
  weight: number;
  /** The exact evidence span, as it appears in the (possibly truncated) input. */
  text: string;
  start: number;
  end: number;
  /** Set when a negation cue scopes over the match ("没有任何逾期", "no liquidity concerns"). */
  negated?: boolean;
  /** Set when the match sits in the discounted part of a contrast ("虽然…但", "used to … but now"). */
  discounted?: boolean;
};

/** A fact whose absence most changes the result; drives follow-up questions. */
export type MissingFact = {
  id: string;
  question: Bilingual;
  /** The answer is yes/no, so the Slack app can offer quick-reply buttons. */
  yesNo: boolean;
};

export type Classification = {
  type: RelationshipType;
  /** In [0, 1]. */
  confidence: number;
  /** A second type with real support, or null. */
  secondary: RelationshipType | null;
  /** Raw per-type scores, for explanations and the combiner. */
  scores: Record<RelationshipType, number>;
  /** Contributing signals, strongest first (negated ones are kept, flagged, with weight 0). */
  signals: Signal[];
  missing: MissingFact[];
  /** True when the input was longer than the limit and only its head was classified. */
  truncated: boolean;
  /** Length of the text before truncation. */
  inputLength: number;
  rulesVersion: string;
};

/** Where a classification came from, as logged with each decision. */
export type ClassificationSource = 'rules' | 'hybrid' | 'manager_override';

/** What the LLM said, as shown beside the rules on the card. */
export type LlmOpinion = {
  type: RelationshipType;
  confidence: number;
  secondary: RelationshipType | null;
  rationale: string;
  /** Quoted spans the model based its opinion on. */
  evidence: string[];
  /** Playbook action ids the model chose (restricted to the playbook by the schema). */
  actionIds: string[];
  followUp: string | null;
};

/** Why there is or is not an LLM opinion. */
export type LlmStatus = 'off' | 'skipped' | 'ok' | 'llm_unavailable';

/** The result every surface shows: the rules' classification, merged with the LLM's when one ran. */
export type HybridClassification = Classification & {
  source: 'rules' | 'hybrid';
  llmStatus: LlmStatus;
  llm: LlmOpinion | null;
  /** Set when the LLM ran: did it agree with the rules' primary type? */
  agreement: 'agree' | 'disagree' | null;
  /** The rules' own primary type and confidence, before combining. */
  rules: { type: RelationshipType; confidence: number };
  /** A short notice for the user (e.g. the LLM was unavailable, input truncated). */
  notices: Bilingual[];
  versions: { rules: string; prompt: string | null; model: string | null; teamModel?: string | null };
  /** What the workspace's team model said, when one is attached (see src/domain/team-model). */
  team?: TeamContribution;
  /**
   * The confidence before calibration, when the shown one was calibrated: what later calibration
   * fits on, so a calibrator never learns from its own output.
   */
  rawConfidence?: number;
};

/** A past decision of the team, shown to the LLM as an example: a short redacted excerpt and its final type. */
export type TeamExample = { description: string; type: RelationshipType };

/** A decision the viewer may see, shown as a reason for the team model's opinion. */
export type SimilarDecision = {
  decisionId: string;
  clientName: string;
  type: RelationshipType;
  /** Day of the decision, YYYY-MM-DD. */
  date: string;
};

/** The team model's part in a classification. */
export type TeamContribution = {
  /** The team model's own most likely type and its probability. */
  type: RelationshipType;
  confidence: number;
  /** Weight earned on the log; 0 means it was silent. */
  weight: number;
  decisions: number;
  version: string;
  /** True when the team model moved the type away from the rules' (+ LLM's). */
  changed: boolean;
  /** True when it would have, but current distress kept problem_solving. */
  guarded: boolean;
  similar: SimilarDecision[];
};
