import type { RelationshipType } from '../../src/domain/types.js';

/** A labelled RM note written to break keyword counting. */
export type HardCase = { id: string; label: RelationshipType; text: string };

/**
 * Hard cases written before the rules were tuned: longer notes with distractors, negation,
 * contrast, mixed zh/en and implicit distress. The rules may be tuned against these.
 */
export const HARD_CASES: readonly HardCase[] = [
  // strategic: size, rating and history dominate price/speed complaints, events and negated distress
  {
    id: 'hard-s01',
    label: 'strategic',
    text: '客户是某省属能源集团,AAA评级,我行是其主办行之一。这次他们对新的抽水蓄能项目贷款的利率有些意见,觉得比别家高了10个bp,希望我们再看看定价。过去八年我们一起做了六个项目,包括两笔银团贷款,财务状况很稳健,没有任何逾期。',
  },
  {
    id: 'hard-s02',
    label: 'strategic',
    text: "Met the CFO of a listed port operator (AA+, investment grade). They were frustrated that our credit approval for the last tranche took six weeks and said another bank was faster. Still, we've arranged four syndicated loans for them since 2016 and they want us as lead arranger on the terminal expansion. No liquidity issues at all; balance sheet is strong.",
  },
  {
    id: 'hard-s03',
    label: 'strategic',
    text: '国企背景的水务集团, rated AA by domestic agencies. 我们合作了十多年, they want a framework agreement covering 5 new sewage treatment PPPs and bespoke hedging advice. 客户提到价格要有竞争力, but mainly cares about structuring capability.',
  },
  {
    id: 'hard-s04',
    label: 'strategic',
    text: '市级城投,评级AA+,目前没有任何逾期或欠息,也不存在担保链问题。今年计划发行专项债配套贷款,希望我们牵头组建银团,并提供财务顾问服务,双方高层下个月会谈。',
  },
  {
    id: 'hard-s05',
    label: 'strategic',
    text: 'Central SOE subsidiary in the power sector. Not looking for restructuring or any rescue money, despite what the press says about the sector; their cash flow is solid. Asked us to design a customized financing structure for three offshore wind projects and to set up a dedicated coverage team.',
  },
  {
    id: 'hard-s06',
    label: 'strategic',
    text: '这家公司十年前还是小企业,但现在已经是上市公司,市值过百亿,评级AA,和我们在多个项目上合作,希望签署战略合作协议,共同规划海外项目融资。',
  },
  {
    id: 'hard-s07',
    label: 'strategic',
    text: 'Quarterly review with a multinational infrastructure fund, an institutional investor with a long-term mandate. They attended our client gala last month, but the substance of the relationship is co-lending: we have co-financed seven toll roads and airports, and they want a joint pipeline review each quarter plus risk advisory on currency exposure.',
  },
  {
    id: 'hard-s08',
    label: 'strategic',
    text: '央企下属工程公司,信用评级AAA,长期合作,已经在三条高铁项目中担任牵头行。客户希望我们提供包括项目融资、跨境资金池和汇率避险在内的一揽子综合金融方案。',
  },
  {
    id: 'hard-s09',
    label: 'strategic',
    text: 'Provincial highway group, state-owned, investment grade. The chairman is on good terms with our branch head, but the relationship is really about scale: repeat client across nine project loans, and this year they want a multi-year framework agreement and structured bond underwriting.',
  },
  {
    id: 'hard-s10',
    label: 'strategic',
    text: '大型上市钢铁集团,评级AA+,市场上有人担心行业下行,但客户现金流充裕,没有流动性压力,也没有抽贷情况。这次是为其氢能项目提供定制化的项目融资方案,我们作为主办行牵头。',
  },
  {
    id: 'hard-s11',
    label: 'strategic',
    text: 'Listed renewable developer, BBB+ (investment grade), repeat client on five solar farms. They negotiated hard on the margin this time and want faster documentation, yet they still treat us as their core bank and asked for a strategic review of their 2025-2030 pipeline.',
  },
  // transactional: small clients buying on price and speed, including friendly owners who switch banks
  {
    id: 'hard-t01',
    label: 'transactional',
    text: '王总人很好,跟我们客户经理关系也不错,经常一起吃饭。但这次他说别家银行利率低了0.3个点,准备把这笔300万的经营贷转到别家银行去,谁便宜用谁。公司是小微企业,做建材批发。',
  },
  {
    id: 'hard-t02',
    label: 'transactional',
    text: 'Friendly owner of a small printing business, always chats with our team and has been with us for 3 years. Now he is moving his working capital line to another bank because they offered a cheaper rate; says he goes wherever the price is lowest.',
  },
  {
    id: 'hard-t03',
    label: 'transactional',
    text: '个体户,开了两家奶茶店,经营正常,从来没有逾期。这次想通过手机银行申请一笔20万的经营贷,最关心审批快不快,其他理财和咨询都不需要。',
  },
  {
    id: 'hard-t04',
    label: 'transactional',
    text: 'SME trading company, 小微企业, needs RMB 500k for a purchase order within 5 days. Owner compares quotes from 4 banks; no interest in cross-selling. Cash flow is fine — no liquidity problems whatsoever.',
  },
  {
    id: 'hard-t05',
    label: 'transactional',
    text: '客户是一家做物流的小公司,老板说不需要什么重组方案,也没有资金链问题,就是旺季要加车,需要一笔标准化的设备贷款,能线上办最好,利率低一点。',
  },
  {
    id: 'hard-t06',
    label: 'transactional',
    text: 'Startup (seed stage, 8 staff) applying through our app for a small revenue-based loan. One-off need to bridge a purchase; founder wants same-day approval and minimal paperwork, and is rate-sensitive.',
  },
  {
    id: 'hard-t07',
    label: 'transactional',
    text: '虽然这位老板跟我们合作过几次,但他明确说只看价格和速度,哪家银行放款快就去哪家,对我们的客户活动也没兴趣。企业是年营收800万的小型加工厂。',
  },
  {
    id: 'hard-t08',
    label: 'transactional',
    text: 'Small restaurant chain owner (3 outlets) wants an equipment loan for new ovens; he asked about rates at three banks and will pick the cheapest. Some worry about rising rent next year, but sales are growing and no payments have ever been late.',
  },
  {
    id: 'hard-t09',
    label: 'transactional',
    text: '小微客户,做电商的,想要随借随还的线上信用贷,额度50万以内,要求当天到账,不想提供太多材料。',
  },
  {
    id: 'hard-t10',
    label: 'transactional',
    text: "Sole trader in construction supplies. Needs a short-term invoice discounting line, standard product, nothing bespoke. Said clearly he isn't interested in our events or private banking — just fast money at a low price.",
  },
  {
    id: 'hard-t11',
    label: 'transactional',
    text: 'Family-run small bakery, 个体经营, 这次来主要是比价: another bank offered 3.2%, 问我们能不能更低. One-off equipment purchase, no other needs.',
  },
  // partnership: trust, loyalty and affinity, with price/speed and negated-distress distractors
  {
    id: 'hard-p01',
    label: 'partnership',
    text: '李董是我们私人银行的老客户,家族企业第二代,和我们合作快二十年了。他多次说过认同我们的稳健文化,把家族资产和企业结算都放在我行。对利率不太在意,更看重我们每年的企业家沙龙和子女教育交流活动。',
  },
  {
    id: 'hard-p02',
    label: 'partnership',
    text: 'HNW client, owner of a family-run hotel group. Very loyal — she turned down a cheaper offer from a competitor last year because she trusts our team. Wants introductions to other entrepreneurs in our network and invitations to the private client events.',
  },
  {
    id: 'hard-p03',
    label: 'partnership',
    text: "家族办公室客户, the founder's family has banked with us since the 90s. 关系非常密切, he calls our RM directly on weekends. 希望参加我们的高端圈层活动, 价格不是主要考虑.",
  },
  {
    id: 'hard-p04',
    label: 'partnership',
    text: "Family business in premium tea, financially healthy, no overdue loans and no plans for restructuring. The owner values the personal connection with our branch and our brand; he asked to join our members-only entrepreneurs' club.",
  },
  {
    id: 'hard-p05',
    label: 'partnership',
    text: '虽然企业规模不大,但老板对我们非常忠诚,十几年来从没换过银行,别家给更低利率也不走。他很在意我们的品牌和价值观,每年都来参加答谢会。',
  },
  {
    id: 'hard-p06',
    label: 'partnership',
    text: "Second-generation heir running a family conglomerate's private wealth arm; the relationship is built on trust over two decades. He cares about our values, attends every family-business forum we host, and wants personalized service rather than the cheapest pricing.",
  },
  {
    id: 'hard-p07',
    label: 'partnership',
    text: '高净值个人客户,自己经营一家酒庄,资金充裕,没有任何负债压力。她喜欢我们组织的品鉴会和私享活动,认为我们懂她,愿意把更多资产交给我们打理。',
  },
  {
    id: 'hard-p08',
    label: 'partnership',
    text: "Long-standing private banking client, founder of a family-owned furniture maker. He sometimes asks why our approvals are slower, but he would never leave: he feels we're part of his family's story and co-hosts our annual charity gala with us.",
  },
  {
    id: 'hard-p09',
    label: 'partnership',
    text: '民营企业家,和行长是多年的老朋友,信任我们,希望加入我们的企业家俱乐部,结识同行业的朋友,对产品价格不敏感。',
  },
  {
    id: 'hard-p10',
    label: 'partnership',
    text: 'Wealthy founder, semi-retired, who chose us because we share his values on sustainability. He wants bespoke privileges, a personal banker, and access to our networking dinners; pricing barely comes up.',
  },
  {
    id: 'hard-p11',
    label: 'partnership',
    text: '老客户 loyal for 12 years, 家族企业做纺织. 他们不是在找便宜的贷款, they want 专属服务 and 圈层资源, 比如我们的 CEO 沙龙.',
  },
  // problem_solving: explicit and implicit distress, taking priority over size and loyalty
  {
    id: 'hard-d01',
    label: 'problem_solving',
    text: '某省属国企集团,AAA评级,一直是我们的战略客户,合作了十几年。但本月20日的一笔利息没有按时支付,客户说是资金调度问题,希望我们给予展期并协调其他银行不要抽贷。',
  },
  {
    id: 'hard-d02',
    label: 'problem_solving',
    text: 'Mid-size auto parts maker, long-time client. Orders dropped 40% since spring; the CFO says payroll is at risk next month and two banks have already pulled their lines. They are asking whether we can extend the maturity and add a short bridge.',
  },
  {
    id: 'hard-d03',
    label: 'problem_solving',
    text: '老板说最近工资都快发不出来了,供应商天天上门催款,有几家银行已经开始压贷,想问问我们能不能借新还旧。企业以前经营一直不错,是我们的老客户。',
  },
  {
    id: 'hard-d04',
    label: 'problem_solving',
    text: 'Listed shipping company, formerly rated A. Now in talks with lenders for a standstill and a waiver and amend on the DSCR covenant, which fell below 1.0x last quarter. They want us to join the lender group and consider new money.',
  },
  {
    id: 'hard-d05',
    label: 'problem_solving',
    text: "客户是我们的老朋友, family business 做了三十年. 但 recently 资金链很紧张, 担保链 issues with 两家关联企业, and they can't meet the June installment. 希望我们帮忙做债务重组.",
  },
  {
    id: 'hard-d06',
    label: 'problem_solving',
    text: 'Developer with a decent brand and a loyal relationship with us. Presales have stalled, the cash runway is about 8 weeks, and they are worried about a bond maturing in March. Requesting a liquidity bridge and advice on a consent solicitation.',
  },
  {
    id: 'hard-d07',
    label: 'problem_solving',
    text: '客户最近被法院列为被执行人,实控人也上了失信名单,几家供应商起诉,银行账户部分被冻结。他们希望我们提供纾困方案或者帮助引入战投。',
  },
  {
    id: 'hard-d08',
    label: 'problem_solving',
    text: 'No issues with fraud or management integrity, but the business is in trouble: two months of unpaid salaries, the utility has threatened to cut power, and the interest due last week is still outstanding. They asked for forbearance.',
  },
  {
    id: 'hard-d09',
    label: 'problem_solving',
    text: '原来是我们的主办行客户,规模很大,AAA评级。但今年因为房地产下行,出现了债务违约,债委会已经成立,我行是成员之一,需要参与重组方案。',
  },
  {
    id: 'hard-d10',
    label: 'problem_solving',
    text: 'Hospital group transferred to our special assets team last week after the covenant breach. Going-concern language in the audit report; management wants a workout plan and some headroom on amortization.',
  },
  {
    id: 'hard-d11',
    label: 'problem_solving',
    text: '这家民营化工厂环保停产整改已经三个月,停工停产期间没有收入,下个月到期的两千万贷款可能还不上,老板希望我们考虑续贷或展期。',
  },
  // Written after the first tuning pass as a blind check (23/24 right on its first run; the miss,
  // "behind on … instalments" after a customer "went bankrupt", led to new distress terms).
  {
    id: 'hard-fs1',
    label: 'strategic',
    text: 'Visited the treasury team of a provincial grid company (AAA). We are one of three relationship banks on their UHV transmission programme and they asked us to lead the next club loan, with an interest-rate swap overlay. Pricing came up briefly but it was not the main topic.',
  },
  {
    id: 'hard-fs2',
    label: 'strategic',
    text: '客户为某央企二级子公司,本次来访主要沟通明年海上风电项目的融资安排。双方合作已有七八年,我行参与了其全部三个风电项目的银团。客户财务总监提出希望我们能提供项目前期的融资咨询和结构设计。',
  },
  {
    id: 'hard-fs3',
    label: 'strategic',
    text: 'Tier-1 airport authority, government-owned. Our bank has been mandated lead arranger on their last two terminal expansions; they now want a five-year financing roadmap and a dedicated team. Someone mentioned their Q2 cash was a bit lower than planned, but nothing unusual and no covenant concerns.',
  },
  {
    id: 'hard-fs4',
    label: 'strategic',
    text: '市属地铁集团,主体AA+,与我行签有总对总合作协议。近期新线建设资金需求大,希望我们牵头设计包含政策性银行资金在内的组合融资方案,另外对我们审批时效提出了意见。',
  },
  {
    id: 'hard-fs5',
    label: 'strategic',
    text: 'Big listed chemicals group, A- from S&P. Not distressed in any way. We have worked on their last four plant financings and they want us in a joint working group for their Middle East expansion plus FX hedging.',
  },
  {
    id: 'hard-fs6',
    label: 'strategic',
    text: '大型民营上市集团,行业龙头,在我行有项目贷款、债券承销和跨境资金管理等多项合作。今年想推进一个海外并购,希望我们出一个整体融资和顾问方案,高层很重视与我行的长期合作。',
  },
  {
    id: 'hard-ft1',
    label: 'transactional',
    text: 'Owner of a small bubble-tea franchise asked for a RMB 200k loan to open a third shop. He got a lower quote from an online lender and wants to know if we can match it by tomorrow, otherwise he will go with them.',
  },
  {
    id: 'hard-ft2',
    label: 'transactional',
    text: '一家做包装的小厂,年销售一千多万,老板说哪家银行审批快、利息低就用哪家,这次就要一笔六个月的周转贷款,别的业务不考虑。',
  },
  {
    id: 'hard-ft3',
    label: 'transactional',
    text: 'Freelance photographer (self-employed) needs a small equipment loan; wants to do everything on the phone, minimum documents, and decision in 24 hours. Not interested in wealth products.',
  },
  {
    id: 'hard-ft4',
    label: 'transactional',
    text: '个体商户,卖水果的,想办一张经营性信用卡和小额贷款,只问利息多少、多久能批下来。经营状况还可以,没有不良记录。',
  },
  {
    id: 'hard-ft5',
    label: 'transactional',
    text: 'Small trucking firm, 6 trucks. The owner is pleasant and we have lunch sometimes, but he told me straight that he moved his fleet loan to a rival bank that was 50bp cheaper and will keep comparing every year.',
  },
  {
    id: 'hard-ft6',
    label: 'transactional',
    text: '初创的跨境电商团队,五个人,想通过手机APP申请一笔30万的信用贷款,最好今天就能放款,利率能低一点更好,其他服务暂时不需要。',
  },
  {
    id: 'hard-fp1',
    label: 'partnership',
    text: 'The Chen family has been with our private bank for over fifteen years; the patriarch says he stays because we understand his family, not because of rates. He wants his daughter to join our next-generation leaders programme and to host a dinner with peers.',
  },
  {
    id: 'hard-fp2',
    label: 'partnership',
    text: '客户是当地有名的民营企业家,三代人都在我行开户,对我们感情很深。平时很少谈价格,更在乎我们能不能帮他对接商会资源,每次我们的私享会他都来。',
  },
  {
    id: 'hard-fp3',
    label: 'partnership',
    text: 'Founder-owned winery, wealthy family. She turned down two competing offers because she feels our values match hers. Wants a personal relationship manager and invitations to our wine and art evenings. Business is stable, no debt problems.',
  },
  {
    id: 'hard-fp4',
    label: 'partnership',
    text: '家族企业老板,和我们合作十几年,彼此非常信任,他把企业和家庭的资金都放在我们这。他很在意我们组织的企业家游学和子女交流活动,对费率从来不讲价。',
  },
  {
    id: 'hard-fp5',
    label: 'partnership',
    text: 'HNW client, second-generation owner of a family textile firm. Very attached to our brand and our people; asked about joining the patrons circle and a family governance seminar. Price does not matter much to her.',
  },
  {
    id: 'hard-fp6',
    label: 'partnership',
    text: '高端个人客户,私人银行签约客户,认可我们的服务理念,朋友介绍来的,希望参加高尔夫邀请赛和圈层晚宴,愿意把更多资产放在我们这里。',
  },
  {
    id: 'hard-fd1',
    label: 'problem_solving',
    text: 'Long-time client, a large listed construction group (formerly AA). Since the summer they have been paying subcontractors late, two lenders have frozen undrawn lines, and their bonds trade at 40 cents. They want to discuss an extension and new liquidity.',
  },
  {
    id: 'hard-fd2',
    label: 'problem_solving',
    text: '客户是我们合作多年的老朋友,家族企业。今年下游房企拖欠货款,公司现金快用完了,下个月的贷款利息恐怕付不出来,想请我们帮忙想办法,看能不能延期或者重新安排还款。',
  },
  {
    id: 'hard-fd3',
    label: 'problem_solving',
    text: 'SME supplier whose main customer went bankrupt last month; receivables of RMB 8m are unlikely to be collected and they are behind on rent and two loan instalments. Asking for a repayment holiday.',
  },
  {
    id: 'hard-fd4',
    label: 'problem_solving',
    text: '某地方城投,评级AA,过去是我们的重点客户。最近非标融资出现逾期传闻,经核实已有一笔信托展期,地方财政也很紧张,需要我们研究化债方案。',
  },
  {
    id: 'hard-fd5',
    label: 'problem_solving',
    text: 'Mid-cap hotel chain, loyal client for years, occupancy collapsed and they breached the leverage covenant at the last test date. Management asked for a covenant holiday and some interest deferral while they sell two properties.',
  },
  {
    id: 'hard-fd6',
    label: 'problem_solving',
    text: '企业主反映最近订单断崖式下滑,员工工资已经拖了两个月,厂房也被另一家银行申请了查封,急需一笔救急资金。',
  },
];

