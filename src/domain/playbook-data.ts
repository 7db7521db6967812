import type { PlaybookInput } from './playbook-schema.js';

/**
 * The four-type playbook, encoded from the seed article
 * 《客户关系发展的四种类型及其在项目融资与企业贷款行业中的应用》.
 * Chinese text follows the article's wording; English is a faithful translation.
 * The "how to apply" lines turn each strategy into something an RM can do this week.
 */
export const DEFAULT_PLAYBOOK: PlaybookInput = {
  version: '2026.11-seed.1',
  source: '客户关系发展的四种类型及其在项目融资与企业贷款行业中的应用',
  types: [
    {
      id: 'strategic',
      name: { zh: '基于长期战略的合作型客户关系', en: 'Long-term strategic cooperation' },
      shortName: { zh: '战略合作型', en: 'Strategic' },
      emoji: ':classical_building:',
      definition: {
        zh: '强调双方的长期合作和共同目标;通过多次合作形成深度绑定,不限于一次性的资金需求。',
        en: 'Long-term cooperation towards shared goals; deep ties built over repeated deals, not a one-off funding need.',
      },
      typicalClients: [
        { zh: '大型企业或机构投资者', en: 'Large enterprises or institutional investors' },
        { zh: '信用评级较高、财务状况稳定的客户', en: 'Clients with high credit ratings and stable finances' },
      ],
      characteristics: [
        {
          title: { zh: '高度依赖性', en: 'High interdependence' },
          detail: {
            zh: '客户对企业的信任度较高,愿意在多个项目中与其合作。',
            en: 'The client trusts the bank and works with it across many projects.',
          },
        },
        {
          title: { zh: '战略性', en: 'Strategic' },
          detail: {
            zh: '双方的合作往往基于共同的长期目标和战略规划。',
            en: 'Cooperation rests on shared long-term goals and strategic planning.',
          },
        },
        {
          title: { zh: '服务复杂性', en: 'Service complexity' },
          detail: {
            zh: '客户需求多样化,需要提供定制化的金融服务解决方案。',
            en: 'Diverse needs call for customized financial solutions.',
          },
        },
      ],
      actions: [
        {
          id: 'strategic.dedicated-team',
          title: { zh: '建立专属客户服务团队', en: 'Set up a dedicated client service team' },
          howTo: {
            zh: '指定牵头客户经理和产品、风险、投行专家组成专属团队,确保高效的服务响应。',
            en: 'Name a lead RM plus product, risk and investment-banking specialists as one team, so the client gets fast, joined-up responses.',
          },
          keywords: ['专属团队', 'coverage team', '响应'],
        },
        {
          id: 'strategic.strategy-review',
          title: { zh: '定期进行战略评估', en: 'Hold regular strategy reviews' },
          howTo: {
            zh: '按季度或半年与客户高层复盘合作,调整合作方向以适应市场变化。',
            en: "Review the relationship with the client's leadership each quarter or half-year and adjust its direction to market changes.",
          },
          keywords: ['战略评估', '高层会谈', 'framework', '规划'],
        },
        {
          id: 'strategic.value-added-services',
          title: { zh: '提供附加值服务', en: 'Offer value-added services' },
          howTo: {
            zh: '在融资之外提供财务咨询、风险管理(如汇率和利率避险)等服务,增强客户粘性。',
            en: 'Go beyond lending with financial advisory and risk management (e.g. FX and rate hedging) to deepen the relationship.',
          },
          keywords: ['财务顾问', '风险管理', 'advisory', 'hedging', '避险'],
        },
      ],
    },
    {
      id: 'transactional',
      name: { zh: '基于交易效率的标准化客户关系', en: 'Efficiency-driven standardized relationship' },
      shortName: { zh: '标准交易型', en: 'Transactional' },
      emoji: ':zap:',
      definition: {
        zh: '面向金融服务需求简单、明确的客户,他们更关注融资的速度和成本,而非额外的服务内容。',
        en: 'For clients with simple, clear needs who care about speed and cost of funding rather than extra services.',
      },
      typicalClients: [
        { zh: '中小微企业', en: 'Small, medium and micro enterprises' },
        { zh: '个体经营者', en: 'Sole proprietors' },
      ],
      characteristics: [
        {
          title: { zh: '需求单一', en: 'A single need' },
          detail: { zh: '客户的主要诉求是快速获得资金支持。', en: 'The main ask is fast access to funds.' },
        },
        {
          title: { zh: '交易导向', en: 'Transaction-oriented' },
          detail: { zh: '注重效率和服务的标准化流程。', en: 'Values efficiency and a standardized process.' },
        },
        {
          title: { zh: '客户基数大', en: 'A large client base' },
          detail: {
            zh: '客户数量庞大,但单个客户的贡献度相对较低。',
            en: 'Many clients, each contributing relatively little.',
          },
        },
      ],
      actions: [
        {
          id: 'transactional.fast-process',
          title: { zh: '提供简便快捷的申请流程', en: 'Offer a simple, fast application process' },
          howTo: {
            zh: '使用标准化产品和材料清单,承诺审批时限,减少往返补件。',
            en: 'Use standard products and a fixed document checklist, commit to an approval time and avoid back-and-forth requests.',
          },
          keywords: ['快速审批', '放款', 'fast approval', 'paperwork'],
        },
        {
          id: 'transactional.digital-tools',
          title: { zh: '利用数字化工具降低运营成本', en: 'Use digital tools to cut operating cost' },
          howTo: {
            zh: '引导客户通过线上贷款平台或小程序申请和续贷,降低单笔服务成本。',
            en: 'Route applications and renewals through the online lending platform or app to lower the cost per deal.',
          },
          keywords: ['贷款平台', '线上', 'digital', 'online', 'app'],
        },
        {
          id: 'transactional.batch-marketing',
          title: { zh: '通过批量营销扩大获客渠道', en: 'Grow acquisition through batch marketing' },
          howTo: {
            zh: '按行业、园区或供应链批量触达同类客户,复用同一套产品和流程。',
            en: 'Reach similar clients in batches by industry, park or supply chain, reusing one product and process.',
          },
          keywords: ['批量营销', '获客', 'marketing', 'acquisition'],
        },
      ],
    },
    {
      id: 'partnership',
      name: { zh: '基于信任与情感的伙伴型客户关系', en: 'Trust- and emotion-based partnership' },
      shortName: { zh: '信任伙伴型', en: 'Partnership' },
      emoji: ':handshake:',
      definition: {
        zh: '建立在长期合作基础上,强调互信和共鸣;客户对企业的品牌、文化和价值观有较高的认同感。',
        en: "Built on long cooperation, mutual trust and resonance; the client identifies with the bank's brand, culture and values.",
      },
      typicalClients: [
        { zh: '中高端个人投资者', en: 'Mid- to high-end individual investors' },
        { zh: '家族企业', en: 'Family businesses' },
      ],
      characteristics: [
        {
          title: { zh: '高忠诚度', en: 'High loyalty' },
          detail: {
            zh: '客户愿意将核心业务与企业绑定。',
            en: 'The client is willing to tie its core business to the bank.',
          },
        },
        {
          title: { zh: '信任驱动', en: 'Trust-driven' },
          detail: {
            zh: '互动不仅限于商业活动,还包括情感层面的连接。',
            en: 'Interaction goes beyond business to an emotional connection.',
          },
        },
        {
          title: { zh: '增值需求高', en: 'High demand for added value' },
          detail: {
            zh: '希望获得超越金融服务之外的价值,如社交圈层、品牌荣誉等。',
            en: 'Wants value beyond finance, such as social circles and brand prestige.',
          },
        },
      ],
      actions: [
        {
          id: 'partnership.brand-building',
          title: { zh: '注重品牌建设', en: 'Invest in the brand' },
          howTo: {
            zh: '通过品牌故事、社会责任和一致的服务体验,提升客户对企业文化的认同感。',
            en: "Strengthen the client's identification with the bank's culture through brand stories, shared causes and a consistent experience.",
          },
          keywords: ['品牌', '文化', 'brand', 'culture'],
        },
        {
          id: 'partnership.exclusive-privileges',
          title: { zh: '提供个性化服务和专属权益', en: 'Provide personalized service and exclusive privileges' },
          howTo: {
            zh: '安排固定的客户经理和专属权益(如高端客户俱乐部),服务安排按客户家庭和企业的节奏来。',
            en: "Give a constant RM and exclusive privileges (e.g. a premium client club), and fit service to the family's and business's rhythm.",
          },
          keywords: ['专属权益', '俱乐部', 'club', 'privileges', '个性化'],
        },
        {
          id: 'partnership.client-salons',
          title: { zh: '定期举办客户沙龙或交流活动', en: 'Host regular client salons and networking events' },
          howTo: {
            zh: '邀请客户参加沙龙、答谢会和企业家交流活动,增强情感连接并拓展其圈层。',
            en: 'Invite the client to salons, appreciation events and entrepreneur gatherings to deepen the bond and widen their circle.',
          },
          keywords: ['沙龙', '交流活动', 'salon', 'events', 'networking'],
        },
      ],
    },
    {
      id: 'problem_solving',
      name: { zh: '基于问题解决的服务型客户关系', en: 'Problem-solving service relationship' },
      shortName: { zh: '问题解决型', en: 'Problem-solving' },
      emoji: ':rotating_light:',
      definition: {
        zh: '源于客户在经营中遇到的特定问题(资金链断裂、财务风险等);通过纾困贷款、债务重组等方案帮助客户渡过难关,建立信任并转化为长期合作。',
        en: 'Arises from a specific problem (broken funding chain, financial risk); solutions such as bailout loans and debt restructuring carry the client through and can grow into a long-term relationship.',
      },
      typicalClients: [
        { zh: '资金链断裂或现金流紧张的企业', en: 'Companies with a broken funding chain or tight cash flow' },
        {
          zh: '面临财务风险、需要纾困或重组的客户',
          en: 'Clients facing financial risk that need a bailout or restructuring',
        },
      ],
      characteristics: [
        {
          title: { zh: '问题导向', en: 'Problem-driven' },
          detail: { zh: '客户需求具有突发性和不确定性。', en: 'Needs are sudden and uncertain.' },
        },
        {
          title: { zh: '解决方案复杂性高', en: 'Complex solutions' },
          detail: {
            zh: '需要专业的金融知识和风险管理能力。',
            en: 'Requires specialist financial knowledge and risk-management skill.',
          },
        },
        {
          title: { zh: '客户粘性较强', en: 'Strong stickiness' },
          detail: {
            zh: '一旦帮助客户解决关键问题,客户往往会产生高度依赖。',
            en: 'Once the bank solves a critical problem, the client tends to rely on it heavily.',
          },
        },
      ],
      actions: [
        {
          id: 'problem_solving.risk-team',
          title: { zh: '建立专业化的风险评估和应对团队', en: 'Form a specialist risk assessment and response team' },
          howTo: {
            zh: '立即组织风险、法务和特殊资产人员评估现金流、担保和债权人结构,制定应对方案。',
            en: 'Bring in risk, legal and special-assets staff at once to assess cash flow, collateral and the creditor picture, and plan the response.',
          },
          keywords: ['风险评估', '特殊资产', 'workout', 'risk team'],
        },
        {
          id: 'problem_solving.flexible-financing',
          title: { zh: '提供灵活多样的融资产品', en: 'Offer flexible financing products' },
          howTo: {
            zh: '按情况组合应急贷款、展期、纾困贷款和重组贷款(restructuring loans),匹配客户的真实还款能力。',
            en: "Combine emergency loans, extensions, bailout loans and restructuring loans to match the client's real capacity to repay.",
          },
          keywords: ['纾困', '应急贷款', '展期', '重组', 'restructuring', 'bridge', 'rescue'],
        },
        {
          id: 'problem_solving.build-trust',
          title: { zh: '在解决问题中加强沟通、提升信任', en: 'Build trust by communicating through the fix' },
          howTo: {
            zh: '与客户保持高频、透明的沟通,明确里程碑,在渡过难关后把关系转化为长期合作。',
            en: 'Keep frequent, candid contact with clear milestones, and turn the relationship into long-term cooperation once the crisis passes.',
          },
          keywords: ['沟通', '信任', 'communication', 'trust'],
        },
      ],
    },
  ],
  practices: [
    {
      id: 'practice.segmentation',
      title: { zh: '客户细分', en: 'Client segmentation' },
      howTo: {
        zh: '结合数据分析和客户画像补齐缺失信息,对客户进行精准分类,再确定服务方案。',
        en: 'Fill the gaps with data and a client profile to classify the client precisely before committing to a service plan.',
      },
      keywords: ['客户画像', '分类', 'segmentation', 'profile'],
      when: [{ maxConfidence: 0.55 }],
      why: {
        zh: '当前分类把握不高,先补齐客户画像再定策略。',
        en: 'The classification is uncertain; complete the client profile before settling the strategy.',
      },
    },
    {
      id: 'practice.dynamic-adjustment',
      title: { zh: '动态调整关系', en: 'Adjust the relationship as things change' },
      howTo: {
        zh: '客户需求随市场和经营状况变化,及时调整互动策略和授信安排。',
        en: 'Needs shift with the market and the business; adjust the engagement and credit arrangements promptly.',
      },
      keywords: ['动态调整', '关系变化', 'adjust', 'change'],
      when: [{ typeChanged: true }],
      why: {
        zh: '客户的关系类型已发生变化,互动策略需要随之调整。',
        en: "The client's relationship type has changed, so the engagement strategy must change with it.",
      },
    },
    {
      id: 'practice.downturn-risk-support',
      title: { zh: '下行周期加强风险管理支持', en: 'More risk-management support in a downturn' },
      howTo: {
        zh: '在经济下行周期,加强对伙伴型客户的关注,主动提供风险排查和风险管理支持。',
        en: 'In an economic downturn, pay closer attention to partnership clients and proactively offer risk reviews and risk-management support.',
      },
      keywords: ['经济下行', '风险管理', 'downturn', 'risk management'],
      when: [{ cycle: 'downturn', types: ['partnership'] }],
      why: {
        zh: '经济下行周期,文章建议加强对合作伙伴型客户的关注并提供更多风险管理支持。',
        en: 'In a downturn the playbook calls for closer attention and more risk-management support for partnership clients.',
      },
    },
    {
      id: 'practice.tech-enablement',
      title: { zh: '技术赋能', en: 'Technology enablement' },
      howTo: {
        zh: '用大数据、人工智能和区块链等工具提升服务效率和风险控制能力。',
        en: 'Use big data, AI and blockchain tools to raise service efficiency and risk control.',
      },
      keywords: ['大数据', '人工智能', '区块链', 'technology', 'AI'],
      when: [{ types: ['transactional'] }],
      why: {
        zh: '技术赋能对标准化客户关系的管理尤为重要。',
        en: 'Technology matters most for managing standardized relationships.',
      },
    },
    {
      id: 'practice.culture-fit',
      title: { zh: '文化与价值观匹配', en: 'Match culture and values' },
      howTo: {
        zh: '关注与客户在文化和价值观上的契合度,以建立长期信任并提升品牌忠诚度。',
        en: 'Look for a fit in culture and values with the client, to build lasting trust and brand loyalty.',
      },
      keywords: ['价值观', '文化', 'values', 'culture'],
      when: [{ types: ['partnership', 'strategic'] }],
      why: {
        zh: '在伙伴型和合作型客户关系中,文化与价值观契合有助于长期信任和品牌忠诚。',
        en: 'In partnership and strategic relationships, a fit in culture and values builds lasting trust and loyalty.',
      },
    },
  ],
  transitions: [
    {
      to: 'problem_solving',
      actionIds: ['problem_solving.risk-team', 'practice.dynamic-adjustment'],
      why: {
        zh: '客户刚进入困境:先组织风险团队评估,再调整原有的合作安排。',
        en: 'The client has just entered distress: assess with the risk team first, then adjust the existing arrangements.',
      },
    },
    {
      from: 'problem_solving',
      to: 'strategic',
      actionIds: ['problem_solving.build-trust', 'strategic.strategy-review'],
      why: {
        zh: '渡过难关后,把建立的信任转化为长期战略合作。',
        en: 'Past the crisis: turn the trust earned into long-term strategic cooperation.',
      },
    },
    {
      from: 'problem_solving',
      to: 'partnership',
      actionIds: ['problem_solving.build-trust', 'partnership.exclusive-privileges'],
      why: {
        zh: '渡过难关后,把建立的信任转化为长期伙伴关系。',
        en: 'Past the crisis: turn the trust earned into a lasting partnership.',
      },
    },
    {
      from: 'transactional',
      to: 'strategic',
      actionIds: ['strategic.dedicated-team', 'practice.dynamic-adjustment'],
      why: {
        zh: '客户从单笔交易走向多项目合作,需要升级服务模式。',
        en: 'The client is moving from single deals to multi-project cooperation; upgrade the service model.',
      },
    },
  ],
};
