import type { CueEntry } from './types.js';

/**
 * Words that change what nearby signals mean. Reach is in normalized characters: Chinese packs a
 * clause into fewer characters than English, so Chinese cues reach less far.
 */
// biome-ignore format: term lists read better packed than one per line
export const CUES: readonly CueEntry[] = [
  {
    id: 'negation.zh',
    kind: 'negation',
    reach: 12,
    terms: [
      '没有', '没', '无', '未', '并非', '并未', '并没有', '不是', '非', '从未', '从没', '从来没有', '从来没', '从不',
      '毫无', '零', '不存在', '没出现', '未出现', '未发生', '不涉及', '无任何', '没有任何', '不需要', '不想', '不打算',
      '排除', '而不是', '而非', '谈不上',
    ],
  },
  { id: 'negation.zh_short', kind: 'negation', reach: 6, terms: ['不', '不太', '不会'] },
  {
    id: 'negation.en',
    kind: 'negation',
    reach: 40,
    terms: [
      'no', 'not', 'never', 'without', 'zero', 'none', 'nor', 'neither', 'free of', 'no sign of', 'no signs of',
      "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't", "hasn't", "haven't", "won't", 'no longer',
      'nothing', 'rather than', 'instead of', 'more than', 'absence of', 'lack of any',
    ],
  },
  {
    id: 'post_negation',
    kind: 'post_negation',
    reach: 8,
    terms: [
      '不太敏感', '不敏感', '不太在意', '不在意', '不在乎', '不重要', '不是主要', '不是重点', '不是问题', '没问题',
      '都不需要', '不需要',
    ],
  },
  {
    id: 'post_negation.en',
    kind: 'post_negation',
    reach: 25,
    terms: [
      'barely comes up', "doesn't matter", 'does not matter', 'not a concern', 'not an issue', 'not a priority',
      'is not a factor', 'no problem',
    ],
  },
  {
    id: 'inert',
    kind: 'inert',
    terms: [
      '不仅', '不但', '不断', '不少', '不同', '不久', '不管', '不得不', '不过', '无论', '无锡', '无法', '非常', '非标',
      '非洲', '非银', '未来', '零售', '没收', '毫无疑问', 'not only', 'no doubt', 'but also', 'nothing but',
      'no matter',
    ],
  },
  {
    id: 'concessive',
    kind: 'concessive',
    terms: [
      '虽然', '虽', '尽管', '虽说', '固然', '即使', '即便', '哪怕', '表面上', 'although', 'though', 'even though',
      'despite', 'in spite of', 'while', 'whilst', 'notwithstanding', 'even if',
    ],
  },
  {
    id: 'adversative',
    kind: 'adversative',
    terms: [
      '但', '但是', '可是', '然而', '却', '不过', 'but', 'however', 'yet', 'nevertheless', 'nonetheless', 'still,',
    ],
  },
  {
    id: 'recency',
    kind: 'recency',
    terms: [
      '最近', '近期', '目前', '现在', '如今', '这次', '本次', '今年', '本月', '上周', '上个月', '近来', '眼下', '当前',
      '刚刚', '突然', 'now', 'recently', 'lately', 'currently', 'this time', 'this year', 'this month', 'last week',
      'last month', 'suddenly', 'as of',
    ],
  },
  {
    id: 'past',
    kind: 'past',
    reach: 20,
    terms: [
      '曾经', '原来', '以前', '原先', '早年', '年前', '当年', 'used to', 'formerly', 'previously', 'in the past',
      'years ago', 'back then', 'historically',
    ],
  },
  {
    id: 'hedge',
    kind: 'hedge',
    reach: 20,
    terms: [
      '担心', '担忧', '可能', '或许', '也许', '传闻', '有人说', '隐患', '苗头', '快要', '即将', 'worried', 'worry',
      'worries', 'concerned', 'may', 'might', 'could', 'risk of', 'potential', 'possible', 'rumor', 'rumour',
      'rumours', 'fear', 'fears',
    ],
  },
  {
    id: 'resolved',
    kind: 'resolved',
    reach: 30,
    terms: [
      '已结清', '已还清', '已经结清', '已经还清', '已解决', '已经解决', '已化解', '已偿还', '已经恢复正常',
      '已恢复正常', '已正常', 'resolved', 'cured', 'repaid', 'fully repaid', 'settled', 'paid off', 'back to normal',
      'caught up',
    ],
  },
  {
    id: 'resolved.story',
    kind: 'resolved',
    reach: 90,
    terms: [
      '那段已经过去', '已经过去', '早已过去', '已走出困境', '走出困境', '早已恢复', '恢复正常', '渡过了难关', '挺过来了', '已经挺过',
      'that was years ago', 'is behind them', 'are behind them', 'trades normally', 'trading normally', 'back on its feet',
      'has recovered', 'since recovered', 'reopened', 'those days are over', 'long since repaid',
    ],
  },
  {
    id: 'conditional',
    kind: 'conditional',
    reach: 20,
    terms: [
      '如逾期', '若逾期', '一旦逾期', '逾期将', '逾期就', '逾期后', '如果', '若', '如未', '假如', '万一', '一旦', 'if',
      'should you', 'in case of', 'in the event of', 'unless',
    ],
  },
  {
    id: 'conditional.product_register',
    kind: 'conditional',
    // A product page speaks to "you": the urgency or late payment it mentions is a case it covers, not
    // the state of the client an RM is describing.
    reach: 45,
    terms: [
      'your business', 'your company', 'you need', 'you can', 'when you', 'whenever you', 'if you', 'your cash',
      'ideal for', 'designed for', 'for businesses', 'business owners', 'borrowers who', 'companies that need',
      '您的', '您可以', '当您', '满足您', '如您', '适用对象', '适用于', '适合', '帮助企业',
    ],
  },
  {
    id: 'other_party',
    kind: 'other_party',
    reach: 15,
    terms: [
      '供应商', '竞争对手', '同行', '对手', '其他开发商', '别家企业', 'supplier', 'suppliers', 'competitor',
      'competitors', 'rival', 'rivals', 'other developers', 'another developer',
    ],
  },
  { id: 'breaker', kind: 'breaker', terms: ['而是', '只是', '就是', 'and want*', 'and they', 'and asked', 'instead'] },
];