/**
 * A second, smaller set written together with the first, before any rule existed, and never run while
 * tuning (all right on its first run). Caveat: the lexicon was written after both sets, by the same author.
 */
export const UNTUNED_CASES: readonly HardCase[] = [
  {
    id: 'untuned-s1',
    label: 'strategic',
    text: 'State-owned rail equipment maker, AA+ rated, a client of ours for over a decade across multiple export credit deals. Asked for a tailored ECA-backed structure for a Latin American contract and wants our structured finance team in the room at board level.',
  },
  {
    id: 'untuned-s2',
    label: 'strategic',
    text: '省属港口集团,主体评级AAA,本行为其银团贷款牵头行,合作项目已有五个。本次对定价略有微词,但更关注我们能否提供跨境并购融资的整体方案。',
  },
  {
    id: 'untuned-s3',
    label: 'strategic',
    text: 'Listed 光伏龙头企业, AA, 没有任何流动性问题. 双方签了战略合作协议, and they want 定制化 green loan structures for 3 new plants.',
  },
  {
    id: 'untuned-t1',
    label: 'transactional',
    text: 'Two-person design studio wants a RMB 100k overdraft; applied via the mobile app, wants approval by Friday and says the rate is all that matters.',
  },
  {
    id: 'untuned-t2',
    label: 'transactional',
    text: '小型汽修厂老板,人挺实在,跟我们关系一直不错,但这次说隔壁银行利率更低,打算把贷款转过去,只要便宜就行。',
  },
  {
    id: 'untuned-t3',
    label: 'transactional',
    text: '小微企业, 做跨境电商, 需要一笔短期周转, fast approval matters most, 没有逾期, 不需要其他服务.',
  },
  {
    id: 'untuned-p1',
    label: 'partnership',
    text: 'High-net-worth client and family business owner; loyal for 15 years, deeply trusts our RM and joins every private client salon. No debt concerns at all.',
  },
  {
    id: 'untuned-p2',
    label: 'partnership',
    text: '私人银行客户,家族企业掌门人,认同我们的文化,把我们当成自家人,希望获得更多高端社交资源和专属权益。',
  },
  {
    id: 'untuned-p3',
    label: 'partnership',
    text: '她是我们的 VIP 高净值客户, very loyal, 不在乎价格, wants invitations to our art-collector events 和私人晚宴.',
  },
  {
    id: 'untuned-d1',
    label: 'problem_solving',
    text: 'Textile exporter, our client for years, now cannot pay suppliers; one lender has called its loan and the owner asked us for a standstill while he sells a warehouse.',
  },
  {
    id: 'untuned-d2',
    label: 'problem_solving',
    text: '客户资金链断裂边缘,已经欠息两个月,实控人失联传闻不断,需要尽快启动风险化解。',
  },
  {
    id: 'untuned-d3',
    label: 'problem_solving',
    text: 'AAA 城投, 一直是 strategic client, 但上周一笔非标产品兑付出现延期, 需要我们协助做流动性安排.',
  },
];
