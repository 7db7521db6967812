import type { RelationshipType } from '../../src/domain/types.js';

/** A labelled RM note written to break keyword counting. */
export type HardCase = { id: string; label: RelationshipType; text: string };

/**
 * Hard cases: longer notes with distractors, negation, contrast, mixed zh/en and implicit distress.
 * The first 44 were written before any rule existed; later rounds were each written blind, scored
 * once (first-run results noted at each round), and only then used to broaden the lexicon. The rules
 * may be tuned against all of these; `UNTUNED_CASES` are the check that they generalize.
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
  // Blind round 2, written after the lexicon had grown (13/16 right on its first run, macro-F1 0.77:
  // implicit distress in new words — 回款拖延, 到期不续, 提前收回, "drew the full revolver", a flood).
  {
    id: 'blind-s1',
    label: 'strategic',
    text: 'Annual review with the group treasurer of a state-controlled petrochemical complex. We sit on their bank panel and arranged the 2022 refinancing with four other lenders. They are planning a new cracker unit and want our view on an ECA tranche plus a commodity hedging programme; asked for our head of structured finance to join the next meeting. Margins were discussed but they accept our pricing.',
  },
  {
    id: 'blind-s2',
    label: 'strategic',
    text: '客户是国内头部新能源车企,港股和A股两地上市,评级AAA。我行是其主要结算银行之一,历年参与了电池工厂和海外工厂的多笔融资。此次拜访董事长,对方希望和我行建立全面战略合作关系,并就欧洲建厂提供一揽子方案。',
  },
  {
    id: 'blind-s3',
    label: 'strategic',
    text: 'Port authority JV (51% municipal). Third project with us after two terminal loans; no arrears, no waivers requested, all covenants comfortably met. They asked for a tailored capex facility and a joint planning session with their board.',
  },
  {
    id: 'blind-s4',
    label: 'strategic',
    text: '省级能源投资平台,AA+,跟我行的合作从2015年开始,涵盖风电、光伏和储能项目。今年因为审批流程长,客户有些抱怨,也提到其他银行给的价格更低,但仍希望由我行继续担任牵头行。',
  },
  {
    id: 'blind-t1',
    label: 'transactional',
    text: 'Husband-and-wife hardware store. They need RMB 150k before the Spring Festival stock-up; asked three banks for quotes and will take whichever is approved first. Everything should be done in the app if possible.',
  },
  {
    id: 'blind-t2',
    label: 'transactional',
    text: '小型装修公司,员工十来个,想申请一笔装修贷周转,老板原话是“哪个银行利息便宜、放款快就找哪个”,对我们的理财、结算这些都没兴趣。',
  },
  {
    id: 'blind-t3',
    label: 'transactional',
    text: 'Early-stage food delivery startup, pre-revenue, wants a small credit line; founder says terms and speed matter, nothing else. No relationship history with us.',
  },
  {
    id: 'blind-t4',
    label: 'transactional',
    text: '我们和这位老板认识好几年了,平时逢年过节也会问候,不过这次续贷他直接说另一家银行利率低0.5个点,已经在那边提交材料了,我们这边如果给不了同样价格他就走。企业是小微,做五金批发。',
  },
  {
    id: 'blind-p1',
    label: 'partnership',
    text: 'Matriarch of a family-owned jewellery business; her father opened his first account with us in 1985. She calls us "our bank", brings her children to our family-business forum, and has declined offers from two private banks. She wants us to help plan the succession.',
  },
  {
    id: 'blind-p2',
    label: 'partnership',
    text: '高净值客户,经营一家连锁酒店,和我们合作十年,很认可我们的服务文化。去年别的银行来挖,他没动心。平时最喜欢参加我们的读书会和高尔夫活动,希望给他儿子也办一张私人银行卡。',
  },
  {
    id: 'blind-p3',
    label: 'partnership',
    text: 'Entrepreneur and long-time friend of the bank; stable business, no borrowing stress. He values the relationship with our branch president and wants to sponsor our entrepreneurs’ dinner; pricing is never discussed.',
  },
  {
    id: 'blind-p4',
    label: 'partnership',
    text: '客户是家族第三代接班人,对我们很有感情,说我行是“家里的银行”。她不关心价格,更看重我们能否介绍优质的行业人脉和高端客户活动。',
  },
  {
    id: 'blind-d1',
    label: 'problem_solving',
    text: 'Regional cement producer, AA- rated until last month when the agency downgraded them two notches. Energy costs ate the margin, they drew the full revolver, and the next amortisation is unlikely to be paid from cash flow. Asking all lenders for a standstill.',
  },
  {
    id: 'blind-d2',
    label: 'problem_solving',
    text: '这家老客户跟我们关系一直很好,但最近下游回款严重拖延,账上只剩下不到一个月的运营资金,其他两家银行到期不续,老板想请我们先给个过桥。',
  },
  {
    id: 'blind-d3',
    label: 'problem_solving',
    text: 'Family business, loyal for 20 years and usually very profitable. Since the flood destroyed their main warehouse, they have stopped production, insurance payout is delayed, and they are asking to defer principal for six months.',
  },
  {
    id: 'blind-d4',
    label: 'problem_solving',
    text: '国企背景的贸易公司,评级AA。最近被曝出存货质押重复融资问题,多家银行已经宣布提前收回贷款,公司流动性告急。',
  },
  // Blind round 3 (19/20 right on its first run, macro-F1 0.95: "现金流非常紧张" with an intensifier,
  // an auditor's 非标意见, lenders asking for 追加担保).
  {
    id: 'blind2-s1',
    label: 'strategic',
    text: 'Coverage call with a national telecom tower operator (majority owned by the three carriers, rated AA). We have been in every one of their loan syndicates since IPO. Next year they need funding for 5G sites in three provinces and asked whether we can anchor the deal and advise on green-bond eligibility.',
  },
  {
    id: 'blind2-s2',
    label: 'strategic',
    text: '这是我们分行最大的对公客户之一,央企控股的建筑集团,历年授信都在百亿级别。客户这次提出希望我们总行牵头,为其一带一路项目设计出口信贷加商业贷款的组合方案,并派专人对接。',
  },
  {
    id: 'blind2-s3',
    label: 'strategic',
    text: 'Investment-grade logistics REIT sponsor, a repeat borrower (six facilities with us). The CFO asked for a holistic review of their capital structure and an acquisition facility for a warehouse portfolio. They did push back on fees, as always.',
  },
  {
    id: 'blind2-s4',
    label: 'strategic',
    text: '地方国有交通集团,信用等级AA+,财务稳健,不存在任何债务逾期。双方已连续合作八年,客户希望把现有的分散贷款整合为一个长期银团安排,由我行做牵头安排行。',
  },
  {
    id: 'blind2-s5',
    label: 'strategic',
    text: 'A global mining major (A rated) with whom we have a decade-long relationship across project finance and commodity trade finance; they want a multi-bank framework for a copper project in Chile and expect us to take a lead role.',
  },
  {
    id: 'blind2-t1',
    label: 'transactional',
    text: 'Local bakery owner, two outlets, applied online for a RMB 80k equipment loan. He asked only two questions: what is the rate and when will the money arrive.',
  },
  {
    id: 'blind2-t2',
    label: 'transactional',
    text: '一家开了三年的小型广告公司,老板说只要利息合适、手续简单就行,贷款用三个月就还,之后也不打算做其他业务。',
  },
  {
    id: 'blind2-t3',
    label: 'transactional',
    text: 'Ride-hailing fleet of 15 cars run by a sole owner. Needs vehicle finance quickly; he has already got two offers from online lenders and will pick the lowest monthly payment.',
  },
  {
    id: 'blind2-t4',
    label: 'transactional',
    text: '个体工商户,卖服装的,想通过我行APP申请信用贷,问能不能明天到账,利率比别家高的话就不办了。',
  },
  {
    id: 'blind2-t5',
    label: 'transactional',
    text: 'Friendly café owner who has banked with us for a couple of years, but this time he is only comparing offers: another bank quoted a lower rate for his renovation loan and he said he will go there unless we match it.',
  },
  {
    id: 'blind2-p1',
    label: 'partnership',
    text: 'Old Mr. Huang runs a family-owned ceramics business and has trusted our branch since the day he started. He says he banks with people, not prices. He would like us to host a small gathering for his business friends and to meet his grandson who is taking over.',
  },
  {
    id: 'blind2-p2',
    label: 'partnership',
    text: '私人银行客户王女士,做家族投资,信任我们的团队十多年了,对收益和价格都不太计较,最看重我们的专属服务、艺术品鉴活动和子女的海外教育资源对接。',
  },
  {
    id: 'blind2-p3',
    label: 'partnership',
    text: 'A wealthy couple who own a chain of clinics; they moved their personal and business accounts to us because our values on community giving matched theirs. They want to co-host our charity auction and get introductions to other founders.',
  },
  {
    id: 'blind2-p4',
    label: 'partnership',
    text: '老客户赵总,民营企业家,和我们支行的感情很深,说只要我们还在就不会换银行。他希望参加我们组织的企业家私董会,认识更多圈子里的朋友。',
  },
  {
    id: 'blind2-p5',
    label: 'partnership',
    text: 'High net worth family with a long history at our private bank; their second generation now runs the company. They care about the relationship and exclusive experiences, and they are financially solid with no problems on any loan.',
  },
  {
    id: 'blind2-d1',
    label: 'problem_solving',
    text: 'Textile mill owner called: the main export customer cancelled orders, two months of wages are owed, and the electricity company is threatening disconnection. He asks if we can give him more time on the loan and a small emergency line.',
  },
  {
    id: 'blind2-d2',
    label: 'problem_solving',
    text: '客户是我们服务多年的上市公司,评级一度是AA。最近年报被会计师出具了非标意见,有几家债权银行开始要求追加担保,公司现金流非常紧张,需要我们牵头协调各家银行稳贷。',
  },
  {
    id: 'blind2-d3',
    label: 'problem_solving',
    text: 'Property developer, longstanding client. Sales have basically stopped, the trust loan is in default, and contractors have stopped work at two sites. Management wants to talk about extending our loan and bringing in a white knight.',
  },
  {
    id: 'blind2-d4',
    label: 'problem_solving',
    text: '老板最近很焦虑,下游大客户破产导致三千万应收款可能收不回来,银行承兑汇票也快到期了,公司靠老板个人借钱在撑,希望我们帮忙做个展期。',
  },
  {
    id: 'blind2-d5',
    label: 'problem_solving',
    text: 'Family-owned hotel group, usually a model client with strong loyalty. Occupancy fell below 30% after the earthquake, cash will run out by September, and they want a payment holiday plus help talking to the other banks.',
  },
  // Blind round 4, long call-report style notes (11/12 right on its first run, macro-F1 0.91: a bare
  // "DSCR" in "DSCR comfortably above covenant" read as distress; the bare term was removed).
  {
    id: 'hard-b4s7',
    label: 'strategic',
    text: 'Call report 14 Mar. Attendees: CFO, head of treasury, our CRM team. Client: provincial highway investment group (SOE, AA+). Discussed: (1) refinancing of the 2019 syndicated loan where we were coordinator; (2) new expressway PPP, total capex RMB 12bn, they want us to structure and lead; (3) interest-rate hedging. They noted competitors are aggressive on pricing. No asset-quality issues; DSCR comfortably above covenant. Next step: term sheet in two weeks.',
  },
  {
    id: 'hard-b4s8',
    label: 'strategic',
    text: '拜访纪要:客户为市属城投集团,主体信用AA+,是我行十年以上的核心客户,目前在我行有存量项目贷款三笔、银团一笔。本次客户提出两点:一是希望我行牵头新的片区开发项目融资,二是希望提供债务结构优化的财务顾问服务。客户也提到近期城投融资环境收紧,但其自身现金流稳定,没有任何到期压力。',
  },
  {
    id: 'hard-b4s9',
    label: 'strategic',
    text: 'Relationship overview: global container-leasing group, listed in HK, rated BBB+. Six deals with us since 2016 incl. two ECA-backed facilities. Asked for an integrated solution for a 40-vessel programme and a standing quarterly strategy meeting with our senior management. They complained last year about slow credit turnaround; resolved since.',
  },
  {
    id: 'hard-b4t8',
    label: 'transactional',
    text: '客户情况:个体经营的烘焙店,店主刘女士,开店两年,流水稳定,没有逾期记录。需求:购置新烤箱,需要10万元左右的设备贷款。她比较了三家银行的报价,说谁家利率低、手续快就选谁。她对理财、私人银行这些都没什么兴趣,也不想参加活动。',
  },
  {
    id: 'hard-b4t9',
    label: 'transactional',
    text: 'New-to-bank SME, a 20-person electronics assembler. They need a 6-month working capital line to fund one big order. The owner was polite but clear: our rate has to beat the quote from another bank, approval within a week, and he does not want any other products. No sign of financial stress.',
  },
  {
    id: 'hard-b4t10',
    label: 'transactional',
    text: 'Met Mr. Sun again (tyre shop, sole proprietor). We get along well and he always brings tea, but he has moved his POS settlement and loan to a digital bank that gives a lower rate, and says he will come back only if we are cheaper.',
  },
  {
    id: 'hard-b4p8',
    label: 'partnership',
    text: '客户背景:民营企业家周先生,家族经营连锁药店,在我行开户近二十年,私人银行钻石客户。他多次表示认可我行稳健、诚信的文化,愿意把家族信托和企业结算都放在我行。诉求:希望我们为他的女儿介绍金融行业的导师,并邀请他参加年度企业家论坛。价格方面他从不计较,别家多次来挖也没走。',
  },
  {
    id: 'hard-b4p9',
    label: 'partnership',
    text: 'Mrs. Lim, HNW, owns a family-run chain of kindergartens. Banked with us since 2003 and refers friends to us. She is financially comfortable, has no loans in trouble and never asks about pricing. She asked whether her son can join our next-gen entrepreneurs programme and wants an invitation to the spring gala.',
  },
  {
    id: 'hard-b4p10',
    label: 'partnership',
    text: '老客户关系维护:客户是当地知名家族企业的二代接班人,对我们行长非常信任,平时有什么事情都先找我们商量。他希望我们多组织一些私享活动,帮助他拓展同行的人脉圈子。企业经营稳定,不需要额外融资。',
  },
  {
    id: 'hard-b4d9',
    label: 'problem_solving',
    text: 'Watchlist review. Borrower: mid-size chemical producer, client since 2012, historically strong. Q3: EBITDA down 60%, DSCR at 0.8x versus a 1.2x covenant, and the company drew down its remaining RCF. Management has approached all lenders about a standstill and a covenant reset; one lender has already frozen the undrawn portion. Recommend transfer to special assets.',
  },
  {
    id: 'hard-b4d10',
    label: 'problem_solving',
    text: '风险提示:客户为我行多年合作的民营纺织企业,今年以来出口订单大幅减少,6月起开始拖欠员工工资,近期又被另一家银行起诉。企业主动找到我们,希望能对到期贷款办理展期,并提供一笔小额应急资金维持生产。',
  },
  {
    id: 'hard-b4d11',
    label: 'problem_solving',
    text: 'Mixed note: 客户是AAA的央企二级子公司, always a showcase client for us. But this week the parent announced a debt restructuring, 子公司的商票也出现了逾期, and two banks froze their credit lines. They want us to keep the facility in place and discuss an extension.',
  },
];

/**
 * Cases never tuned on. The first twelve were written with the first hard cases, before any rule
 * existed, and never run while tuning (all right on their first run; caveat: the lexicon was written
 * after them, by the same author). The rest were written after all tuning and run once.
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
  // Written after all tuning, as the last blind check: 16/16 right on the first and only run.
  {
    id: 'untuned-s4',
    label: 'strategic',
    text: 'Met their deputy GM and treasury head. Provincial water utility, state-owned, AA. We have financed three treatment plants with them since 2017 and they regard us as a key relationship bank. The ask: a long-dated club facility for a desalination project plus advice on hedging the floating rate. They mentioned a competitor offered tighter pricing; not a deal-breaker.',
  },
  {
    id: 'untuned-s5',
    label: 'strategic',
    text: '客户是某大型央企的融资平台公司,主体评级AAA,本行为其合作银行中授信规模前三。本次沟通涉及其海外绿地投资项目,客户希望我行牵头组建国际银团,同时提供跨境资金管理方案。',
  },
  {
    id: 'untuned-s6',
    label: 'strategic',
    text: 'Listed infrastructure developer (BBB, investment grade) and one of our top-20 corporate relationships. Repeat client on toll roads and a metro line; they want a master facility agreement to cover the next three years of projects. No stress in their numbers.',
  },
  {
    id: 'untuned-t4',
    label: 'transactional',
    text: '做农产品批发的小老板,第一次来我行,要一笔30万的短期经营贷,说哪家银行先批就用哪家,其他的不需要。',
  },
  {
    id: 'untuned-t5',
    label: 'transactional',
    text: 'Small online retailer, one-person company. Wants a quick RMB 50k loan to buy stock for a sales event; already applied at two fintech apps and will take whatever clears first at the lowest rate.',
  },
  {
    id: 'untuned-t6',
    label: 'transactional',
    text: '开修车铺的个体户老李,人很热情,跟我们关系挺好,但这回他说隔壁农商行利率更低,已经把贷款转过去了,以后只看价格。',
  },
  {
    id: 'untuned-t7',
    label: 'transactional',
    text: 'Startup founder (SaaS, 10 staff) looking for a standard working capital facility; asked for the cheapest option with the least paperwork and said he does not need any advisory or events.',
  },
  {
    id: 'untuned-p4',
    label: 'partnership',
    text: '家族企业掌门人陈总,与我行合作近二十年,多次在公开场合说我们是“自己人”。他很少问利率,更关心我们能否帮助其子女接班,并积极参加我们的企业家沙龙。',
  },
  {
    id: 'untuned-p5',
    label: 'partnership',
    text: 'HNW entrepreneur whose family has been with us for decades; she trusts our RM personally and enjoys our private client dinners. She is not price-driven and has no financial worries.',
  },
  {
    id: 'untuned-p6',
    label: 'partnership',
    text: '高净值客户,企业经营稳健,没有负债压力。对我行品牌认同度高,愿意把家庭资产都放在我们这里,希望多参加高端圈层活动。',
  },
  {
    id: 'untuned-p7',
    label: 'partnership',
    text: 'Family-owned shipping agent, third generation, deeply loyal: they stayed with us through two cheaper offers. They want invitations to our networking events and a personal banker for the family.',
  },
  {
    id: 'untuned-d4',
    label: 'problem_solving',
    text: 'Long relationship, formerly one of our better SME borrowers. Now: the largest customer has not paid for four months, staff salaries were paid late in May, and the owner has borrowed from relatives to keep going. He is asking us to reschedule the term loan.',
  },
  {
    id: 'untuned-d5',
    label: 'problem_solving',
    text: '客户为省属国企,AAA评级,一直是重点战略客户。但近期其下属子公司债券未能按期兑付,引发连锁反应,多家银行开始收紧授信,客户希望我们维持授信并研究展期方案。',
  },
  {
    id: 'untuned-d6',
    label: 'problem_solving',
    text: '企业因为环保督察被责令停产,三个月没有收入,工人工资已经发不出来,几家银行都在催还款,老板希望我们能帮忙渡过这个难关。',
  },
  {
    id: 'untuned-d7',
    label: 'problem_solving',
    text: 'Our friend the owner of a family brewery says payroll is at risk next month: a key distributor went into administration owing them EUR 2m, and the overdraft is maxed. He wants a temporary increase and covenant relief.',
  },
  {
    id: 'untuned-d8',
    label: 'problem_solving',
    text: 'Large SOE-backed shipyard, investment grade until recently. They breached the net-debt covenant, the auditors added an emphasis-of-matter on going concern, and lenders have met twice on a standstill.',
  },
  // A second last blind check, written after all tuning: 14/14 right on the first and only run.
  {
    id: 'untuned-s10',
    label: 'strategic',
    text: 'Quarterly relationship review — national power grid subsidiary, sovereign rated. We are their house bank for cash pooling and co-led their last three transmission financings. This quarter they pushed hard on fees and asked why our credit committee took so long; still, they want us on the mandate for the interconnector project.',
  },
  {
    id: 'untuned-s11',
    label: 'strategic',
    text: '客户嫌我们上次审批太慢、利率也不占优势,但它是省属能源集团,AAA,合作了十二年,参与过我们五个项目,这次的海上风电项目还是希望由我们来牵头。',
  },
  {
    id: 'untuned-s12',
    label: 'strategic',
    text: 'Top-tier insurer (institutional investor) looking to co-invest in our infrastructure loans again; fourth transaction together. They want a programmatic arrangement and bespoke reporting. Zero credit concerns.',
  },
  {
    id: 'untuned-t11',
    label: 'transactional',
    text: '这位老板跟我私交不错,经常一起喝茶,但生意上很现实:这次的50万经营贷,哪家银行利率低他就去哪家,已经在比三家的报价了。公司就是个小门店。',
  },
  {
    id: 'untuned-t12',
    label: 'transactional',
    text: 'A two-year-old online florist (5 staff) wants a small unsecured loan before Valentine’s Day. Decision speed is everything; they said they will go to whichever lender says yes first. No other products needed.',
  },
  {
    id: 'untuned-t13',
    label: 'transactional',
    text: '小微企业主,开了一家快递网点,想在手机银行上申请一笔纯信用的周转贷款,希望材料越少越好、当天能批,别的都不关心。没有任何不良记录。',
  },
  {
    id: 'untuned-t14',
    label: 'transactional',
    text: 'Nice guy, runs a small print shop, we have known him since 2019. However, he just refinanced his equipment loan with a fintech because it was 1% cheaper and told us price is the only thing he looks at.',
  },
  {
    id: 'untuned-p11',
    label: 'partnership',
    text: '这是一位在我行十五年的私行客户,家族做纺织起家,现在由儿子接班。她说选择我们是因为信得过我们这些人,而不是因为价格。希望我们能多组织一些家族传承和子女教育的交流活动。',
  },
  {
    id: 'untuned-p12',
    label: 'partnership',
    text: 'Founder of a family-owned seafood exporter and a long-time friend of the branch. Refused a cheaper mortgage elsewhere because of loyalty. Wants VIP access to our wealth forum and introductions to other family businesses. Business is healthy; no liquidity issues.',
  },
  {
    id: 'untuned-p13',
    label: 'partnership',
    text: '客户是一位企业家,对我行品牌有很强的认同感,多次带朋友来开户。他看重的是我们的私人银行服务和高端社交圈,对利率基本不问。公司经营良好,没有任何贷款问题。',
  },
  {
    id: 'untuned-d12',
    label: 'problem_solving',
    text: '客户在我行合作多年,一直很守信用。最近因为最大的客户跑路,应收账款收不回来,已经两个月没发工资了,老板说再没有资金进来就只能停产。',
  },
  {
    id: 'untuned-d13',
    label: 'problem_solving',
    text: 'AAA-rated provincial SOE, one of our flagship relationships. However, its finance arm missed a coupon on a private placement last Friday, and several banks have started cutting limits. They have asked us to hold our lines and look at a maturity extension.',
  },
  {
    id: 'untuned-d14',
    label: 'problem_solving',
    text: 'Loyal HNW family; their building-materials business is now in serious trouble: the main plant has been idle since April, the bank account was frozen by a court order, and they cannot pay the next instalment.',
  },
  {
    id: 'untuned-d15',
    label: 'problem_solving',
    text: '中型房企,过去是我们的优质客户。现在预售资金监管收紧,项目停工,有两笔商票逾期,公司希望我们牵头成立债委会,协调展期。',
  },
];
