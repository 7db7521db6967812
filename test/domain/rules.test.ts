import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../src/domain/lexicon/index.js';
import {
  classifyWithRules,
  createRulesClassifier,
  MAX_INPUT_CHARS,
  RULES_VERSION,
  TRUNCATION_NOTICE,
} from '../../src/domain/rules.js';
import type { Classification, Signal } from '../../src/domain/types.js';

const signalFor = (result: Classification, text: string): Signal | undefined =>
  result.signals.find((s) => s.text.toLowerCase() === text.toLowerCase());

const expectSpansQuoteInput = (input: string, result: Classification) => {
  for (const s of result.signals) expect(input.slice(s.start, s.end)).toBe(s.text);
};

describe('classifyWithRules: negation', () => {
  it('does not count "没有任何逾期或欠息" as distress', () => {
    const result = classifyWithRules('小企业经营正常,没有任何逾期或欠息记录,想快速借一笔周转资金,利率越低越好。');
    expect(result.type).toBe('transactional');
    expect(signalFor(result, '逾期')).toMatchObject({ negated: true, weight: 0, type: 'problem_solving' });
    expect(signalFor(result, '欠息')).toMatchObject({ negated: true, weight: 0 });
    expect(result.scores.problem_solving).toBe(0);
  });

  it('negates English lists: "no liquidity concerns", "not looking for restructuring or any rescue"', () => {
    const result = classifyWithRules(
      'Large SOE with no liquidity concerns; not looking for restructuring or any rescue money. They want a framework agreement.',
    );
    expect(result.type).toBe('strategic');
    expect(signalFor(result, 'liquidity concerns')?.negated).toBe(true);
    expect(signalFor(result, 'restructuring')?.negated).toBe(true);
    expect(signalFor(result, 'rescue')?.negated).toBe(true);
    expect(signalFor(result, 'framework agreement')?.negated).toBeUndefined();
  });

  it('lets "no" negate a term that overlaps another phrase ("no debt concerns") and counts distress as answered', () => {
    const result = classifyWithRules('Family business owner, very loyal. No debt concerns at all.');
    expect(result.type).toBe('partnership');
    expect(signalFor(result, 'debt concerns')?.negated).toBe(true);
    expect(result.missing.map((m) => m.id)).not.toContain('distress');
  });

  it('stops a negation at a contrast: "no overdue loans, but payroll is at risk"', () => {
    const result = classifyWithRules('No overdue loans but payroll at risk next month and cash runway is four weeks.');
    expect(signalFor(result, 'overdue')?.negated).toBe(true);
    expect(signalFor(result, 'payroll at risk')?.negated).toBeUndefined();
    expect(result.type).toBe('problem_solving');
  });

  it('keeps phrases whose own words look negative ("没有按时支付", "unable to pay") as distress', () => {
    const zh = classifyWithRules('本月的一笔利息没有按时支付。');
    const en = classifyWithRules('They are unable to pay the June coupon.');
    expect(zh.type).toBe('problem_solving');
    expect(en.type).toBe('problem_solving');
    expect(signalFor(zh, '没有按时')?.negated).toBeUndefined();
  });

  it('reads a negation after the word: "对价格不太敏感"', () => {
    const result = classifyWithRules('私人银行老客户,对价格不太敏感,更在意个性化服务。');
    expect(signalFor(result, '价格')?.negated).toBe(true);
    expect(result.type).toBe('partnership');
  });

  it('does not treat look-alike words as negation ("非常", "无法偿付", "不良")', () => {
    const result = classifyWithRules('客户非常困难,无法偿付到期债务,已形成不良。');
    expect(result.type).toBe('problem_solving');
    expect(result.signals.filter((s) => s.type === 'problem_solving' && s.negated)).toEqual([]);
  });
});

describe('classifyWithRules: contrast, recency and past', () => {
  it('discounts the concessive part of 虽然…但 and keeps the main clause', () => {
    const result = classifyWithRules(
      '虽然是小微企业,但老板对我们非常忠诚,十几年来从没换过银行,每年都参加我们的答谢会。',
    );
    expect(result.type).toBe('partnership');
    expect(signalFor(result, '小微企业')).toMatchObject({ discounted: true, weight: 1.5 });
  });

  it('discounts what "used to" be true and boosts what is true "now"', () => {
    const result = classifyWithRules('Used to be a large client of ours, but now they have missed two payments.');
    expect(result.type).toBe('problem_solving');
    expect(signalFor(result, 'large')?.discounted).toBe(true);
    const missed = signalFor(result, 'missed');
    expect(missed?.weight).toBeGreaterThan(3.5);
  });

  it('weakens hedged distress without removing it', () => {
    const hedged = classifyWithRules('担心资金链紧张。');
    const actual = classifyWithRules('资金链紧张。');
    const hedgedWeight = signalFor(hedged, '资金链紧张')?.weight ?? 0;
    expect(hedgedWeight).toBeGreaterThan(0);
    expect(hedgedWeight).toBeLessThan(signalFor(actual, '资金链紧张')?.weight ?? 0);
    expect(hedged.type).toBe('problem_solving');
  });

  it('weakens distress the RM says is already resolved', () => {
    const resolved = classifyWithRules('去年有一笔逾期已结清。');
    const open = classifyWithRules('去年有一笔逾期。');
    expect(signalFor(resolved, '逾期')?.weight ?? 0).toBeLessThan(signalFor(open, '逾期')?.weight ?? 0);
  });
});

