import type { Lang } from '../domain/types.js';

/**
 * Every text the bot shows, in English and Chinese. Functions take values that are already
 * escaped for Slack (callers escape user and model text before passing it in).
 */
const en = {
  thinkingStatus: 'is thinking…',
  loadingMessages: ['Reading your notes…', 'Matching playbook signals…', 'Weighing the four types…'],
  placeholder: ':hourglass_flowing_sand: Classifying this client…',
  followUpIntro: 'One quick question before I classify:',
  followUpCount: (n: number, max: number) => `Question ${n} of at most ${max}. You can also choose *Classify now*.`,
  closeCallQuestion: (a: string, b: string) =>
    `It is close between *${a}* and *${b}*. Anything more about the client's needs, rating or history?`,
  yes: 'Yes',
  no: 'No',
  classifyNow: 'Classify now',
  emptyDescription:
    'Describe a client in a sentence or two (sector, size, rating, history with us, what they need) and I will classify the relationship.',
  unnamedClient: 'Unnamed client',
  cardClient: 'Client',
  cardType: 'Type',
  cardConfidence: 'Confidence',
  cardSecondary: 'Secondary type',
  cardEvidence: 'Evidence',
  cardNoEvidence: '_No quoted evidence: the description gave no clear signal._',
  cardMoreSignals: (n: number) => `…and ${n} more`,
  cardNegated: 'negated',
  cardActions: 'Recommended actions',
  agreement: (llmType: string) => `:white_check_mark: Rules and LLM agree (LLM: ${llmType})`,
  disagreement: (rulesType: string, llmType: string) =>
    `:warning: Rules and LLM disagree: rules say ${rulesType}, LLM says ${llmType}`,
  footer: (playbook: string, rules: string, model: string) => `Playbook ${playbook} · rules ${rules} · ${model}`,
  footerModel: (prompt: string, model: string) => `prompt ${prompt} · model ${model}`,
  rulesOnly: 'rules only',
  confirm: 'Confirm',
  changeType: 'Change type',
  share: 'Share to channel',
  fullPlaybook: 'Full playbook',
  decisionConfirmed: (user: string, type: string, when: string, id: string) =>
    `:white_check_mark: <@${user}> confirmed *${type}* on ${when} · decision \`${id}\``,
  decisionOverridden: (user: string, type: string, reason: string, when: string, id: string) =>
    `:pencil2: <@${user}> changed the type to *${type}* on ${when} (reason: ${reason}) · decision \`${id}\``,
  changeTypeTitle: 'Change type',
  changeTypeLabel: (type: string) => `Why is this client *${type}*?`,
  reasonLabel: 'Reason (required)',
  reasonPlaceholder: 'e.g. the client now wants a long-term framework agreement',
  reasonMissing: 'Please give a reason for the change.',
  submitLog: 'Log decision',
  cancel: 'Cancel',
  shareTitle: 'Share to channel',
  shareLabel: 'Channel',
  shareSubmit: 'Share',
  sharedBy: (user: string) => `Shared by <@${user}>`,
  notInChannel: (channel: string) =>
    `I'm not a member of <#${channel}>. Invite me there with \`/invite @Quadrant\`, then share again.`,
  channelNotFound:
    "I can't see that channel. If it is private, invite me with `/invite @Quadrant` first, then share again.",
  sharedOk: (channel: string) => `Shared to <#${channel}>.`,
  playbookTitle: 'Playbook',
  playbookDefinition: 'Definition',
  playbookTypicalClients: 'Typical clients',
  playbookCharacteristics: 'Characteristics',
  playbookStrategies: 'Strategies',
  playbookPractices: 'Practices that apply',
  playbookGlance: 'The four relationship types',
  playbookOpen: 'Open',
  playbookNoMatch: (keyword: string) => `Nothing in the playbook matches “${keyword}”.`,
  playbookMatches: (keyword: string) => `Playbook entries matching “${keyword}”`,
  playbookUsage: 'Usage: `/playbook [type|keyword]`, e.g. `/playbook partnership` or `/playbook hedging`.',
  classifyUsage:
    'Usage: `/classify <client description>`, e.g. `/classify AAA-rated SOE, third project with us, wants a long-term framework`.',
  clientUsage: 'Usage: `/client <client name>` shows the decisions logged for that client.',
  clientNoHistory: (name: string) => `No decisions you can see for “${name}” yet.`,
  clientHistory: (name: string) => `Decision history: ${name}`,
  clientTransition: (from: string, to: string) => `:arrows_counterclockwise: *Type changed:* ${from} → ${to}`,
  clientEntry: (type: string, user: string, when: string, source: string) =>
    `*${type}* · <@${user}> · ${when} · ${source}`,
  sourceNames: { rules: 'rules', hybrid: 'rules + LLM', manager_override: 'manager override' } as Record<
    string,
    string
  >,
  shortcutNoText: 'That message has no text to classify.',
  homeRecent: 'Your recent decisions',
  homeNoDecisions: 'No decisions yet. Describe a client to me in a DM, or use `/classify`.',
  homeDistribution: 'Team distribution by type',
  homeChanges: 'Type changes in the last 30 days',
  homeNoChanges: 'None.',
  homeSettings: 'Settings',
  homeLanguage: 'Language',
  homeCycle: 'Economic cycle (workspace)',
  homeCycleAdminsOnly: 'Only admins listed in QUADRANT_ADMINS can change the economic cycle.',
  langAuto: 'Auto (follow my writing)',
  cycleNames: { normal: 'Normal', downturn: 'Downturn' } as Record<string, string>,
  settingsSaved: 'Settings saved.',
  suggestedPromptsTitle: 'Try one of these',
  suggestedPrompts: [
    {
      title: 'Classify a client',
      message: 'AAA-rated state-owned utility, third project with us, wants a long-term framework and FX hedging.',
    },
    {
      title: 'A price-driven borrower',
      message: 'Mid-size manufacturer, compares three banks on price, wants approval within a week.',
    },
    {
      title: 'A client in trouble',
      message: 'Developer with a liquidity crunch, missed a payment, asking to restructure its loan.',
    },
    { title: 'Open the playbook', message: 'What does the playbook say about partnership clients?' },
  ],
  errorGeneric: (ref: string) => `Something went wrong on my side (ref \`${ref}\`). Please try again.`,
  errorRateLimited: 'Slack is rate-limiting me right now. Please try again in a minute.',
  errorTooLong: 'That answer was too long for Slack. Please shorten the description and try again.',
  errorStore: 'The decision store is unavailable right now, so nothing was logged. Please try again shortly.',
  errorSlackDown: 'I could not reach Slack just now. Please try again.',
  errorStale: 'This card has expired. Please classify the client again.',
  errorAdminOnly: 'Only admins listed in QUADRANT_ADMINS can change this setting.',
} as const;

