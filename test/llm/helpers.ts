import type { Config } from '../../src/config.js';
import type { Classification, RelationshipType, Signal } from '../../src/domain/types.js';

/** A rules classification built by hand, so LLM-layer tests do not depend on the lexicon's weights. */
export const rulesResult = (
  type: RelationshipType,
  confidence: number,
  extra: Partial<Classification> = {},
): Classification => ({
  type,
  confidence,
  secondary: null,
  scores: { strategic: 0, transactional: 0, partnership: 0, problem_solving: 0, [type]: confidence * 10 },
  signals: [],
  missing: [],
  truncated: false,
  inputLength: 0,
  rulesVersion: 'rules-test',
  ...extra,
});

/** A distress signal over `text` found at `start` in the description. */
export const distressSignal = (text: string, start: number, extra: Partial<Signal> = {}): Signal => ({
  id: 'distress.test',
  type: 'problem_solving',
  category: 'distress',
  weight: 3,
  text,
  start,
  end: start + text.length,
  ...extra,
});

export const llmConfig = (overrides: Partial<Config['llm']> = {}): Config['llm'] => ({
  mode: 'always',
  threshold: 0.6,
  timeoutMs: 5_000,
  apiKey: 'sk-test',
  baseUrl: undefined,
  model: 'fake-model',
  pricePer1kInput: 0,
  pricePer1kOutput: 0,
  ...overrides,
});
