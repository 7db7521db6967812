import { bilingual } from './messages/messages.js';
import { type Bilingual, type HybridClassification, RELATIONSHIP_TYPES, type RelationshipType } from './types.js';

/**
 * Below this calibrated confidence a card does not present its type as an answer: it says it is
 * unsure between the two leading types and asks the questions that would decide it.
 */
export const UNSURE_BELOW = 0.45;

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
  const percent = Math.round(c.confidence * 100);
  const other = runnerUp(c);
  const questions = c.missing.slice(0, 2);
  return bilingual((m, lang) => {
    const names = m.notices.typeNames;
    const types = other ? m.notices.unsureEither(names[c.type], names[other]) : names[c.type];
    const ask =
      questions.length > 0 ? m.notices.unsureDecide(questions.map((q) => q.question[lang])) : m.notices.unsureAsk;
    return m.notices.unsure(percent, types, ask);
  });
};