type Messages = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof en)[K] extends readonly string[]
      ? readonly string[]
      : (typeof en)[K] extends readonly { title: string; message: string }[]
        ? readonly { title: string; message: string }[]
        : (typeof en)[K] extends Record<string, string>
          ? Record<string, string>
          : string;
};

const zh: Messages = {
  thinkingStatus: '正在分析…',
  loadingMessages: ['正在阅读您的描述…', '正在匹配打法手册中的信号…', '正在比较四种关系类型…'],
  placeholder: ':hourglass_flowing_sand: 正在为该客户分类…',
  followUpIntro: '分类前想确认一个问题:',
  followUpCount: (n, max) => `第 ${n} 个问题(最多 ${max} 个)。也可以直接点击“直接分类”。`,
  closeCallQuestion: (a, b) => `*${a}* 与 *${b}* 比较接近。能再补充一些客户的需求、评级或合作历史吗?`,
  yes: '是',
  no: '否',
  classifyNow: '直接分类',
  emptyDescription: '请用一两句话描述客户(行业、规模、评级、与我行的合作历史、需求),我来判断关系类型。',
  unnamedClient: '未命名客户',
  cardClient: '客户',
  cardType: '类型',
  cardConfidence: '置信度',
  cardSecondary: '次要类型',
  cardEvidence: '依据',
  cardNoEvidence: '_没有可引用的依据:描述中没有明显信号。_',
  cardMoreSignals: (n) => `…另有 ${n} 条`,
  cardNegated: '否定',
  cardActions: '建议行动',
  agreement: (llmType) => `:white_check_mark: 规则与大模型一致(大模型:${llmType})`,
  disagreement: (rulesType, llmType) => `:warning: 规则与大模型不一致:规则判断为${rulesType},大模型判断为${llmType}`,
  footer: (playbook, rules, model) => `打法手册 ${playbook} · 规则 ${rules} · ${model}`,
  footerModel: (prompt, model) => `提示词 ${prompt} · 模型 ${model}`,
  rulesOnly: '仅规则',
  confirm: '确认',
  changeType: '更改类型',
  share: '分享到频道',
  fullPlaybook: '完整打法',
  decisionConfirmed: (user, type, when, id) =>
    `:white_check_mark: <@${user}> 于 ${when} 确认为 *${type}* · 决策 \`${id}\``,
  decisionOverridden: (user, type, reason, when, id) =>
    `:pencil2: <@${user}> 于 ${when} 将类型改为 *${type}*(原因:${reason})· 决策 \`${id}\``,
  changeTypeTitle: '更改类型',
  changeTypeLabel: (type) => `为什么该客户属于 *${type}*?`,
  reasonLabel: '原因(必填)',
  reasonPlaceholder: '例如:客户现在希望签订长期框架协议',
  reasonMissing: '请填写更改原因。',
  submitLog: '记录决策',
  cancel: '取消',
  shareTitle: '分享到频道',
  shareLabel: '频道',
  shareSubmit: '分享',
  sharedBy: (user) => `由 <@${user}> 分享`,
  notInChannel: (channel) => `我还不是 <#${channel}> 的成员。请在该频道输入 \`/invite @Quadrant\` 邀请我,然后再分享。`,
  channelNotFound: '我看不到这个频道。如果是私有频道,请先用 `/invite @Quadrant` 邀请我,然后再分享。',
  sharedOk: (channel) => `已分享到 <#${channel}>。`,
  playbookTitle: '打法手册',
  playbookDefinition: '定义',
  playbookTypicalClients: '典型客户',
  playbookCharacteristics: '特点',
  playbookStrategies: '管理策略',
  playbookPractices: '适用的通用做法',
  playbookGlance: '四种客户关系类型',
  playbookOpen: '查看',
  playbookNoMatch: (keyword) => `打法手册中没有与“${keyword}”匹配的内容。`,
  playbookMatches: (keyword) => `与“${keyword}”匹配的打法`,
  playbookUsage: '用法:`/playbook [类型|关键词]`,例如 `/playbook 伙伴型` 或 `/playbook 避险`。',
  classifyUsage: '用法:`/classify <客户描述>`,例如 `/classify AAA评级央企,第三次合作,希望签订长期框架协议`。',
  clientUsage: '用法:`/client <客户名称>` 查看该客户的决策记录。',
  clientNoHistory: (name) => `还没有您可查看的“${name}”决策记录。`,
  clientHistory: (name) => `决策记录:${name}`,
  clientTransition: (from, to) => `:arrows_counterclockwise: *类型变化:* ${from} → ${to}`,
  clientEntry: (type, user, when, source) => `*${type}* · <@${user}> · ${when} · ${source}`,
  sourceNames: { rules: '规则', hybrid: '规则 + 大模型', manager_override: '客户经理调整' },
  shortcutNoText: '这条消息没有可供分类的文字。',
  homeRecent: '您最近的决策',
  homeNoDecisions: '还没有决策记录。可以在私信中向我描述客户,或使用 `/classify`。',
  homeDistribution: '团队客户类型分布',
  homeChanges: '近 30 天类型发生变化的客户',
  homeNoChanges: '无。',
  homeSettings: '设置',
  homeLanguage: '语言',
  homeCycle: '经济周期(工作区)',
  homeCycleAdminsOnly: '只有 QUADRANT_ADMINS 中列出的管理员可以更改经济周期。',
  langAuto: '自动(跟随我的输入)',
  cycleNames: { normal: '正常', downturn: '下行' },
  settingsSaved: '设置已保存。',
  suggestedPromptsTitle: '试试这些',
  suggestedPrompts: [
    { title: '为客户分类', message: 'AAA评级的国有电力企业,与我行第三次合作,希望签订长期框架协议并做汇率避险。' },
    { title: '价格导向的借款人', message: '中型制造企业,同时比较三家银行的价格,要求一周内完成审批。' },
    { title: '遇到困难的客户', message: '开发商出现流动性紧张,有一笔还款逾期,希望对贷款进行重组。' },
    { title: '家族企业老客户', message: '家族企业,三代人都在我行开户,董事长很认同我们的文化,常来参加客户沙龙。' },
  ],
  errorGeneric: (ref) => `处理时出了问题(编号 \`${ref}\`),请稍后重试。`,
  errorRateLimited: 'Slack 当前限流,请一分钟后重试。',
  errorTooLong: '回复内容超出 Slack 的长度限制,请缩短描述后重试。',
  errorStore: '决策存储暂时不可用,本次未记录。请稍后重试。',
  errorSlackDown: '暂时无法连接 Slack,请重试。',
  errorStale: '这张卡片已过期,请重新为客户分类。',
  errorAdminOnly: '只有 QUADRANT_ADMINS 中列出的管理员可以更改此设置。',
};

const MESSAGES: Record<Lang, Messages> = { en, zh };

/** The bot's texts in one language. */
export const messages = (lang: Lang): Messages => MESSAGES[lang];

export type { Messages };
