import type { LexiconEntry } from './types.js';

/** Large, highly rated, multi-project clients with complex needs (基于长期战略的合作型). */
// biome-ignore format: term lists read better packed than one per line
export const STRATEGIC_ENTRIES: readonly LexiconEntry[] = [
  {
    id: 'segment.state_owned',
    category: 'segment',
    weights: { strategic: 3 },
    effects: ['large_client'],
    terms: [
      'state-controlled', 'state controlled', '国资委', 'state-backed', '央企', '中央企业', '国企', '国有企业',
      '国有控股', '国有', '国资', '省属', '市属', '区属', '城投', '平台公司', '交通投资集团', '交投', '城建集团',
      '地方政府', 'soe', 'soes', 'state-owned', 'state owned', 'government-owned', 'government owned',
      'sovereign-backed', 'sovereign backed', 'sovereign', 'municipal', 'provincial', 'public sector',
    ],
  },
  {
    id: 'segment.listed_large',
    category: 'segment',
    weights: { strategic: 2.5 },
    effects: ['large_client'],
    terms: [
      '头部', '两地上市', 'group treasurer', 'treasury team', 'treasurer', '大型集团', '上市公司', '上市企业',
      '上市', '集团公司', '龙头', '500强', '资产规模', '千亿', '百亿', '规模很大', '规模大', '跨国', '大客户',
      'listed', 'publicly traded', 'blue-chip', 'blue chip', 'conglomerate', 'multinational', 'fortune 500',
      'large corporate', 'large corporates', 'large group', 'market leader', 'industry leader',
    ],
  },
  {
    id: 'segment.large_word',
    category: 'segment',
    weights: { strategic: 2 },
    weak: true,
    effects: ['large_client'],
    terms: ['集团', '大型', 'large', 'global'],
  },
  {
    id: 'segment.institutional',
    category: 'segment',
    weights: { strategic: 2.5 },
    effects: ['large_client'],
    terms: [
      '机构投资者', '养老基金', '保险资金', '主权基金', '基础设施基金', 'institutional investor', 'institutional',
      'pension fund', 'infrastructure fund', 'sovereign wealth fund', 'asset manager', 'insurer', 'long-term mandate',
      '政策性银行', '开发性金融', '国开行', '进出口银行', '多边开发银行', 'multilateral', 'development bank',
      'development finance', 'eximbank', 'export-import bank', 'export credit agency',
    ],
  },
  {
    id: 'rating.high',
    category: 'rating',
    weights: { strategic: 2.5 },
    effects: ['large_client'],
    terms: [
      'aaa', 'aa+', 'aa', 'aa-', 'a+', 'rated a', 'rated a-', 'bbb+', 'bbb', '评级', '信用评级', '主体评级', '高评级',
      '投资级', 'investment grade', 'investment-grade',
    ],
  },
  {
    id: 'rating.agency_word',
    category: 'rating',
    // Agencies and the word "rating" appear as often in downgrade news as in praise: supportive only.
    weights: { strategic: 1.5 },
    weak: true,
    effects: ['large_client'],
    terms: ['评级', '信用评级', '主体评级', '大公', '中诚信', '联合资信', 'rated', 'rating', 's&p', "moody's", 'fitch'],
  },
  {
    id: 'rating.sound_finances',
    category: 'rating',
    weights: { strategic: 1 },
    terms: [
      '财务稳健', '财务状况稳健', '财务状况良好', '财务状况很稳健', '稳定的财务', '资金实力', '现金流充裕',
      '现金流稳定', 'strong balance sheet', 'solid balance sheet', 'balance sheet is strong', 'financially strong',
      'cash flow is solid', 'strong cash flow',
    ],
  },
  {
    id: 'history.long',
    category: 'history',
    weights: { strategic: 1.5, partnership: 1.5 },
    terms: [
      'since ipo', 'since listing', 'since the 80s', 'since the 90s', 'since the 2000s', '好几年', '认识…年', '历年',
      '合作从', '多年', '长期合作', '十多年', '十几年', '二十年', '三十年', '合作…年', '长期', '老客户', '一直是',
      'long-standing', 'longstanding', 'long-time', 'longtime', 'long-term relationship', 'long relationship',
      'for years', 'over a decade', 'for a decade', 'two decades', 'decades', 'since 19*', 'since 20*', 'for…years',
      'years with us',
    ],
  },
  {
    id: 'history.repeat_projects',
    category: 'history',
    weights: { strategic: 2.5 },
    terms: [
      '多个项目', '多项目', '多次合作', '个项目', '个…项目', '笔银团', '再次合作', '又在谈', '下一阶段', '多项',
      'repeat client', 'repeat', 'repeated', 'multiple projects', 'several projects', 'projects together',
      'five projects', 'across…project*', 'co-financed', 'co-lending', 'co-financing', 'co-investing', 'four of their',
      'next pipeline', 'pipeline', 'project loans',
    ],
  },
  {
    id: 'history.repeat_word',
    category: 'history',
    // "several" and "multiple" open stories of every kind ("several years ago"): supportive only.
    weights: { strategic: 1.5 },
    weak: true,
    terms: ['多次', 'multiple', 'several'],
  },
  {
    id: 'history.core_bank',
    category: 'history',
    weights: { strategic: 3 },
    effects: ['large_client'],
    terms: [
      'bank panel', 'panel bank', '结算银行', '主要结算银行', '主要合作行', 'arranged', '主办行', '主力银行', '牵头行',
      '牵头', '核心银行', '主要合作银行', '战略客户', 'core bank', 'lead arranger', 'lead bank', 'main bank',
      'house bank', 'relationship bank', 'relationship banks', '总对总', 'mandated lead', 'bookrunner',
      'anchor lender', 'strategic client',
    ],
  },
  {
    id: 'needs.syndicated',
    category: 'needs',
    weights: { strategic: 2.5 },
    terms: [
      'syndicat*', 'anchor the deal', 'anchor', '银团', '银团贷款', '联合贷款', 'club loan', 'club deal',
      'export credit', 'eca-backed', '联贷', '联贷案', '联合授信', '统筹主办', '共同主办', '参贷', '参贷行', '额度管理银行',
      '额度管理行', '管理银行', '超额认购', '认购踊跃', 'oversubscribed', 'over-subscribed', 'oversubscription',
      'participating banks', 'lead manager*', 'facility agent', 'documentation agent', 'joint lead arranger',
      'coordinating lead arranger', 'green loan', 'sustainability-linked loan', 'sustainability-linked',
      '永续连结', '绿色授信',
    ],
  },
  {
    id: 'needs.framework',
    category: 'needs',
    weights: { strategic: 3 },
    terms: [
      '战略合作协议', '战略合作', '合作协议', '合作备忘录', '合作框架', '框架协议', '全面合作', '战略规划', '共同规划',
      '长期规划', '战略评估', 'framework agreement', 'framework', 'strategic partnership', 'strategic review',
      'strategic planning', 'joint planning', 'working group', 'roadmap', 'strategy review', 'strategy reviews',
      'mou', 'memorandum of understanding', 'strategic cooperation', 'strategic alliance', 'cooperation agreement',
      '备忘录', '合作意向书', '策略联盟', '战略伙伴', '战略合作伙伴', '业务合作协议', '全面业务合作', '银企合作',
      'pipeline review', 'long-term plan',
    ],
  },
  {
    id: 'needs.large_credit',
    category: 'needs',
    // A lender announcing a large framework credit line is evidence about the client it names.
    weights: { strategic: 2.5 },
    effects: ['large_client'],
    terms: [
      '综合授信', '意向性授信', '意向授信', '意向性融资', '授信支持', '撮合融资', '亿元授信', 'intentional credit line',
      'comprehensive credit line', 'credit line of', 'long-term financing', 'long-term funding', 'on-lend*',
      'financial close', 'non-recourse', 'back-leverage', 'tax equity',
    ],
  },
  {
    id: 'needs.bespoke_structure',
    category: 'needs',
    weights: { strategic: 2 },
    terms: [
      '定制化', '定制', '量身定制', '整体方案', '综合金融方案', '综合金融服务', '一揽子', '结构化融资', '融资结构',
      '复杂', 'bespoke', 'tailored', 'customized', 'customised', 'structured', 'structuring', 'integrated solution',
      'holistic', 'one-stop', 'financing structure',
    ],
  },
  {
    id: 'needs.advisory',
    category: 'needs',
    weights: { strategic: 2 },
    terms: [
      'green bond', 'green-bond', 'bond issuance', '债券发行', '发债', '财务顾问', '财务咨询', '咨询', '风险管理',
      '汇率避险', '套期保值', '避险', '跨境融资', '跨境', '现金管理', '资金池', '供应链金融', '资产重组', '并购重组',
      '并购', '债券承销', '专项债', '海外扩张', '海外项目', 'advisory', 'hedging', 'risk management',
      'cash management', 'bond underwriting', 'underwriting', 'm&a', 'acquisition financing', 'fleet renewal',
    ],
  },
  {
    id: 'needs.project_finance',
    category: 'needs',
    weights: { strategic: 1 },
    terms: ['项目融资', '项目贷款', 'ppp', '基础设施', 'project finance', 'project financing', 'infrastructure'],
  },
  {
    id: 'needs.dedicated_coverage',
    category: 'needs',
    weights: { strategic: 2 },
    terms: [
      '专属服务团队', '专属团队', '专门团队', '服务团队', '高层会谈', '高层', '董事会', 'dedicated team',
      'dedicated coverage', 'coverage team', 'board level', 'c-suite', 'senior management',
    ],
  },
];
