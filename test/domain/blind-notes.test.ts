import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreCases } from '../../src/domain/eval-metrics.js';
import { classifyWithRules } from '../../src/domain/rules.js';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../src/domain/types.js';

// Notes written without looking at the lexicon and scored once before any tuning: a check that the
// rules generalize beyond the sentences they were tuned on.
const cases = readFileSync(new URL('../fixtures/blind-notes.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; text: string; label: RelationshipType });

describe('rules on blind RM notes', () => {
  it('covers every type with long, mixed and negated notes', () => {
    for (const type of RELATIONSHIP_TYPES)
      expect(cases.filter((c) => c.label === type).length).toBeGreaterThanOrEqual(8);
  });

  it('reaches macro-F1 >= 0.90', () => {
    const report = scoreCases(
      cases.map((c) => ({ id: c.id, label: c.label, predicted: classifyWithRules(c.text).type })),
    );
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
  });
});
