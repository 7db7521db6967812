import type { MissingFact } from '../types.js';

/** The follow-up questions the classifier may ask, keyed by the fact they fill in. */
export const MISSING_FACTS = {
  distress: {
    id: 'distress',
    question: {
      en: 'Is the client currently behind on any payment, or under cash-flow pressure?',
      zh: '客户目前是否有逾期、欠息或资金链紧张的情况?',
    },
    yesNo: true,
  },
  distress_actual: {
    id: 'distress_actual',
    question: {
      en: 'Has the client actually missed a payment yet, or is it only a risk so far?',
      zh: '客户是否已经实际发生逾期或欠息,还是目前只是风险?',
    },
    yesNo: true,
  },
  history: {
    id: 'history',
    question: {
      en: 'How long have you worked with this client, and on how many deals?',
      zh: '与客户合作了多久?做过几笔业务?',
    },
    yesNo: false,
  },
  segment: {
    id: 'segment',
    question: {
      en: 'What kind of client is it: state-owned or listed group, SME, family business or wealthy individual?',
      zh: '客户属于哪类:国企/上市集团、中小微企业、家族企业还是高净值个人?',
    },
    yesNo: false,
  },
  price_sensitivity: {
    id: 'price_sensitivity',
    question: {
      en: 'Does the client choose its bank mainly on price or speed?',
      zh: '客户选择银行是否主要看利率价格或放款速度?',
    },
    yesNo: true,
  },
  loyalty: {
    id: 'loyalty',
    question: {
      en: 'Would the client stay with us if another bank offered a cheaper rate?',
      zh: '如果别家银行给出更低利率,客户是否仍会留在我行?',
    },
    yesNo: true,
  },
} as const satisfies Record<string, MissingFact>;

export type MissingFactId = keyof typeof MISSING_FACTS;
