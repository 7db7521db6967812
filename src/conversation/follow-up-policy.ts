import { bilingual, type Messages, messages } from '../domain/messages/messages.js';
import type { Playbook } from '../domain/playbook.js';
import type { Bilingual, HybridClassification, Lang, RelationshipType } from '../domain/types.js';
import type { ThreadState } from '../store/ports.js';

/** At most this many follow-up questions per thread, then it classifies whatever it has. */
export const MAX_FOLLOW_UPS = 2;
/** The runner-up type is "close" when its score is at least this share of the leader's. */
const CLOSE_CALL_RATIO = 0.8;
export const CLOSE_CALL_MARK = 'close-call';
/** A confident result is shown at once; below this, a missing key fact is worth a question. */
const ASK_BELOW_CONFIDENCE = 0.7;

/** One fixed answer to a question: the button's label and the words it adds to the description. */
export type Choice = { label: Bilingual; says: Bilingual };

export type FollowUp = {
  /** The missing fact's id (or the close-call mark): what the thread remembers as asked. */
  id: string;
  question: string;
  yesNo: boolean;
  choices: Choice[];
};

/**
 * The answers a question with a fixed set of them offers, one button each (texts in the catalogue);
 * none for an open question.
 */
export const choicesFor = (id: string): Choice[] => {
  const { followUpChoices } = messages('en');
  if (!Object.hasOwn(followUpChoices, id)) return [];
  const key = id as keyof typeof followUpChoices;
  return Object.keys(followUpChoices[key]).map((answer) => {
    const pick = (m: Messages) => m.followUpChoices[key][answer as keyof (typeof followUpChoices)[typeof key]];
    return { label: bilingual((m) => pick(m).label), says: bilingual((m) => pick(m).says) };
  });
};

const isCloseCall = (c: HybridClassification): boolean => {
  const [top = 0, second = 0] = Object.values(c.scores).sort((a, b) => b - a);
  return top > 0 && second >= top * CLOSE_CALL_RATIO;
};

/** The ids of the questions this thread already asked. */
export const askedIn = (thread: ThreadState): Set<string> =>
  new Set(thread.turns.filter((t) => t.role === 'bot').map((t) => t.text));

/**
 * The next question worth asking, or null: none once two were asked, none when the result is
 * confident and not a close call; otherwise the most telling missing fact not asked yet, else a
 * close-call question naming the two leading types.
 */
export const nextFollowUp = (
  c: HybridClassification,
  thread: ThreadState,
  lang: Lang,
  playbook: Playbook,
): FollowUp | null => {
  if (thread.followUpsAsked >= MAX_FOLLOW_UPS) return null;
  const closeCall = isCloseCall(c);
  if (!closeCall && c.confidence >= ASK_BELOW_CONFIDENCE) return null;
  const asked = askedIn(thread);
  const fact = c.missing.find((m) => !asked.has(m.id));
  if (fact) return { id: fact.id, question: fact.question[lang], yesNo: fact.yesNo, choices: choicesFor(fact.id) };
  if (closeCall && !asked.has(CLOSE_CALL_MARK)) {
    const ranked = (Object.entries(c.scores) as Array<[RelationshipType, number]>).sort((a, b) => b[1] - a[1]);
    const name = (type: RelationshipType | undefined) =>
      playbook.types.find((t) => t.id === type)?.shortName[lang] ?? String(type);
    const question = messages(lang).closeCallQuestion(name(ranked[0]?.[0]), name(ranked[1]?.[0]));
    return { id: CLOSE_CALL_MARK, question, yesNo: false, choices: [] };
  }
  return null;
};

/**
 * True when nothing points to any type: no evidence in the description, no model opinion and no
 * team model with a say. No type is honest then.
 */
export const hasNoSignal = (c: HybridClassification): boolean =>
  c.llm === null && (c.team?.weight ?? 0) === 0 && !c.signals.some((s) => s.weight > 0 && !s.negated);
