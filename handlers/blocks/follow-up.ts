import { z } from 'zod';
import type { Choice } from '../../src/conversation/follow-up-policy.js';
import { MAX_FOLLOW_UPS } from '../../src/conversation/service.js';
import { messages } from '../../src/domain/messages/messages.js';
import type { Lang } from '../../src/domain/types.js';
import { escapeSlack } from '../../src/slack/escape.js';
import { ACTIONS } from '../ids.js';
import type { SlackMessage } from './classification-card.js';
import { actions, type Block, button, context, section } from './kit.js';

/** What a quick-reply button carries: the thread, the question (id, number, text) and the choice. */
const followUpValueSchema = z.object({
  k: z.string().min(1).max(300),
  i: z.string().max(60),
  n: z.number().int().min(1).max(10),
  q: z.string().max(1500),
  c: z.number().int().min(0).max(10).optional(),
});
export type FollowUpValue = z.infer<typeof followUpValueSchema>;

export const encodeFollowUp = (value: FollowUpValue): string => JSON.stringify({ ...value, q: value.q.slice(0, 1500) });

export const decodeFollowUp = (value: unknown): FollowUpValue | undefined => {
  const parsed = followUpValueSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

export type FollowUpQuestion = {
  id: string;
  question: string;
  yesNo: boolean;
  choices: Choice[];
  number: number;
  lang: Lang;
};

/**
 * A follow-up question with quick replies: Yes/No for a yes-or-no question, one button per answer
 * for a fixed-choice one, and always "Classify now". Once answered, the message loses its buttons.
 */
export const buildFollowUpMessage = (q: FollowUpQuestion, threadKey: string): SlackMessage => {
  const m = messages(q.lang);
  const base = { k: threadKey, i: q.id, n: q.number, q: q.question };
  const value = encodeFollowUp(base);
  const replies = q.yesNo
    ? [button(m.yes, ACTIONS.followUpYes, value, 'primary'), button(m.no, ACTIONS.followUpNo, value)]
    : q.choices.map((choice, c) =>
        button(choice.label[q.lang], `${ACTIONS.followUpChoice}_${c}`, encodeFollowUp({ ...base, c })),
      );
  const blocks: Block[] = [
    section(`${m.followUpIntro}\n*${escapeSlack(q.question)}*`),
    actions([...replies, button(m.classifyNow, ACTIONS.classifyNow, value)]),
    context(m.followUpCount(q.number, MAX_FOLLOW_UPS)),
  ];
  return { text: `${m.followUpIntro} ${escapeSlack(q.question)}`, blocks };
};

/** The question as it reads once answered: no buttons left, the answer shown. */
export const answeredFollowUp = (question: string, answer: string, lang: Lang): SlackMessage => {
  const text = `*${escapeSlack(question)}*\n${messages(lang).answeredBy(escapeSlack(answer))}`;
  return { text: `${escapeSlack(question)} → ${escapeSlack(answer)}`, blocks: [section(text)] };
};
