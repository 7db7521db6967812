import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../src/domain/lexicon/index.js';
import { MISSING_FACTS } from '../../src/domain/lexicon/missing-facts.js';
import { classifyWithRules } from '../../src/domain/rules.js';
import { normalizeTerm } from '../../src/domain/text/normalize.js';
import { RELATIONSHIP_TYPES, type RelationshipType, SIGNAL_CATEGORIES } from '../../src/domain/types.js';

const hasCjk = (s: string) => /[\u4e00-\u9fff]/.test(s);
const hasLatin = (s: string) => /[a-z]/i.test(s);

/** Detects `term` in a neutral carrier sentence and returns the types it pointed to. */
const typesFound = (sentence: string): RelationshipType[] =>
  classifyWithRules(sentence)
    .signals.filter((s) => !s.negated && s.weight > 0)
    .map((s) => s.type);

describe('default lexicon: structure', () => {
  it('has unique ids prefixed by their category', () => {
    const ids = DEFAULT_LEXICON.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of DEFAULT_LEXICON.entries) {
      expect(SIGNAL_CATEGORIES).toContain(entry.category);
      expect(entry.id.startsWith(`${entry.category}.`)).toBe(true);
    }
  });

  it('gives every entry positive weights and bilingual, non-duplicated terms', () => {
    for (const entry of DEFAULT_LEXICON.entries) {
      const weights = Object.values(entry.weights);
      // Only explicitly neutral entries (phrases that shadow a signal word) may carry no weight.
      if (weights.length === 0) expect(entry.id).toMatch(/neutral/);
      for (const w of weights) expect(w, entry.id).toBeGreaterThan(0);
      expect(entry.terms.some(hasCjk), `${entry.id} has a Chinese term`).toBe(true);
      expect(entry.terms.some(hasLatin), `${entry.id} has an English term`).toBe(true);
      const normalized = entry.terms.map(normalizeTerm);
      expect(new Set(normalized).size, `${entry.id} has duplicate terms`).toBe(normalized.length);
      for (const term of normalized) expect(term.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('covers every type across several categories with many terms', () => {
    for (const type of RELATIONSHIP_TYPES) {
      const entries = DEFAULT_LEXICON.entries.filter((e) => (e.weights[type] ?? 0) > 0);
      const categories = new Set(entries.map((e) => e.category));
      // Distress is one concept family (events + workout needs); the other types span segment, history, needs….
      expect(categories.size, type).toBeGreaterThanOrEqual(type === 'problem_solving' ? 2 : 3);
      expect(entries.flatMap((e) => e.terms).length, type).toBeGreaterThanOrEqual(60);
    }
  });

  it('has the negation, contrast and recency cues RMs use in both languages', () => {
    const cueTerms = (kind: string) =>
      DEFAULT_LEXICON.cues.filter((c) => c.kind === kind).flatMap((c) => c.terms.map(normalizeTerm));
    expect(cueTerms('negation')).toEqual(
      expect.arrayContaining([
        '没有',
        '无',
        '未',
        '不',
        '并非',
        'no',
        'not',
        'never',
        'zero',
        'without',
        'nor',
        'free of',
      ]),
    );
    expect(cueTerms('concessive')).toEqual(expect.arrayContaining(['虽然', '尽管', 'although', 'though']));
    expect(cueTerms('adversative')).toEqual(expect.arrayContaining(['但', '但是', '却', 'but', 'however']));
    expect(cueTerms('recency')).toEqual(
      expect.arrayContaining(['最近', '目前', '现在', 'now', 'recently', 'this time']),
    );
    expect(cueTerms('past')).toEqual(expect.arrayContaining(['原来', '曾经', 'used to']));
  });

  it('asks bilingual follow-up questions', () => {
    for (const fact of Object.values(MISSING_FACTS)) {
      expect(hasCjk(fact.question.zh)).toBe(true);
      expect(hasLatin(fact.question.en)).toBe(true);
    }
  });
});

describe('default lexicon: RM vocabulary is recognised', () => {
  const distressJargon = [
    '逾期',
    '欠息',
    '抽贷',
    '断贷',
    '压贷',
    '展期',
    '借新还旧',
    '担保链',
    '互保',
    '资金链紧张',
    '资金链断裂',
    '停工停产',
    '工资发不出',
    '欠薪',
    '被执行',
    '失信',
    '债务违约',
    '兑付危机',
    '流动性危机',
    '重组',
    '纾困',
    '债委会',
  ];
  const distressJargonEn = [
    'missed payment',
    'default',
    'going-concern doubts',
    'covenant breach',
    'standstill',
    'waiver and amend',
    'forbearance',
    'DSCR below 1.1x',
    'cash runway of six weeks',
    'payroll at risk',
    'refinancing risk',
    'bond maturing next month',
    'liquidity crunch',
    'lenders pulling lines',
    'workout',
    'special assets',
  ];

  it.each(distressJargon)('reads %s as problem_solving', (term) => {
    expect(typesFound(`客户最近${term}。`)).toContain('problem_solving');
  });

  it.each(distressJargonEn)('reads "%s" as problem_solving', (term) => {
    expect(typesFound(`The client now faces ${term}.`)).toContain('problem_solving');
  });

  it.each([
    ['央企', 'strategic'],
    ['SOE', 'strategic'],
    ['上市公司', 'strategic'],
    ['AA+', 'strategic'],
    ['investment grade', 'strategic'],
    ['主办行', 'strategic'],
    ['core bank', 'strategic'],
    ['lead arranger', 'strategic'],
    ['银团', 'strategic'],
    ['syndicated', 'strategic'],
    ['战略合作协议', 'strategic'],
    ['framework agreement', 'strategic'],
    ['定制化', 'strategic'],
    ['bespoke', 'strategic'],
    ['小微', 'transactional'],
    ['个体', 'transactional'],
    ['SME', 'transactional'],
    ['startup', 'transactional'],
    ['sole proprietor', 'transactional'],
    ['利率越低越好', 'transactional'],
    ['rate shopping', 'transactional'],
    ['compare rates', 'transactional'],
    ['快速放款', 'transactional'],
    ['fast approval', 'transactional'],
    ['线上', 'transactional'],
    ['app', 'transactional'],
    ['标准化', 'transactional'],
    ['one-off', 'transactional'],
    ['材料简单', 'transactional'],
    ['minimal paperwork', 'transactional'],
    ['家族企业', 'partnership'],
    ['family business', 'partnership'],
    ['高净值', 'partnership'],
    ['HNW', 'partnership'],
    ['私人银行', 'partnership'],
    ['信任', 'partnership'],
    ['忠诚', 'partnership'],
    ['loyal', 'partnership'],
    ['认同品牌', 'partnership'],
    ['价值观', 'partnership'],
    ['沙龙', 'partnership'],
    ['club', 'partnership'],
    ['gala', 'partnership'],
    ['圈层', 'partnership'],
    ['networking', 'partnership'],
    ['多年朋友', 'partnership'],
  ] as const)('reads %s as %s', (term, type) => {
    expect(typesFound(`Note: ${term}.`)).toContain(type);
  });
});
