import { describe, expect, it } from 'vitest';
import { extractClientName, guessClientName } from '../../src/conversation/client-name.js';

/** [description, expected name, anonymized?] — legal, short, anonymized, English and mixed notes. */
const NAMED: Array<[string, string, boolean?]> = [
  ['华能电力集团希望签订长期框架协议', '华能电力集团'],
  ['江苏交通控股有限公司,第三次合作,AAA评级', '江苏交通控股有限公司'],
  ['今天拜访了中国石化集团股份有限公司,讨论并购贷款', '中国石化集团股份有限公司'],
  ['省能源集团近期在谈一笔银团贷款', '省能源集团'],
  ['和远景能源谈了风电项目融资', '远景能源'],
  ['宁德时代新能源科技股份有限公司要做海外项目', '宁德时代新能源科技股份有限公司'],
  ['客户:中国石化。AAA评级', '中国石化'],
  ['客户:万科,流动性紧张', '万科'],
  ['客户名称:深圳地铁集团,希望长期合作', '深圳地铁集团'],
  ['借款人:华夏幸福,已出现逾期', '华夏幸福'],
  ['华东某城投平台,近期出现一笔利息逾期,正在与多家银行协商展期', '华东某城投平台', true],
  ['某城投平台要求展期', '某城投平台', true],
  ['西南某省属能源集团希望做长期框架', '西南某省属能源集团', true],
  ['客户是某民营制造企业,比价很厉害', '某民营制造企业', true],
  ['“蓝海物流”是老客户,三代人都在我行', '蓝海物流'],
  ['新客户华润置地想比较各家价格', '华润置地'],
  ['我们跟招商局港务谈过两次', '招商局港务'],
  ['上海建工拖欠工程款,现金流紧张', '上海建工'],
  ['复星药业希望做并购融资', '复星药业'],
  ['鞍山钢铁近期订单下滑', '鞍山钢铁'],
  ['Client: Huaneng Power. AAA-rated state-owned utility', 'Huaneng Power'],
  ['Met Acme Steel Ltd today about a loan', 'Acme Steel Ltd'],
  ['Jiangsu Expressway Co., Ltd. wants a long-term framework', 'Jiangsu Expressway Co., Ltd.'],
  ['Sinopec Group is our third project this year', 'Sinopec Group'],
  ['CK Hutchison Holdings asked for a bridge loan', 'CK Hutchison Holdings'],
  ['China Three Gorges Corporation, AAA, long-term framework', 'China Three Gorges Corporation'],
  ['We met “Orion Energy” yesterday', 'Orion Energy'],
  ['Client Northwind Traders compares three banks on price', 'Northwind Traders'],
  ['client Blue Harbour wants approval within a week', 'Blue Harbour'],
  ['Customer: Delta Devco. Missed a payment', 'Delta Devco'],
  ['Borrower: Redwood Infrastructure Fund, covenant breach', 'Redwood Infrastructure Fund'],
  ['Visited Contoso Bank yesterday about a syndicated loan', 'Contoso Bank'],
  ['Adani Power Limited is restructuring its debt', 'Adani Power Limited'],
  ['Tata Steel Inc. wants FX hedging', 'Tata Steel Inc.'],
  ['a provincial grid company wants a ten-year framework', 'a provincial grid company', true],
  ['We visited a mid-size manufacturer that compares prices', 'a mid-size manufacturer', true],
  ['A state-owned utility in Hebei, third deal with us', 'a state-owned utility', true],
  ['Client: 华能新能源. AAA央企, covenant breach', '华能新能源'],
  ['AAA央企 中国华电集团有限公司, wants a framework', '中国华电集团有限公司'],
  ['客户:Acme Power (Shenzhen) Co., Ltd.,想要汇率避险', 'Acme Power (Shenzhen) Co., Ltd.'],
  ['Meeting with Bright Future Holdings and their CFO', 'Bright Future Holdings'],
  ['碧桂园控股出现债务违约', '碧桂园控股'],
];

/** Notes without a name: never a verb phrase, a pronoun or a generic noun. */
const UNNAMED = [
  '正在与多家银行协商展期',
  '近期出现一笔利息逾期',
  '新客户,一家做光伏的公司',
  '这家公司希望签订长期框架协议',
  '该公司现金流紧张',
  'AAA评级的国有电力企业,与我行第三次合作',
  'a client that wants money',
  'The client is a AAA SOE',
  'Client is behind on payments',
  'They compare three banks on price and want approval within a week.',
  '我们和客户合作了十年',
];

describe('client names', () => {
  it.each(NAMED)('finds the name in %s', (text, name, anonymized = false) => {
    expect(extractClientName(text)).toEqual({ name, anonymized });
  });

  it('covers at least 40 varied names', () => {
    expect(NAMED.length).toBeGreaterThanOrEqual(40);
    expect(NAMED.filter(([, , a]) => a).length).toBeGreaterThanOrEqual(5);
  });

  it.each(UNNAMED)('finds no name in %s', (text) => {
    expect(guessClientName(text)).toBeNull();
  });

  it('stays fast and bounded on hostile input', () => {
    const hostile = `${'某'.repeat(5000)}${'集团'.repeat(5000)}${'A '.repeat(5000)}`;
    expect(() => extractClientName(hostile)).not.toThrow();
    expect((extractClientName(`客户:${'x'.repeat(10_000)}`)?.name.length ?? 0) <= 80).toBe(true);
  });
});