describe('classifyWithRules: priority', () => {
  it.each([
    'Retail chain with 140 stores; the directors have appointed administrators and the shops keep trading for now.',
    'Hotel group went into administration last month; the secured lender has appointed receivers over two sites.',
    'Shipyard client applied to the High Court for judicial management; the moratorium stops creditor claims.',
    'Miner filed for creditor protection under the CCAA after skipping a coupon.',
    '這家上市公司已由法院委任臨時清盤人,債權銀行正在核對敞口。',
  ])('reads common-law insolvency process as current distress: "%s"', (text) => {
    expect(classifyWithRules(text).type).toBe('problem_solving');
  });

  it('does not read an administration that is not an insolvency as distress', () => {
    const sba = classifyWithRules(
      'Bakery owner wants a Small Business Administration 7(a) loan for a second oven, fast.',
    );
    expect(sba.type).not.toBe('problem_solving');
    expect(sba.signals.some((s) => s.id === 'distress.insolvency_process')).toBe(false);
  });

  it('makes a AAA state-owned group that missed an interest payment problem_solving, with strategic second', () => {
    const result = classifyWithRules(
      'AAA-rated state-owned group, our strategic client for ten years with three syndicated loans. It just missed an interest payment.',
    );
    expect(result.type).toBe('problem_solving');
    expect(result.secondary).toBe('strategic');
  });

  it('does not make a large repeat client transactional because it complains about price or speed', () => {
    const result = classifyWithRules(
      '央企集团,AAA评级,我们合作了五个项目。这次嫌我们利率太高、审批太慢,说别家更快更便宜。',
    );
    expect(result.type).toBe('strategic');
    expect(result.scores.transactional).toBeLessThan(result.scores.strategic / 2);
    // The evidence shows the weakened weight, so the card explains the score.
    const price = signalFor(result, '利率');
    expect(price?.type).toBe('transactional');
    expect(price?.weight).toBeLessThan(1);
  });

  it('does not make a friendly owner who switches banks for a cheaper rate a partnership', () => {
    const result = classifyWithRules(
      'Very friendly owner, we have known him for years and he trusts our team. Now he is switching banks for a cheaper rate.',
    );
    expect(result.type).toBe('transactional');
  });

  it('keeps loyalty when the client refuses to switch despite a cheaper offer', () => {
    const result = classifyWithRules('家族企业老板非常忠诚,别家给更低利率也不走,每年都参加我们的沙龙。');
    expect(result.type).toBe('partnership');
  });
});

describe('classifyWithRules: evidence spans', () => {
  it('maps spans back to the original text through width and case folding', () => {
    const input = 'ＳＯＥ group rated ＡＡＡ，Lead Arranger on 4 deals。资金链　紧张';
    const result = classifyWithRules(input);
    expectSpansQuoteInput(input, result);
    expect(signalFor(result, 'ＡＡＡ')?.id).toBe('rating.high');
    expect(signalFor(result, 'Lead Arranger')?.id).toBe('history.core_bank');
  });

  it('finds terms split by zero-width characters and quotes them as written', () => {
    const input = '客户已经逾\u200b期两个月';
    const result = classifyWithRules(input);
    expect(signalFor(result, '逾\u200b期')).toMatchObject({ start: 4, end: 7, type: 'problem_solving' });
  });

  it('matches English terms as whole words only', () => {
    const result = classifyWithRules('Our corporate client pays separately; the smelter is in Rome.');
    expect(result.signals.map((s) => s.text.toLowerCase())).not.toContain('rate');
    expect(result.signals.map((s) => s.text.toLowerCase())).not.toContain('sme');
  });

  it('accepts curly apostrophes in contractions', () => {
    const result = classifyWithRules('They can’t meet the next interest payment.');
    expect(result.type).toBe('problem_solving');
    expect(signalFor(result, 'can’t meet')).toBeDefined();
  });
});

