import { describe, expect, it } from 'vitest';
import { classifyWithRules } from '../../src/domain/rules.js';
import { normalizeText } from '../../src/domain/text/normalize.js';
import { detectScript } from '../../src/domain/text/script.js';
import { isTraditional } from '../../src/domain/text/traditional.js';

describe('normalizeText: traditional Chinese', () => {
  it('folds traditional and variant characters to simplified, one for one', () => {
    const input = '戰略合作協議、債務重組、紓困,裡面的臺灣銀行';
    const n = normalizeText(input);
    expect(n.text).toBe('战略合作协议、债务重组、纾困,里面的台湾银行');
    expect(n.text.length).toBe(input.length);
    for (let i = 0; i < n.text.length; i++) {
      expect(n.origStart[i]).toBe(i);
      expect(n.origEnd[i]).toBe(i + 1);
    }
  });

  it('leaves simplified text and non-Chinese characters as they were', () => {
    expect(normalizeText('债委会同意展期,AAA 央企').text).toBe('债委会同意展期,aaa 央企');
    expect(isTraditional('债'.codePointAt(0) ?? 0)).toBe(false);
    expect(isTraditional('債'.codePointAt(0) ?? 0)).toBe(true);
  });

  it('maps spans back into the original when full-width and traditional forms mix', () => {
    const input = 'ＡＢＣ集團　債委會';
    const n = normalizeText(input);
    expect(n.text).toBe('abc集团 债委会');
    const at = n.text.indexOf('债委会');
    const start = n.origStart[at] ?? -1;
    const end = n.origEnd[at + 2] ?? -1;
    expect(input.slice(start, end)).toBe('債委會');
  });
});

describe('English inflections', () => {
  const idsOf = (text: string) => classifyWithRules(text).signals.map((s) => s.id);

  it('matches restructur*, default(ed|s) and waive(r|d) in their common forms', () => {
    for (const word of ['restructuring', 'restructured', 'restructures', 'restructure']) {
      expect(idsOf(`The group ${word} its bank debt this year.`), word).toContain('distress.restructuring');
    }
    for (const word of ['defaulted', 'defaults', 'default']) {
      expect(idsOf(`The borrower ${word} on the term loan last month.`), word).toContain('distress.missed_payment');
    }
    for (const word of ['waiver', 'waived', 'waives', 'waive']) {
      expect(idsOf(`Lenders ${word} the leverage covenant test for Q2.`), word).toContain('distress.creditor_process');
    }
  });
});

describe('detectScript', () => {
  it('tells simplified, traditional, English and mixed text apart', () => {
    expect(detectScript('债委会表决通过债务重组方案,同意展期两年。')).toBe('zh-Hans');
    expect(detectScript('債委會表決通過債務重組方案,同意展期兩年。')).toBe('zh-Hant');
    expect(detectScript('Lenders agreed a standstill while the group restructures.')).toBe('en');
    expect(detectScript('客户在谈 standstill,banks 要求 waiver 和 amend and extend,下周表决。')).toBe('mixed');
    expect(detectScript('AAA 央企,多个项目的银团贷款,合作十几年,主办行。')).toBe('zh-Hans');
    expect(detectScript('')).toBe('en');
  });
});
