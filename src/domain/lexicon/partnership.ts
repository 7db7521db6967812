import type { LexiconEntry } from './types.js';

/** Family businesses and wealthy individuals bound by trust, loyalty and affinity (基于信任与情感的伙伴型). */
// biome-ignore format: term lists read better packed than one per line
export const PARTNERSHIP_ENTRIES: readonly LexiconEntry[] = [
  {
    id: 'segment.family_business',
    category: 'segment',
    weights: { partnership: 2.5 },
    terms: [
      '家族企业', '家族', '民营家族', '第二代', '二代', '接班人', '家族办公室', '掌门人', '三代', 'family business',
      'family-owned', 'family owned', 'family-run', 'family run', 'family office', 'family-business',
      'second-generation', 'second generation', 'third generation', 'three generations', "founder's family", 'heir',
      "family's",
    ],
  },
  {
    id: 'segment.wealthy_individual',
    category: 'segment',
    weights: { partnership: 3 },
    terms: [
      '高净值', '私人银行', '私行', '中高端个人', '个人投资者', '企业家', '民营企业家', '富裕', 'vip', 'hnw', 'uhnw',
      'high-net-worth', 'high net worth', 'wealthy', 'private banking', 'private bank', 'private client',
      'private wealth', 'personal banker', 'entrepreneur', 'entrepreneurs', 'founder', 'wealth',
    ],
  },
  {
    id: 'loyalty.trust',
    category: 'loyalty',
    weights: { partnership: 3 },
    terms: [
      'friend', 'friends', 'friendship', '家里的银行', 'our bank', 'calls us', '很有感情', '感情很深', '信任',
      '高度信任', '互信', '忠诚', '忠实', '关系亲密', '关系密切', '关系非常密切', '情感', '感情', '情谊', '懂她',
      '懂他', '自家人', '一家人', '老朋友', '多年的朋友', '朋友', 'trust', 'trusts', 'deep trust', 'personal trust',
      'loyal', 'loyalty', 'very loyal', 'personal connection', 'personal attention', 'part of the family',
      'part of his family', "part of his family's", 'close relationship', 'emotional', 'calls our rm', '信赖',
      '感谢', '感恩', '感激', '认准了', 'grateful', 'gratitude', 'believed in me', 'believed in him', 'believed in her',
      'believed in us', 'knew me', 'knew my dad', 'knew my father', 'known me', 'knows us', 'knew us', 'cares about me',
      'best interests at heart', 'stood by', 'saved his life', 'saved our',
    ],
  },
  {
    id: 'loyalty.relationship_banking',
    category: 'loyalty',
    // Community, cooperative and personal banking: the story is about people who know each other.
    weights: { partnership: 2 },
    terms: [
      'community bank', 'community banks', 'community banking', 'hometown bank', 'local bank', 'local banker',
      'country banker', 'credit union', 'relationship banking', 'personal touch', 'my banker', 'our banker',
      'loan officer', 'business banker', 'bank president', '信用社', '农信社', '农商行', '信贷员', '乡亲', '村民', '十里八村', '挨家挨户',
      '走村入户', '老主顾',
    ],
  },
  {
    id: 'loyalty.friendly',
    category: 'loyalty',
    weights: { partnership: 1.5 },
    terms: [
      '关系一直很好', '逢年过节', '问候', '行长', 'branch president', 'branch head', '关系不错', '关系很好',
      '关系一直不错', '人很好', '人挺实在', '一起吃饭', 'friendly', 'on good terms', 'chats with', 'good relationship',
      'handshake', 'first-name', 'first name', 'his loan officer', 'her loan officer', 'their loan officer',
    ],
  },
  {
    id: 'loyalty.stays',
    category: 'loyalty',
    weights: { partnership: 3 },
    terms: [
      '没动心', '不为所动', 'declined offers', 'declined…offers', 'refused to switch', 'never moved', '也不走',
      '不会走', '从没换过', '从未换过', '没换过银行', '不换银行', '不会换', '核心业务都放在', '都放在我行',
      '都交给我们', '交给我们打理', '主要资产', 'never leave', 'would never leave', "won't leave", 'never switch',
      'turned down a cheaper', 'turned down', 'stayed with us', 'banked with us', 'moved all', 'chose us',
    ],
  },
  {
    id: 'loyalty.price_insensitive',
    category: 'loyalty',
    weights: { partnership: 2 },
    terms: [
      '不太敏感', '不敏感', '不太在意', '不在意', '不在乎价格', '不在乎', '价格不是主要', 'more than pricing',
      'rather than the cheapest', 'barely comes up', 'not about price',
    ],
  },
  {
    id: 'loyalty.brand_values',
    category: 'loyalty',
    weights: { partnership: 3 },
    terms: [
      '文化', '价值观', '经营理念', '理念', '认同', '荣誉感', '品牌荣誉', 'culture', 'values', 'share his values',
      'share her values', 'our values',
    ],
  },
  {
    id: 'loyalty.brand_word',
    category: 'loyalty',
    weights: { partnership: 2 },
    weak: true,
    terms: ['品牌', 'brand'],
  },
  {
    id: 'loyalty.family_ties',
    category: 'loyalty',
    // Ties that run through a family and across generations: the banker is part of the family's story.
    weights: { partnership: 3 },
    terms: [
      '世交', '世家', '托付', '两代人', '三代人', '几代人', '四代', '父亲那一代', '老一辈', '恩人', '亲人', '比亲戚还',
      '鱼和水', '鱼水', '第一桶', '老朋友一样', 'for generations', 'two generations', 'four generations', 'generations',
      'grandfather', 'grandmother', 'granddaughter', 'grandson', 'grandchildren', 'his father', 'her father',
      'their parents', 'all his life', 'all her life', 'wedding', 'funeral', 'benefactor', 'family bank', 'banked with',
      'church together',
    ],
  },
  {
    id: 'needs.community_events',
    category: 'needs',
    weights: { partnership: 3 },
    terms: [
      '沙龙', '俱乐部', '会所', '答谢会', '活动', '高端活动', '交流活动', '品鉴会', '私享', '晚宴', '论坛', '圈层',
      '社交', '人脉', '结识', '圈子', '社交资源', 'club', 'salon', 'gala', 'events', 'event', 'networking', 'dinners',
      'forum', 'introductions', 'peers', 'members-only', 'exclusive', 'invitations', 'charity',
    ],
  },
  {
    id: 'needs.privileges',
    category: 'needs',
    weights: { partnership: 2.5 },
    terms: [
      '传承', '家族传承', '财富传承', '家族信托', 'succession', 'estate planning', 'family trust', 'next generation',
      'next-generation', '专属权益', '权益', '个性化服务', '专属服务', '尊享', '子女教育', '私人', 'privileges',
      'bespoke privileges', 'personalized service', 'personalised service', 'personal service', 'concierge',
    ],
  },
];