describe('classifyWithRules: result shape', () => {
  it('names a secondary type only when it has real support', () => {
    const clear = classifyWithRules('小微企业,只看利率,要求当天放款,线上申请。');
    expect(clear.type).toBe('transactional');
    expect(clear.secondary).toBeNull();
    expect(clear.confidence).toBeGreaterThan(0.5);
  });

  it('has zero confidence and asks the key questions when there is no evidence', () => {
    const result = classifyWithRules('Met the client today.');
    expect(result.confidence).toBe(0);
    expect(result.signals).toEqual([]);
    expect(result.missing.map((m) => m.id)).toEqual(['distress', 'segment', 'history']);
    for (const fact of result.missing) {
      expect(fact.question.zh.length).toBeGreaterThan(0);
      expect(fact.question.en.length).toBeGreaterThan(0);
    }
  });

  it('asks about distress first when none is mentioned, and about history when it is unknown', () => {
    const result = classifyWithRules('SOE with AAA rating wants a framework agreement.');
    expect(result.type).toBe('strategic');
    expect(result.missing[0]).toMatchObject({ id: 'distress', yesNo: true });
    expect(result.missing.map((m) => m.id)).toContain('history');
    expect(result.missing.length).toBeLessThanOrEqual(3);
  });

  it('does not ask about distress once the RM has ruled it out', () => {
    const result = classifyWithRules('SOE with AAA rating, no overdue loans, five projects together over ten years.');
    expect(result.missing.map((m) => m.id)).not.toContain('distress');
  });

  it('asks about price sensitivity when transactional is in the race but price was not discussed', () => {
    const result = classifyWithRules('A family-run small business; the owner trusts us.');
    expect(result.missing.map((m) => m.id)).toContain('price_sensitivity');
  });

  it('asks whether distress is actual when only a risk was mentioned', () => {
    const result = classifyWithRules('Worried about headwinds in the sector.');
    expect(result.type).toBe('problem_solving');
    expect(result.missing[0]?.id).toBe('distress_actual');
  });

  it('truncates input over the limit with a flag and the original length', () => {
    const head = '客户资金链断裂,多笔贷款逾期。';
    const input = head + 'x '.repeat(MAX_INPUT_CHARS);
    const result = classifyWithRules(input);
    expect(result.truncated).toBe(true);
    expect(result.inputLength).toBe(input.length);
    expect(result.type).toBe('problem_solving');
    expect(Math.max(...result.signals.map((s) => s.end))).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(TRUNCATION_NOTICE.zh).toContain(String(MAX_INPUT_CHARS));
  });

  it('does not truncate at exactly the limit, and never splits a surrogate pair', () => {
    expect(classifyWithRules('a'.repeat(MAX_INPUT_CHARS)).truncated).toBe(false);
    const input = `${'a'.repeat(MAX_INPUT_CHARS - 1)}😀逾期`;
    const result = classifyWithRules(input);
    expect(result.truncated).toBe(true);
    expect(result.signals).toEqual([]);
  });

  it('survives non-string input from untyped callers', () => {
    const result = classifyWithRules(undefined as unknown as string);
    expect(result.inputLength).toBe(0);
    expect(result.confidence).toBe(0);
  });

  it('reports the rules and lexicon version', () => {
    expect(classifyWithRules('x').rulesVersion).toBe(RULES_VERSION);
    expect(RULES_VERSION).toContain(DEFAULT_LEXICON.version);
  });
});

describe('createRulesClassifier', () => {
  it('classifies with a custom lexicon and versions results with it', () => {
    const classify = createRulesClassifier({
      version: 'test-1',
      cues: [{ id: 'neg', kind: 'negation', reach: 10, terms: ['sans'] }],
      entries: [
        { id: 'distress.test', category: 'distress', weights: { problem_solving: 3 }, terms: ['widget…broke*'] },
        { id: 'segment.test', category: 'segment', weights: { partnership: 3 }, terms: ['gnome'] },
      ],
    });
    const broke = classify('The widget finally broken down, says the gnome.');
    expect(broke.type).toBe('problem_solving');
    expect(broke.rulesVersion).toContain('test-1');
    expect(signalFor(broke, 'widget finally broken')).toBeDefined();
    expect(classify('sans gnome').scores.partnership).toBe(0);
  });

  it('rejects a malformed term when the lexicon is compiled, not when classifying', () => {
    expect(() =>
      createRulesClassifier({
        version: 'bad',
        cues: [],
        entries: [{ id: 'x.bad', category: 'needs', weights: { strategic: 1 }, terms: ['a…b…c'] }],
      }),
    ).toThrow(/x\.bad/);
  });
});
