import { describe, expect, it } from 'vitest';
import { rankEvidence } from '../../src/conversation/card-assembly.js';
import { classifyWithRules } from '../../src/domain/rules.js';
import type { RelationshipType, Signal } from '../../src/domain/types.js';

const signal = (id: string, type: RelationshipType, weight: number, text: string, start: number): Signal => ({
  id,
  type,
  category: 'needs',
  weight,
  text,
  start,
  end: start + text.length,
});

describe('rankEvidence', () => {
  const distress = signal('distress.overdue', 'problem_solving', 1, '逾期', 0);
  const loanWord = signal('needs.loan_word', 'transactional', 1.5, '一笔', 10);
  const interest = signal('price_speed.price_mention', 'transactional', 1.5, '利息', 20);

  it('on a distress card, puts other types backed only by weak words after the distress evidence', () => {
    const ranked = rankEvidence([loanWord, interest, distress], 'problem_solving');
    expect(ranked.map((s) => s.text)).toEqual(['逾期', '一笔', '利息']);
  });

  it('keeps a type with a specific signal ranked by weight', () => {
    const specific = signal('needs.single_product', 'transactional', 2, '只做一笔贷款', 30);
    const ranked = rankEvidence([loanWord, specific, distress], 'problem_solving');
    expect(ranked[0]?.text).toBe('只做一笔贷款');
  });

  it('ranks weak words by weight on cards that are not about current distress', () => {
    expect(rankEvidence([distress, loanWord], 'transactional')[0]?.text).toBe('一笔');
    const negated = { ...distress, negated: true };
    expect(rankEvidence([negated, loanWord], 'problem_solving')[0]?.text).toBe('一笔');
  });

  it('never counts one span for two types', () => {
    const overlapping = signal('needs.loan_word', 'transactional', 3, '逾期一', 0);
    const ranked = rankEvidence([overlapping, distress], 'problem_solving');
    expect(ranked).toHaveLength(1);
  });

  it('on a real distress note, the first evidence is distress, and no span is shown twice', () => {
    const text = '客户资金链断裂,贷款已逾期三个月,上周只还了一笔利息,正在和我们谈展期重组。';
    const rules = classifyWithRules(text);
    expect(rules.type).toBe('problem_solving');
    const ranked = rankEvidence(rules.signals, rules.type);
    expect(ranked[0]?.type).toBe('problem_solving');
    const transactional = ranked.findIndex((s) => s.type === 'transactional');
    const lastDistress = ranked.map((s) => s.type).lastIndexOf('problem_solving');
    expect(transactional).toBeGreaterThan(lastDistress);
    for (const [i, a] of ranked.entries())
      for (const b of ranked.slice(i + 1)) expect(a.start < b.end && b.start < a.end).toBe(false);
  });
});
