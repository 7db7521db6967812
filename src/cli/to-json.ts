import type { HybridClassification } from '../domain/types.js';

/** The JSON shape shared by `classify --json` and `--jsonl`. */
export const toJson = (c: HybridClassification) => ({
  type: c.type,
  confidence: Number(c.confidence.toFixed(3)),
  secondary: c.secondary,
  signals: c.signals.map((s) => ({
    id: s.id,
    type: s.type,
    category: s.category,
    weight: s.weight,
    text: s.text,
    start: s.start,
    end: s.end,
    ...(s.negated ? { negated: true } : {}),
  })),
  source: c.source,
  ...(c.llmStatus === 'llm_unavailable' ? { llm_unavailable: true } : {}),
  ...(c.truncated ? { truncated: true } : {}),
});
