import type { RelationshipType } from '../../src/domain/types.js';

/** A labelled passage written in the register of pasted news: third person, a bank or company as subject. */
export type NewsCase = { id: string; label: RelationshipType; lang: 'zh-Hans' | 'zh-Hant' | 'en'; text: string };

/**
 * News-style passages written for the suite (fictional companies, own words) so it covers news narration
 * without reading the git-ignored raw passages: announcements, deal wires, filings and feature stories,
 * longer than a note and naming other parties. Written before they were first scored (first run: 24/24,
 * scored with the lexicon that already had this round's news vocabulary, so the raw test passages remain
 * the real check of generalization).
 */
export const NEWS_CASES: readonly NewsCase[] = [
  // strategic: syndications, project finance closes, bank-group cooperation agreements
  {
    id: 'news-s01',
    label: 'strategic',
    lang: 'en',
    text: 'Harborline Ports said on Tuesday it had signed a US$900 million five-year syndicated term loan. DBS and Standard Chartered acted as mandated lead arrangers and bookrunners, and 14 banks joined in general syndication, which was oversubscribed. Proceeds will refinance existing borrowings and fund the second phase of its container terminal, the company said.',
  },
  {
    id: 'news-s02',
    label: 'strategic',
    lang: 'en',
    text: 'Northwind Renewables has reached financial close on its 420 MW offshore wind project. The non-recourse package includes a construction loan from a group of seven lenders, with SMBC as coordinating lead arranger, and a letter of credit facility backed by an export credit agency. The developer has another 2 GW in its pipeline.',
  },
  {
    id: 'news-s03',
    label: 'strategic',
    lang: 'zh-Hans',
    text: '记者获悉,某国有银行省分行日前与省交通投资集团签署全面战略合作协议,未来五年将提供不超过800亿元意向性授信,双方将在高速公路项目融资、银团贷款、债券承销和跨境资金池等领域深化合作。集团董事长与分行行长出席签约仪式。',
  },
  {
    id: 'news-s04',
    label: 'strategic',
    lang: 'zh-Hant',
    text: '台灣某公股銀行統籌主辦一家上市半導體封測廠新台幣150億元聯貸案,昨日完成簽約。該案原訂募集120億元,吸引16家銀行參貸,超額認購達1.8倍,資金將用於新廠建置及償還既有借款,由該銀行擔任額度管理銀行。',
  },
  {
    id: 'news-s05',
    label: 'strategic',
    lang: 'en',
    text: 'Two lenders signed a memorandum of understanding on Monday to co-finance infrastructure in the region. Under the framework agreement, the development bank will provide long-term funding for on-lending to renewable energy and water projects, and both sides will set up a joint working group to review the pipeline each quarter.',
  },
  {
    id: 'news-s06',
    label: 'strategic',
    lang: 'zh-Hans',
    text: '某城商行与市属城投集团签订银企合作备忘录,银行将为集团旧城改造和产业园区建设提供综合授信及定制化融资方案,并组建专属服务团队。双方此前已合作过三笔银团贷款。',
  },
  // transactional: online SME lending products and quick, standard loans
  {
    id: 'news-t01',
    label: 'transactional',
    lang: 'en',
    text: 'The fintech lender launched a line of credit for small businesses that can be opened entirely online. Owners link their bank account, get a decision in minutes and can draw funds the same day, with a simple flat fee and no collateral. The company said most of its borrowers are restaurants, salons and repair shops with fewer than ten staff.',
  },
  {
    id: 'news-t02',
    label: 'transactional',
    lang: 'zh-Hans',
    text: '该行推出面向小微企业的线上税贷产品,企业授权纳税数据后,手机银行即可申请,最高额度200万元,纯信用、随借随还、按日计息,最快三分钟审批、当天放款。银行表示,产品主要服务个体工商户和小商户的短期周转需求。',
  },
  {
    id: 'news-t03',
    label: 'transactional',
    lang: 'zh-Hant',
    text: '某民營銀行推出微型企業線上信貸,負責人透過手機上傳營業登記與近半年帳戶流水即可申請,額度最高新台幣50萬元,核貸後最快當日撥款,免擔保品、免保人,利率依信用評分定價。',
  },
  {
    id: 'news-t04',
    label: 'transactional',
    lang: 'en',
    text: "A food-truck owner told the paper she financed a second vehicle through an online equipment lender: she applied on her phone on Sunday, was approved on Monday and had the funds by Wednesday. 'I compared three quotes and took the cheapest,' she said, adding that she has no other accounts with the lender.",
  },
  {
    id: 'news-t05',
    label: 'transactional',
    lang: 'en',
    text: 'Invoice financing platforms are winning business from small suppliers who wait 60 days to be paid. A platform advances up to 85% of an invoice within 24 hours for a weekly fee; the borrower uploads the invoice, the customer pays the platform, and the balance is released minus fees. No other banking relationship is required.',
  },
  {
    id: 'news-t06',
    label: 'transactional',
    lang: 'zh-Hans',
    text: '一家社区便利店老板说,进货前急着用钱,他在手机上比较了几家平台的利率,选了最便宜的经营贷,两天到账,用完就还,别的业务都不需要。',
  },
  // partnership: community banking, private banking and family ties told as stories
  {
    id: 'news-p01',
    label: 'partnership',
    lang: 'en',
    text: "For three generations the Moreno family has banked at the same small-town bank. 'Our loan officer knew my grandfather,' said Luis Moreno, who now runs the family's orchards. When he wanted to buy a neighbour's land, the bank president came out to walk the rows with him and approved the loan on a handshake. 'They are part of the family,' he said.",
  },
  {
    id: 'news-p02',
    label: 'partnership',
    lang: 'en',
    text: 'The private bank hosts its clients at an annual dinner, a golf weekend and small art previews. One client, a founder who sold her software company, said she moved her wealth there because her private banker had advised her family for two decades and now helps with succession planning for her children.',
  },
  {
    id: 'news-p03',
    label: 'partnership',
    lang: 'zh-Hans',
    text: '在这家农商行,客户经理老陈跑了二十年乡镇,哪家养殖户几口人、孩子在哪上学他都清楚。养鸭大户张大姐说,从第一笔三万元贷款到现在的冷库,都是老陈陪着过来的,“他就像自家人一样”。',
  },
  {
    id: 'news-p04',
    label: 'partnership',
    lang: 'zh-Hant',
    text: '這家百年糕餅老店由第四代接班,與地方信用合作社往來已超過六十年。第四代老闆說,阿公那一代就是跟合作社借錢開店,社裡的老經理逢年過節都會來店裡坐坐,家族信託和傳承規劃也交給他們協助。',
  },
  {
    id: 'news-p05',
    label: 'partnership',
    lang: 'en',
    text: "When the bakery's founder retired, the credit union that had lent him his first oven helped his daughter take over. 'They believed in me when I was a kid behind the counter,' she said. The branch manager still stops by on Fridays, and the credit union invites its longtime members to a community dinner every spring.",
  },
  {
    id: 'news-p06',
    label: 'partnership',
    lang: 'zh-Hans',
    text: '某私人银行为高净值客户举办家族传承沙龙和子女教育交流活动。一位民营企业家说,他和私人银行家认识十几年,两代人的财富规划都交给对方,比起利率,他更看重这份信任。',
  },
  // problem_solving: current distress of the named company, told as news
  {
    id: 'news-d01',
    label: 'problem_solving',
    lang: 'en',
    text: 'Crestline Retail said its lenders agreed to a 60-day forbearance after the company skipped an interest payment due last week. The chain is negotiating a restructuring with an ad hoc group of bondholders and has hired advisers; auditors raised substantial doubt about its ability to continue as a going concern.',
  },
  {
    id: 'news-d02',
    label: 'problem_solving',
    lang: 'en',
    text: 'Pioneer Drilling filed for Chapter 11 protection on Sunday and said it had received commitments for US$150 million of debtor-in-possession financing from existing lenders. Under the plan, first-lien lenders would swap their debt for equity, and operations will continue while the case proceeds.',
  },
  {
    id: 'news-d03',
    label: 'problem_solving',
    lang: 'zh-Hans',
    text: '某民营钢铁集团因资金链断裂,多笔银行贷款逾期。当地金融监管部门牵头成立债委会,主席行表示将不抽贷、不断贷,对到期贷款给予展期,并推动债务重组方案落地。',
  },
  {
    id: 'news-d04',
    label: 'problem_solving',
    lang: 'zh-Hant',
    text: '某上市面板廠公告,因連續虧損、違反聯貸合約財務承諾,已向銀行團申請債權債務協商。最大債權銀行將召開債權銀行會議,研議將借款展延一年並暫緩還本,公司同時聲請紓困貸款。',
  },
  {
    id: 'news-d05',
    label: 'problem_solving',
    lang: 'en',
    text: 'The property developer missed a coupon on its offshore notes and entered a 30-day grace period. It said it would seek to extend maturities on onshore bonds and is in talks with creditors about a holistic restructuring; its syndicated loan lenders have formed a coordinating committee.',
  },
  {
    id: 'news-d06',
    label: 'problem_solving',
    lang: 'zh-Hans',
    text: '受订单骤降影响,某光伏组件厂停产三个月,无法偿还到期贷款。牵头行表示,银团已同意签署暂停追偿协议,给企业半年时间引入战投、调整还款计划。',
  },
];
