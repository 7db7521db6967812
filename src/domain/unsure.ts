import { type Bilingual, type HybridClassification, RELATIONSHIP_TYPES, type RelationshipType } from './types.js';

/**
 * Below this calibrated confidence a card does not present its type as an answer: it says it is
 * unsure between the two leading types and asks the questions that would decide it.
 */
export const UNSURE_BELOW = 0.45;

const NAMES: Record<RelationshipType, Bilingual> = {
  strategic: { zh: '战略合作型', en: 'Strategic' },
  transactional: { zh: '交易型', en: 'Transactional' },
  partnership: { zh: '伙伴型', en: 'Partnership' },
  problem_solving: { zh: '问题解决型', en: 'Problem-solving' },
};

/** The runner-up: the secondary type if any, else the next-highest score. */
const runnerUp = (c: HybridClassification): RelationshipType | null => {
  if (c.secondary !== null) return c.secondary;
  const others = RELATIONSHIP_TYPES.filter((t) => t !== c.type && c.scores[t] > 0);
  others.sort((x, y) => c.scores[y] - c.scores[x]);
  return others[0] ?? null;
};

/** The notice an unsure card shows, or null when the confidence is high enough. */
export const unsureNotice = (c: HybridClassification): Bilingual | null => {
  if (c.confidence >= UNSURE_BELOW) return null;
  const pct = Math.round(c.confidence * 100);
  const other = runnerUp(c);
  const questions = c.missing.slice(0, 2);
  const zhTypes = other ? `${NAMES[c.type].zh}还是${NAMES[other].zh}` : NAMES[c.type].zh;
  const enTypes = other ? `${NAMES[c.type].en} or ${NAMES[other].en}` : NAMES[c.type].en;
  const zhAsk =
    questions.length > 0
      ? `能决定的问题:${questions.map((q) => q.question.zh).join(' ')}`
      : '请补充客户的规模、合作历史、需求或困境情况。';
  const enAsk =
    questions.length > 0
      ? `What would decide it: ${questions.map((q) => q.question.en).join(' ')}`
      : "Tell me the client's size, history with us, needs, or any distress.";
  return {
    zh: `不确定(${pct}%):${zhTypes}?${zhAsk}`,
    en: `Unsure (${pct}%): ${enTypes}? ${enAsk}`,
  };
};
