import type { LexiconEntry } from './types.js';

/** Small clients with simple needs who buy on price and speed (基于交易效率的标准化). */
// biome-ignore format: term lists read better packed than one per line
export const TRANSACTIONAL_ENTRIES: readonly LexiconEntry[] = [
  {
    id: 'segment.small',
    category: 'segment',
    weights: { transactional: 3 },
    terms: [
      'husband-and-wife', 'family shop', 'pre-revenue', 'early-stage', 'early stage', '小卖部', '门店', '装修公司',
      '员工十来个', '几个人', '小微', '小微企业', '小企业', '中小企业', '小型', '个体', '个体户', '个体工商户',
      '个体经营', '小公司', '小店', '夫妻店', '初创', '刚成立', '创业公司', '微型企业', '小作坊', '小商户', '商户',
      '小老板', '加工厂', '汽修厂', '餐馆', '奶茶店', 'sme', 'smes', 'small business', 'small company', 'small firm',
      'startup', 'start-up', 'micro-enterprise', 'micro enterprise', 'micro business', 'sole proprietor',
      'sole trader', 'self-employed', 'small shop', 'two-person', 'convenience store*', 'freelance*', 'franchise',
      '小厂', '小店主',
    ],
  },
  {
    id: 'segment.small_word',
    category: 'segment',
    weights: { transactional: 1.5 },
    terms: ['小规模', '规模不大', 'small', 'tiny'],
  },
  {
    id: 'price_speed.price_mention',
    category: 'price_speed',
    weights: { transactional: 1.5 },
    weak: true,
    terms: [
      '利息', 'interest rate', 'monthly payment', '利率', '价格', '定价', '成本', '费率', '敏感', 'rate', 'rates',
      'price', 'pricing', 'margin', 'cost', 'fees',
    ],
  },
  {
    id: 'price_speed.price_first',
    category: 'price_speed',
    weights: { transactional: 3 },
    terms: [
      'quotes', 'whichever', '利息便宜', '比较利率', '比较价格', '哪个…便宜', '看谁…低', 'terms and speed',
      '利率越低越好', '越便宜越好', '只看价格', '只关心', '只看', '只要便宜', '价格敏感', '比价', '货比三家', '最低',
      '更低', '便宜', '低一点', '利息低', '利息多少', '讲价', '压价', '成本低', '低成本', 'price-sensitive',
      'price sensitive', 'rate-sensitive', 'rate sensitive', 'cheapest', 'cheaper', 'lowest', 'lower quote',
      'better rate', 'match it', 'match the rate', 'keep comparing', 'low price', 'low rate', 'at a low price',
      'compare rates', 'compares rates', 'compare quotes', 'compares quotes', 'asked about rates', 'shop around',
      'shops around', 'shopping around', 'rate shopping', 'all that matters', 'only cares', 'only care',
      'matters most', 'just wants', 'just want', 'just fast money',
    ],
  },
  {
    id: 'price_speed.speed',
    category: 'price_speed',
    weights: { transactional: 2.5 },
    terms: [
      'approved first', '批得快', '快一点', '急着用钱', '审批快慢', '放款速度', '尽快', '越快越好', '秒批', '秒贷', '极速',
      '分钟到账', '当天到账', '下午到账', '马上到账', '立等可见', '两天到账', '三天就', '撥款', '放款快速', '当日撥款',
      '当天', '三天内', '一周内', '审批快', '放款快', '快不快', '到账', '随借随还', '急用钱', '今天就', '明天就',
      '多久能批', '审批时效', '时效', 'fastest', 'same-day', 'same day', 'funded within', 'funding speed', 'next-day',
      'decision in minutes', 'decisions the same day', 'funds within hours',
      'within a week', 'within…days', 'within…hours', 'in 24 hours', 'by tomorrow', 'by friday', 'asap',
      'turnaround time',
    ],
  },
  {
    id: 'price_speed.speed_word',
    category: 'price_speed',
    weights: { transactional: 2 },
    weak: true,
    terms: ['速度', '快速', 'fast', 'faster', 'quick', 'quickly', 'speed'],
  },
  {
    id: 'price_speed.simple_process',
    category: 'price_speed',
    weights: { transactional: 2.5 },
    terms: [
      '材料简单', '材料越简单越好', '手续简便', '简便', '简单', '标准化', '标准', '线上', '手机银行', '小程序', '网贷',
      '在线', '手机', '材料少', '数字化', '贷款平台', '太多材料', '流程简单', 'online', 'digital', 'app', 'mobile',
      'standardized', 'standardised', 'standard product', 'standard', 'minimal paperwork', 'paperwork',
      'minimum documents', 'minimal documents', 'few documents', 'on the phone', 'online lender', 'simple process',
      'self-service',
    ],
  },
  {
    id: 'needs.short_term_credit',
    category: 'needs',
    weights: { transactional: 1.5 },
    terms: [
      '周转', '短期周转', '经营贷', '信用贷', '税贷', '流动资金', '小额', '设备贷款', '银税互动', '以税定贷', '凭税定贷',
      '纳税信用', '税易贷', '税金贷', '普惠贷', '微业贷', '快贷', '信用贷款', '网商贷', '周转金', 'working capital',
      'short-term', 'overdraft', 'invoice financing', 'invoice discounting', 'equipment loan', 'equipment financing',
      'small loan', 'revenue-based', 'purchase order', 'trade finance', 'equipment purchase',
      'merchant cash advance', 'line of credit', 'credit line for', 'term loan offer', 'factor rate', 'apr',
    ],
  },
  {
    id: 'needs.loan_word',
    category: 'needs',
    weights: { transactional: 1.5 },
    weak: true,
    terms: ['一笔', '借点钱', 'some cash', 'borrow some'],
  },
  {
    id: 'needs.single_product',
    category: 'needs',
    weights: { transactional: 2.5 },
    terms: [
      '一次性', '单笔', '其他…不需要', '不需要其他', '别的…不考虑', '别的业务', '对其他产品', '其他服务', 'one-off',
      'one off', 'one-time', 'no other needs', 'nothing else', 'cross-selling', 'other services', 'nothing bespoke',
    ],
  },
  {
    id: 'needs.declines_extras',
    category: 'needs',
    weights: { transactional: 2.5 },
    negationScopesForward: true,
    terms: [
      '不打算做其他', '不做其他', '不考虑其他', '别的都不要', '没有兴趣', '没兴趣', '不感兴趣', '不需要',
      'no interest in', 'not interested in', "isn't interested in", 'no need for', 'does not need', "doesn't need",
    ],
  },
  {
    id: 'needs.neutral_phrases',
    category: 'needs',
    // Phrases that contain a signal word but say nothing about the type ("trust loan" is not trust).
    weights: {},
    terms: [
      '信托贷款', '信托产品', '信托公司', 'trust loan', 'trust loans', 'trust company', 'trust product',
      'small gathering', 'small group', 'small number', 'small talk', 'small part', '绿色通道', 'fast-track',
      'fast track', 'digital infrastructure', 'private commercial bank', 'private sector', 'private-sector',
    ],
  },
  {
    id: 'price_speed.switching_banks',
    category: 'price_speed',
    weights: { transactional: 3.5 },
    effects: ['contradicts_loyalty'],
    terms: [
      '另一家银行', '他就走', '就走人', '就换', 'will leave', 'would leave', 'walk away',
      'take the business elsewhere', 'move the loan', 'moved the loan', 'moved his', 'moved her', '转到别家',
      '转去别家', '转到其他银行', '转到他行', '换到别家', '换一家银行', '换银行', '转过去', '转走', '去别家',
      '哪家便宜', '哪家…就去哪家', '哪家…就用哪家', '就用哪家', '谁家便宜', '谁便宜', '别家银行利率', '隔壁银行',
      '其他银行利率', 'moving…to another bank', 'move…to another bank', 'to another bank', 'another bank offered',
      'switch banks', 'switching banks', 'switch to', 'rival bank', 'another lender', 'go with them', 'competitor',
      'go wherever', 'goes wherever', 'will go wherever', 'go elsewhere', 'elsewhere', 'pick the cheapest',
      'whoever is cheapest', 'leaving us', 'leave us',
    ],
  },
];
