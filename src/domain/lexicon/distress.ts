import type { LexiconEntry } from './types.js';

/**
 * Distress said outright or only implied (基于问题解决的服务型). RM jargon first: these are the words
 * credit notes actually use, in both languages.
 */
// biome-ignore format: term lists read better packed than one per line
export const DISTRESS_ENTRIES: readonly LexiconEntry[] = [
  {
    id: 'distress.missed_payment',
    category: 'distress',
    weights: { problem_solving: 3.5 },
    terms: [
      '延期付款', '延迟支付', '推迟支付', '付款延迟', '拖延', '拖了', '欠缴', '欠税', '欠缴社保',
      'unlikely to be paid', 'unlikely to pay', 'may not be able to pay', "won't be able to pay", "can't afford",
      'cannot service', 'unable to service', 'struggling to service', 'cannot cover', 'bounced', 'overdrawn',
      'demanded repayment', '逾期', '欠息', '拖欠', '欠款', '违约', '债务违约', '实质性违约', '违约风险', '未按时',
      '未按期', '没有按时', '没能按时', '未能按时', '未能偿还', '未能按期', '未支付', '未兑付', '还不上', '还不起',
      '无法偿付', '无法偿还', '无法按时', '无力偿还', '不良', '付不出', '还款困难', '兑付出现延期', '延期兑付',
      '兑付危机', '兑付困难', 'overdue', 'arrears', 'missed', 'miss…payment*', 'default', 'defaulted', 'defaults',
      'late payment', 'past due', 'delinquent', 'non-performing', 'npl', 'paid late', 'paying late', 'pays late', 'late on', 'late with', 'cannot meet', "can't meet",
      'cannot pay', "can't pay", 'unable to pay', 'unable to meet', 'unable to repay', 'failed to pay',
      'failed to repay', 'behind on', 'fallen behind', 'falling behind', 'paying…late', 'still outstanding', 'unpaid',
      'has not paid', "hasn't paid", 'not been paid', 'skipped…payment*', 'skipped…interest', 'skipping…interest',
      'elected not to make', 'did not make the…payment*', 'missed…coupon*', 'coupon…missed', '未付息', '未能付息',
    ],
  },
  {
    id: 'distress.liquidity',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '现金流…紧张', '资金…紧张', '资金链…紧张', '流动性…紧张', '现金…紧张', 'cash will run out', 'run out of cash',
      'cash…run out', '回款困难', '回款慢', '回款…拖延', '收不回', '账上没钱', '账上…只剩', '只剩下', '资金缺口',
      '资金短缺', '资金紧缩', '周转不灵', '撑不太住', '现金流吃紧', '周转金缺口', '运营资金不足', '周转不开', '转不动', '撑不住', '撑不下去', '告急', '吃紧', '资金吃紧', '高利贷',
      '民间借贷', '高息借款', '爆仓', '平仓', 'drew the full', 'fully drawn', 'maxed out', 'cash burn',
      'burning through', 'running low', 'low on cash', 'cash-strapped', 'cash strapped', 'strapped', 'months of cash',
      'weeks of cash', 'tight cash', 'cash tight', 'margin call', 'stretched payables', 'chasing payment', '资金链',
      '资金链断裂', '资金链紧张', '现金流紧张', '现金流断裂', '流动性危机', '流动性紧张', '流动性压力', '流动性问题',
      '流动性风险', '资金紧张', '资金周转困难', '周转困难', '资金困难', '缺钱', '没钱', '负债压力', '债务压力',
      '偿债压力', '资金调度问题', '现金快用完', '用完了', '财政紧张', '财政…紧张', 'liquidity crunch',
      'liquidity crisis', 'liquidity problem*', 'liquidity issue*', 'liquidity concern*', 'liquidity squeeze',
      'liquidity stress', 'liquidity pressure', 'cash crunch', 'cash is tight', 'cash flow problem*',
      'negative operating cash flow', 'negative cash flow', 'exhausted', 'running out of cash', 'cash runway',
      'runway', 'burning cash', 'cash shortage', 'short of cash', 'tight liquidity', 'cannot pay suppliers',
      'debt concern*', 'debt issue*', 'debt problem*',
    ],
  },
  {
    id: 'distress.lenders_pull_back',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '追加担保', '要求追加', 'margin calls', '到期不续', '不再续贷', '不续贷', '提前收回', '提前收贷', '收回贷款',
      '抽回', '授信压缩', '压缩授信', '额度被砍', '停止授信', '不给续', 'not rolling over', "won't roll over",
      'refused to roll', 'declined to renew', 'not renew*', 'accelerat*', 'recall the loan', 'reduced limits',
      'cut limits', 'withdrawn lines', '抽贷', '断贷', '压贷', '收贷', '停贷', '抽贷压贷', '银根', '雨天收伞', '收伞', '限缩额度', '缩减额度',
      '停止拨款', '不再拨款', 'stopped funding', 'stop disbursing', 'halted drawdowns', 'cut off credit',
      'pulled their lines', 'pulled lines', 'pulling lines', 'pulled its lines', 'called its loan', 'called the loan',
      'loan called', 'cut their lines', 'lines cut', 'withdrew facilities', 'lenders pulling',
    ],
  },
  {
    id: 'distress.guarantee_chain',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: ['担保链', '互保', '联保', '担保圈', '代偿', 'guarantee chain', 'cross-guarantee', 'cross guarantee'],
  },
  {
    id: 'distress.legal',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '重复融资', '骗贷', '财务造假', '造假', '停牌', '退市', '被调查', '立案', '处罚', '负面舆情', '爆雷', '暴雷',
      'fraud', 'investigation', 'delisted', 'suspended trading', '被执行', '被执行人', '失信', '失信名单', '起诉',
      '诉讼', '冻结', '查封', '破产', '破产重整', '清算', '失联', '跑路', 'lawsuit', 'sued', 'bankrupt', 'went bust',
      'bad debt', 'write-off', 'unlikely to be collected', 'frozen', 'freeze', 'bankruptcy', 'insolvency', 'insolvent',
      'liquidation', 'receivership', 'winding up', 'winding-up', '清盘', '清盘呈请', '解散', '停止营业',
      '无预警', '全额交割', '资不抵债', '申报债权', '违规担保', '违规占款', '虚增', 'creditor petition', 'enforcement action',
    ],
  },
  {
    id: 'distress.insolvency_process',
    category: 'distress',
    // The court and office-holder words of common-law insolvency (UK and Australian administration
    // and receivership, Singapore judicial management, Canada's CCAA, Hong Kong liquidators): each
    // exists only for a company that cannot pay. Bare "administration" also names governments and
    // fees, so only the insolvency phrases are here.
    weights: { problem_solving: 3 },
    terms: [
      'appoint…administrator*', 'appointed…administrator*', 'appointing…administrator*', 'called in administrators',
      'administrators were appointed', 'administrators appointed', 'into administration', 'entered administration',
      'enter administration', 'entering administration', 'filed for administration', 'filing for administration',
      'pre-pack administration', 'voluntary administration', 'administration order', 'receivers',
      'appointed…receiver*', 'receiver and manager', 'receivers and managers', 'official receiver',
      'judicial management', 'judicial manager*', 'creditor protection', 'ccaa', 'company voluntary arrangement',
      '司法管理', '临时清盘人', '清盘人', '破产管理人', '接管人', '破产保护',
    ],
  },
  {
    id: 'distress.operations',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '停摆', '关停', '限产', '受灾', '灾区', '天然灾害', '洪水', '水灾', '裁员', '降薪', '困境', '陷入困境', '大幅下滑', '断崖', '腰斩',
      'stopped production', 'production stopped', 'halted', 'flood', 'destroyed', 'disaster', 'product recall', 'layoffs',
      'lost…biggest customer', 'lost…main customer', 'going under', 'collaps*', 'ate the margin', 'margin squeeze',
      'wages', 'salaries are late', "can't pay staff", 'cannot pay staff', '停工停产', '停产', '停工', '停业',
      '工资发不出', '工资…发不出', '发不出工资', '欠薪', '拖欠工资', '供应商催款', '催款', '催债', '亏损', '巨额亏损',
      '经营困难', '经营恶化', '营运困难', '财务困难', '收入锐减', '营业额减少', '营业额大减', '订单腰斩', '外销订单掉',
      '关税冲击', 'tariff shock', '收入几乎归零', '没有收入', '订单锐减', '火灾', '事故', '整改', '困难', '难关', '危机',
      'payroll at risk', 'payroll…risk', 'make payroll', 'meet payroll', 'unpaid salaries', 'unpaid wages',
      'salaries unpaid', 'halted production', 'production halted', 'shut down', 'orders dropped', 'orders collapsed',
      'presales collapsed', 'presales have stalled', 'stalled', 'collapsed', 'sanctions', 'losses', 'loss-making',
      'in trouble', 'struggling', 'distressed levels', 'cents on the dollar', 'trade at…cents', 'distress',
      'distressed', 'financial difficulty', 'financial difficulties', 'crisis', 'cut power',
    ],
  },
  {
    id: 'distress.covenant',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '非标意见', '非标准意见', '审计意见', '保留意见', '无法表示意见', 'impairment', 'impaired', 'watchlist',
      'watch list', 'early warning', 'red flag', 'stage 2', 'stage 3', 'substandard', 'doubtful', 'notches',
      'cut to junk', 'junk', '违反约定', '违反承诺', '财务指标不达标', '交叉违约', '评级下调', '下调评级', '负面观察',
      'covenant breach', 'breach*', 'covenant…breach*', 'dscr below', 'dscr at 0.', 'dscr fell', 'dscr of 0.',
      'asset quality issue*', 'asset-quality issue*', 'icr below', 'fell below', 'going-concern', 'going concern',
      'qualified opinion', 'cross-default', 'downgrade', 'downgraded', 'watch negative', 'lowered…rating*',
      'rating*…lowered', 'cut…rating*', 'selective default', "to 'd'", "to 'sd'", '下调…评级', '调降…评级',
    ],
  },
  {
    id: 'distress.headwinds',
    category: 'distress',
    weights: { problem_solving: 1.5 },
    terms: [
      '下滑', 'delayed', 'delay', 'lost', 'decline', '行业下行', '下行', '经济下行', '需求萎缩', '行业不景气',
      '经营压力', '财务风险', '风险上升', '面临', '压力', '冲击', '订单下滑', '成本上升', '利润被压缩', 'downturn', 'headwinds', 'under pressure',
      'refinancing risk', 'maturity wall', 'dropped', 'declining',
    ],
  },
  {
    id: 'distress.maturity_wall',
    category: 'distress',
    weights: { problem_solving: 2 },
    terms: [
      '到期债务', '到期的', '即将到期', '借新还旧', 'bond maturing', 'maturing in', 'due last week', 'interest due',
    ],
  },
  {
    id: 'distress.neutral_ruled_out',
    category: 'distress',
    // The RM said the client is sound: no weight, but the distress question is answered. Its "no" still
    // negates what overlaps it ("no debt concerns").
    weights: {},
    negationScopesForward: true,
    terms: [
      '经营正常', '经营稳健', '经营稳定', '财务健康', '没有负债', '无负债', '资金充裕', 'no debt', 'debt-free',
      'debt free', 'no borrowing stress', 'no financial worries', 'financially healthy', 'financially sound',
      'no stress', 'no problems on any loan', 'performing well', 'all covenants', 'covenants comfortably met',
      'comfortably above', 'above covenant', 'within covenant', 'dscr comfortably',
    ],
  },
  {
    id: 'distress.creditor_process',
    category: 'distress',
    // A creditor committee, standstill or waiver exists only because this client is in trouble now.
    weights: { problem_solving: 3 },
    terms: [
      '债委会', '债权人委员会', '金融债委会', '债权银行会议', '债权人会议', '银行团会议', '银协会', '协调委员会',
      '稳贷', '不抽贷', '协调各家银行', '联合稳贷', '一企一策', '债务协商', '债权债务协商', '持有人会议',
      'creditor committee', 'creditors committee', "creditors' committee", "creditors' meeting",
      'coordinating committee', 'ad hoc group', 'steering committee', 'standstill', 'waiver', 'waive*',
      'waiver and amend', 'forbearance', 'consent solicitation', 'special assets', 'workout', 'work-out',
      'restructuring support agreement', 'lock-up agreement', 'intercreditor',
    ],
  },
  {
    id: 'distress.rescheduling',
    category: 'distress',
    weights: { problem_solving: 2.5 },
    terms: [
      '展期', '展延', '延期还款', '延期还本', '延期兑付', '延后付息', '延期付息',
      '还款计划调整', '调整还款计划', '调整还款方式', '重新安排还款', '留债', '分期偿还', '无还本续贷', '借新还旧', '停息挂账',
      'reschedul*', 'amend and extend', 'extend the maturity', 'maturity extension', 'extension of the maturity',
      'moratorium', 'covenant relief', 'covenant holiday', 'repayment holiday', 'payment holiday',
      'interest deferral', 'reprofil*', 'more time on the loan',
    ],
  },
  {
    id: 'distress.rescue',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '纾困', '纾困贷款', '救助', '应急贷款', '应急融资', '应急转贷', '渡过难关', '帮忙想办法',
      '引入战投', '流动性安排', '风险化解', '化债', '债务化解', '帮扶困难', 'rescue', 'rescue financing', 'bailout',
      'bail out', 'white knight', 'new money', 'new liquidity', 'equity injection', 'capital injection',
      'liquidity bridge',
      'debtor-in-possession', 'debtor in possession', 'dip financing', 'dip facility', 'dip lender*',
      'bankruptcy financing', 'turnaround plan',
    ],
  },
  {
    id: 'distress.restructuring',
    category: 'distress',
    weights: { problem_solving: 3 },
    terms: [
      '债务重组', '重组', '重整', '预重整', '庭外重组', '债转股', '以股抵债', '以股还债', '削债', '债务减免',
      'restructur*', 'debt restructuring', 'debt-for-equity', 'haircut', 'renegotiat*', 'scheme of arrangement',
      'recapitaliz*', 'recapitalis*', 'distressed exchange', 'exchange offer', '债务展期', '削减债务',
      'restructuring plan', 'plan of reorganization', 'reorganization', 'chapter 11', 'chapter 15',
    ],
  },
  {
    id: 'needs.bridge_or_urgent',
    category: 'needs',
    // Bridges and urgency also appear in healthy deals ("tax equity bridge", "急需资金扩产"): supportive only.
    weights: { problem_solving: 1.5 },
    terms: [
      '过桥', '过桥资金', '过桥贷款', '急需', '救急', '紧急资金', '倒贷', '宽限期', '宽限', 'grace period', 'bridge loan', 'bridge facility', 'emergency', 'defer*',
      'deferral', 'more time',
    ],
  },
  {
    id: 'distress.neutral_product_terms',
    category: 'distress',
    // A product's terms about paying late describe the product, not this client's state.
    weights: {},
    terms: [
      '逾期罚息', '罚息', '滞纳金', '违约金', '提前还款违约金', '逾期利率', '逾期费用', '逾期记录', 'late fee', 'late fees',
      'late payment fee', 'late payment fees', 'late charge', 'late charges', 'penalty interest', 'default interest',
      'default rate', 'tax equity bridge', 'bridge to tax equity',
    ],
  },
  {
    id: 'needs.creditor_word',
    category: 'needs',
    // Creditors and bondholders are named in healthy deals too; with a distress word they add support.
    weights: { problem_solving: 1 },
    terms: [
      '债权人', '债权银行', '债权行', '债权金融机构', '最大债权行', 'creditor', 'creditors', 'bondholder*', 'noteholder*',
      'lenders agreed', 'lender agreed', 'lenders have agreed', 'lender group', 'bank group',
    ],
  },
  {
    id: 'needs.refinancing',
    category: 'needs',
    weights: { problem_solving: 1 },
    terms: ['再融资', '续贷', 'refinancing', 'refinance', 'bridge', 'extension'],
  },
];
