import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreCases } from '../../src/domain/eval-metrics.js';
import { classifyWithRules } from '../../src/domain/rules.js';
import { isRelationshipType, type RelationshipType } from '../../src/domain/types.js';
import { HARD_CASES, type HardCase, UNTUNED_CASES } from './hard-cases.js';

const devCasesPath = new URL('../../eval/dev-cases.jsonl', import.meta.url).pathname;

const readDevCases = (): HardCase[] =>
  readFileSync(devCasesPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as { id: string; text: string; label: unknown };
      if (!isRelationshipType(row.label)) throw new Error(`bad label in ${row.id}`);
      return { id: row.id, text: row.text, label: row.label };
    });

const evaluate = (cases: readonly HardCase[]) =>
  scoreCases(cases.map((c) => ({ id: c.id, label: c.label, predicted: classifyWithRules(c.text).type })));

const countByLabel = (cases: readonly HardCase[]) => {
  const counts: Partial<Record<RelationshipType, number>> = {};
  for (const c of cases) counts[c.label] = (counts[c.label] ?? 0) + 1;
  return counts;
};

describe('rules classifier quality bars', () => {
  it('reaches macro-F1 >= 0.95 on the shared dev set', () => {
    const cases = readDevCases();
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const report = evaluate(cases);
    expect(report.misses).toEqual([]);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.95);
  });

  it('reaches macro-F1 >= 0.90 on its own hard cases (long notes, negation, contrast, implicit distress)', () => {
    expect(HARD_CASES.length).toBeGreaterThanOrEqual(40);
    expect(Object.values(countByLabel(HARD_CASES)).every((n) => n >= 10)).toBe(true);
    const report = evaluate(HARD_CASES);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('generalizes to the cases never used for tuning', () => {
    const report = evaluate(UNTUNED_CASES);
    expect(Object.keys(countByLabel(UNTUNED_CASES))).toHaveLength(4);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps hard-case ids unique so misses can be traced', () => {
    const ids = [...HARD_CASES, ...UNTUNED_CASES].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
